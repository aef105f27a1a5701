import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eventEnvelope } from '../../support/slack-requests.js';
import { storedReminders } from '../../support/stored-rows.js';
import { caseHarness, openCase as openCaseIn, resetBetweenTests } from './case-steps.js';
import { type CaseFields, GOOD_CASE } from './case-values.js';
import { type Harness, limitProblems, START } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await caseHarness();
});
afterAll(() => h.close());
beforeEach(() => resetBetweenTests(h));

const openCase = (fields?: CaseFields, channel?: string) => openCaseIn(h, fields, channel);

describe('listing and App Home', () => {
  it("/sla list shows the channel's open cases, soonest deadline first, linked to their cards", async () => {
    await openCase({ ...GOOD_CASE, caseNumber: 'LIST-C', severity: 'C' }, 'CLIST');
    await openCase({ ...GOOD_CASE, caseNumber: 'LIST-A' }, 'CLIST');
    await h.command('list', { channel: 'CLIST' });
    const [answer] = await h.slack.waitFor('response_url');
    const text = JSON.stringify(answer?.body.blocks);
    expect(text.indexOf('LIST-A')).toBeLessThan(text.indexOf('LIST-C'));
    expect(text).toContain('https://slack.com/archives/CLIST/p');
    expect(limitProblems(h.slack.calls)).toEqual([]);
  });

  it("App Home lists the person's open cases across channels, or a how-to", async () => {
    await openCase({ ...GOOD_CASE, caseNumber: 'HOME-1' }, 'CHOME');
    const response = await h.event(
      eventEnvelope({ type: 'app_home_opened', user: 'U1', channel: 'D1', tab: 'home', event_ts: '1.2' }),
    );
    expect(response.status).toBe(200);
    const [publish] = await h.slack.waitFor('views.publish');
    expect(publish?.body.user_id).toBe('U1');
    const view = publish?.body.view as { type: string; blocks: unknown[] };
    expect(view.type).toBe('home');
    expect(JSON.stringify(view.blocks)).toContain('HOME-1');

    await h.event(
      eventEnvelope({ type: 'app_home_opened', user: 'U3', channel: 'D3', tab: 'home', event_ts: '1.3' }),
    );
    const second = (await h.slack.waitFor('views.publish', 2))[1];
    expect(JSON.stringify(second?.body.view)).toContain('/sla');
    expect(JSON.stringify(second?.body.view)).toContain('U hebt geen open aanvragen');
    expect(limitProblems(h.slack.calls)).toEqual([]);
  });
});

describe("reminders in the card's thread", () => {
  it('posts due reminders as thread replies when the dispatcher runs past their time', async () => {
    const opened = await openCase({ ...GOOD_CASE, caseNumber: 'REM-1' }, 'CREM');
    await h.server.dispatcher.tick(); // warnings due at once (contact details for A)
    h.clock.advance(61 * 60_000);
    await h.server.dispatcher.tick();
    const replies = h.slack.callsTo('chat.postMessage').filter((call) => call.body.thread_ts === opened.ts);
    expect(replies.length).toBeGreaterThanOrEqual(3);
    expect(replies.every((call) => call.body.channel === 'CREM')).toBe(true);
    expect(replies.some((call) => /passed/.test(String(call.body.text)))).toBe(true);
    expect(replies.some((call) => /<!date\^\d+\^/.test(String(call.body.text)))).toBe(true);
  });

  it('channel_not_found flags the case and stops; a 429 is retried later', async () => {
    const gone = await openCase({ ...GOOD_CASE, caseNumber: 'REM-GONE' }, 'CGONE');
    h.slack.fail('chat.postMessage', { error: 'channel_not_found' });
    h.clock.advance(61 * 60_000);
    await h.server.dispatcher.tick();
    expect((await h.server.store.getCase('T1', gone.id))?.flag).toBe('channel_not_found');
    const reminders = await storedReminders(h.server, 'T1', gone.id);
    expect(reminders.some((row) => row.state === 'failed')).toBe(true);

    h.slack.clear();
    h.clock.set(START);
    const limited = await openCase({ ...GOOD_CASE, caseNumber: 'REM-429' }, 'C429');
    h.slack.fail('chat.postMessage', { status: 429, retryAfter: 30 });
    h.clock.advance(61 * 60_000);
    await h.server.dispatcher.tick();
    const rows = await storedReminders(h.server, 'T1', limited.id);
    const retried = rows.filter(
      (row) => row.state === 'pending' && row.lastError?.startsWith('rate_limited'),
    );
    expect(retried.length).toBeGreaterThan(0);
    expect(retried.every((row) => (row.nextAttemptAt ?? 0) >= h.clock.now() + 30_000)).toBe(true);
  });
});
