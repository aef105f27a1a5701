import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FORM, sendSigned, signature, slashCommandBody } from '../../support/slack-requests.js';
import { type Harness, limitProblems, startHarness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());
beforeEach(() => {
  h.slack.calls.length = 0;
  h.slack.clear();
});

/** Sends `/sla <text>`: the ack is an empty 200; the answer is posted to response_url. */
async function ask(text: string, options: { user?: string } = {}): Promise<Record<string, unknown>> {
  const before = h.slack.callsTo('response_url').length;
  const response = await h.command(text, options);
  expect(response.status).toBe(200);
  expect(response.text).toBe('');
  const posts = await h.slack.waitFor('response_url', before + 1);
  return posts[before]?.body ?? {};
}

describe('Slack requests over HTTP', () => {
  it('answers url_verification with the challenge', async () => {
    const response = await h.event({ token: 'x', challenge: 'c-123', type: 'url_verification' });
    expect(response.status).toBe(200);
    expect(response.text).toContain('c-123');
  });

  it('refuses a bad signature with 401 and does nothing', async () => {
    const response = await h.command('', { secret: 'not-the-secret' });
    expect(response.status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(h.slack.calls).toEqual([]);
  });

  it('refuses a stale timestamp with 401 and does nothing', async () => {
    const response = await h.command('', { timestamp: Math.floor(Date.now() / 1000) - 10 * 60 });
    expect(response.status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(h.slack.calls).toEqual([]);
  });

  it('refuses a body changed after signing', async () => {
    const body = slashCommandBody({ text: 'list', responseUrl: h.slack.responseUrl });
    const timestamp = Math.floor(Date.now() / 1000);
    const signed = await sendSigned(h.events, body, FORM, { timestamp });
    expect(signed.status).toBe(200);
    const response = await fetch(h.events, {
      method: 'POST',
      headers: {
        'content-type': FORM,
        'x-slack-request-timestamp': String(timestamp),
        'x-slack-signature': signature('test-signing-secret-0123456789abcdef', timestamp, body),
      },
      body: body.replace('list', 'help'),
    });
    expect(response.status).toBe(401);
  });

  // Issue 14: the customer's language, country and zone are never taken from the engineer's own Slack
  // settings (a Polish engineer in Warsaw is no Polish customer): the modal asks, and says so.
  it('/sla opens the case modal with views.open: required fields first, nothing from the person’s client', async () => {
    h.slack.user({ id: 'U7', name: 'Anka', locale: 'pl-PL', tz: 'Europe/Warsaw' });
    const started = Date.now();
    const response = await h.command('', { user: 'U7' });
    expect(response.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(3000);
    const [open] = await h.slack.waitFor('views.open');
    const view = open?.body.view as {
      callback_id: string;
      private_metadata: string;
      blocks: Array<{ type: string; block_id?: string; element?: Record<string, unknown> }>;
    };
    expect(open?.body.trigger_id).toMatch(/^trigger-/);
    expect(view.callback_id).toBe('sla_case');
    // No Polish interface: the modal speaks English.
    // The hidden fields' defaults travel with the modal: the policy's scope, nothing of the person's.
    expect(JSON.parse(view.private_metadata)).toEqual({
      channel: 'C1',
      language: 'en',
      more: false,
      hidden: { commit24x7: 'default', issueType: 'technical', product: 'azure-ga' },
    });
    const inputs = view.blocks.filter((block) => block.type === 'input');
    const byId = Object.fromEntries(inputs.map((block) => [block.block_id, block.element]));
    expect(Object.keys(byId)).toEqual(['case_number', 'title', 'plan', 'severity', 'country']);
    expect(byId.country?.initial_value).toBeUndefined();
    expect(JSON.stringify(view.blocks)).not.toMatch(/pl-PL|Europe\/Warsaw|"PL"/);
    expect(JSON.stringify(view.blocks)).toContain('No earlier case in this channel');
    expect(JSON.stringify(view.blocks)).toContain('"action_id":"form_more"');
    expect(limitProblems(h.slack.calls)).toEqual([]);
  });

  it('/sla in Dutch for a Dutch Slack user', async () => {
    h.slack.user({ id: 'U9', locale: 'nl-NL', tz: 'Europe/Amsterdam' });
    await h.command('', { user: 'U9' });
    const [open] = await h.slack.waitFor('views.open');
    const view = open?.body.view as { title: { text: string }; submit: { text: string } };
    expect(view.title.text).toBe('SLA-aanvraag volgen');
    expect(view.submit.text).toBe('Volgen');
  });

  it('/sla check answers ephemerally with the facts, in any order, storing nothing', async () => {
    for (const user of ['U20', 'U20']) {
      // First from a person not yet known (users.info), then known (cached).
      const answer = await ask('check DE premier A de', { user });
      expect(answer.response_type).toBe('ephemeral');
      const text = JSON.stringify(answer.blocks);
      expect(text).toContain('Premier');
      expect(text).toContain('<!date^');
      expect(text).toMatch(/Deadline/);
    }
    expect(h.slack.callsTo('response_url')).toHaveLength(2);
    expect(h.slack.callsTo('users.info')).toHaveLength(1);
    expect(await h.server.cases.list({ tenantId: 'T1' })).toEqual([]);
    expect(limitProblems(h.slack.calls)).toEqual([]);
  });

  it('/sla check says what is wrong and what is accepted', async () => {
    const answer = await ask('check developer A NL');
    const text = JSON.stringify(answer.blocks);
    expect(text).toMatch(/Severity A is not available on the Developer plan/);
    expect(text).toContain('C');
  });

  it('/sla check in Dutch for a Dutch Slack user', async () => {
    h.slack.user({ id: 'U21', locale: 'nl-NL', tz: 'Europe/Amsterdam' });
    const answer = await ask('check premier A NL', { user: 'U21' });
    expect(JSON.stringify(answer.blocks)).toMatch(/Ernst A/);
  });

  it('/sla check reports words it did not understand', async () => {
    const answer = await ask('check premier A NL banana');
    expect(JSON.stringify(answer.blocks)).toContain('banana');
  });

  it('/sla help and anything else answer with the help', async () => {
    const help = await ask('help');
    const other = await ask('frobnicate now');
    const texts = [help, other].map((answer) => JSON.stringify(answer.blocks));
    expect(texts.every((text) => text.includes('/sla check'))).toBe(true);
    expect(texts[1]).toContain('frobnicate now');
  });

  it('/sla list with no cases says how to start', async () => {
    await h.command('list', { channel: 'C-empty' });
    const [answer] = await h.slack.waitFor('response_url');
    expect(String(answer?.body.text)).toContain('/sla');
  });

  it('unknown paths under /slack/ are 404', async () => {
    const response = await fetch(`${h.server.url}/slack/nothing`);
    expect(response.status).toBe(404);
  });
});
