import { webApi } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { peopleDirectory } from '../../../adapters/slack/locale.js';
import { type SlackStandIn, startSlackStandIn } from '../../support/slack-stand-in.js';

let slack: SlackStandIn;
let client: webApi.WebClient;
beforeAll(async () => {
  slack = await startSlackStandIn();
  client = new webApi.WebClient('xoxb-test', { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } });
});
afterAll(() => slack.close());

describe("a person's Slack locale and zone", () => {
  it('asks users.info with include_locale once, then answers from the cache until it expires', async () => {
    let now = 0;
    const people = peopleDirectory({ now: () => now });
    slack.user({ id: 'UNL', name: 'Daan', locale: 'nl-NL', tz: 'Europe/Amsterdam' });
    expect(people.cached('T1', 'UNL')).toBeUndefined();
    const person = await people.lookup(client, 'T1', 'UNL');
    expect(person).toMatchObject({ locale: 'nl-NL', language: 'nl', timeZone: 'Europe/Amsterdam' });
    expect(slack.callsTo('users.info')[0]?.body).toMatchObject({ user: 'UNL', include_locale: 'true' });
    await people.lookup(client, 'T1', 'UNL');
    expect(slack.callsTo('users.info')).toHaveLength(1);
    expect(people.cached('T1', 'UNL')?.language).toBe('nl');
    now += 11 * 60_000;
    expect(people.cached('T1', 'UNL')).toBeUndefined();
  });

  it('falls back to English without caching when Slack does not answer', async () => {
    const people = peopleDirectory({ now: () => 0 });
    slack.fail('users.info', { error: 'missing_scope' });
    expect(await people.lookup(client, 'T1', 'UX')).toMatchObject({ language: 'en', timeZone: undefined });
    expect(people.cached('T1', 'UX')).toBeUndefined();
    slack.clear();
    slack.user({ id: 'UX', locale: 'nl-BE', tz: 'Europe/Brussels' });
    expect((await people.lookup(client, 'T1', 'UX')).language).toBe('nl');
  });
});
