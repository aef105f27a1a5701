import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { viewSubmission } from '../../support/slack-requests.js';
import {
  caseHarness,
  openCase as openCaseIn,
  press as pressIn,
  resetBetweenTests,
  type SubmitOptions,
  submit as submitIn,
} from './case-steps.js';
import { type CaseFields, caseValues, GOOD_CASE } from './case-values.js';
import { type Harness, limitProblems, START } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await caseHarness();
});
afterAll(() => h.close());
beforeEach(() => resetBetweenTests(h));

const submit = (fields: CaseFields, options?: SubmitOptions) => submitIn(h, fields, options);
const openCase = (fields?: CaseFields, channel?: string) => openCaseIn(h, fields, channel);
const press = (action: Record<string, unknown>, where: { channel: string; ts: string }, user?: string) =>
  pressIn(h, action, where, user);

describe('the case modal submission', () => {
  it('keeps the form and says inline what the form is missing', async () => {
    const response = await submit({ ...GOOD_CASE, caseNumber: '', title: '' });
    expect(response.status).toBe(200);
    const body = response.json<{ response_action: string; errors: Record<string, string> }>();
    expect(body.response_action).toBe('errors');
    expect(Object.keys(body.errors).sort()).toEqual(['case_number', 'title']);
    expect(await h.server.cases.list({ tenantId: 'T1', channelId: 'C1' })).toEqual([]);
  });

  it('puts an SLA error beside its field, with what is accepted', async () => {
    const body = (await submit({ ...GOOD_CASE, country: 'XX' })).json<{ errors: Record<string, string> }>();
    expect(body.errors.country).toMatch(/XX/);
    expect(body.errors.country).toMatch(/NL, DE, US/);
  });

  it("answers in the submitter's language", async () => {
    const body = (await submit({ ...GOOD_CASE, caseNumber: '' }, { language: 'nl' })).json<{
      errors: Record<string, string>;
    }>();
    expect(body.errors.case_number).toContain('aanvraagnummer');
  });

  it('Developer with severity A says why and offers C', async () => {
    const body = (await submit({ ...GOOD_CASE, plan: 'developer' })).json<{
      errors: Record<string, string>;
    }>();
    expect(body.errors.severity).toMatch(/Developer/i);
    expect(body.errors.severity).toContain('severity C');
  });

  it('a submission with a bad signature gets 401 and opens nothing', async () => {
    const view = {
      id: 'VFORGED',
      callback_id: 'sla_case',
      private_metadata: JSON.stringify({ channel: 'CFORGED', language: 'en' }),
      values: caseValues({ ...GOOD_CASE, openedAt: START }),
    };
    const forged = await h.interact(viewSubmission(view), { secret: 'wrong-secret' });
    expect(forged.status).toBe(401);
    const stale = await h.interact(viewSubmission(view), { timestamp: Math.floor(Date.now() / 1000) - 600 });
    expect(stale.status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await h.server.cases.list({ tenantId: 'T1', channelId: 'CFORGED' })).toEqual([]);
    expect(h.slack.calls).toEqual([]);
  });

  it('a time zone that is not one goes beside the time zone', async () => {
    const body = (await submit({ ...GOOD_CASE, timeZone: 'Mars/Olympus' })).json<{
      errors: Record<string, string>;
    }>();
    expect(Object.keys(body.errors)).toEqual(['time_zone']);
  });
});

describe('the case card', () => {
  it('is posted in the channel with the deadline token, facts and buttons, and its ts is kept on the case', async () => {
    const opened = await openCase({ ...GOOD_CASE, caseNumber: 'CARD-1' });
    const blocks = opened.card.body.blocks as Array<Record<string, unknown>>;
    const text = JSON.stringify(blocks);
    expect(opened.card.body.channel).toBe('C1');
    expect(text).toContain('CARD-1');
    expect(text).toMatch(/<!date\^\d+\^\{date_short_pretty\} \{time\}\|[^>]+>/);
    expect(text).toContain('<@U1>');
    const actions = blocks.find((block) => block.type === 'actions') as {
      elements: Array<{ action_id: string }>;
    };
    expect(actions.elements.map((element) => element.action_id)).toEqual([
      'case_respond_now',
      'case_respond_at',
      'case_change_severity',
      'case_not_available_24x7',
      'case_waiting_on_us',
      'case_close',
    ]);
    const stored = await h.server.cases.get('T1', opened.id);
    expect(stored?.record.conversation).toEqual({ channel: 'C1', ts: opened.ts });
    expect(limitProblems(h.slack.calls)).toEqual([]);
  });

  it('a retried delivery (X-Slack-Retry-Num) opens one case and posts one card', async () => {
    const fields = { ...GOOD_CASE, caseNumber: 'RETRY-1', openedAt: START };
    await submit(fields, { viewId: 'VRETRY' });
    await h.slack.waitFor('chat.postMessage');
    await submit(fields, {
      viewId: 'VRETRY',
      headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
    });
    await submit(fields, {
      viewId: 'VRETRY',
      headers: { 'x-slack-retry-num': '2', 'x-slack-retry-reason': 'http_timeout' },
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const cases = (await h.server.cases.list({ tenantId: 'T1' })).filter(
      (view) => view.record.caseNumber === 'RETRY-1',
    );
    expect(cases).toHaveLength(1);
    expect(h.slack.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('when the bot is not in the channel, the case is kept and its opener is told in a direct message', async () => {
    h.slack.fail('chat.postMessage', { error: 'not_in_channel' }, 'COUT');
    h.slack.fail('chat.postEphemeral', { error: 'not_in_channel' }, 'COUT');
    const response = await submit(
      { ...GOOD_CASE, caseNumber: 'OUT-1', openedAt: START },
      { channel: 'COUT' },
    );
    expect(response.status).toBe(200);
    const posts = await h.slack.waitFor('chat.postMessage', 2);
    expect(posts[1]?.body.channel).toBe('U1');
    expect(String(posts[1]?.body.text)).toContain('<#COUT>');
    const kept = await h.server.cases.list({ tenantId: 'T1', channelId: 'COUT' });
    expect(kept.map((view) => view.record.caseNumber)).toEqual(['OUT-1']);
  });

  it('buttons update the card in place and note who did what in its thread', async () => {
    const opened = await openCase({ ...GOOD_CASE, caseNumber: 'BTN-1' });
    const where = { channel: opened.channel, ts: opened.ts };
    h.clock.advance(20 * 60_000);

    await press(
      { type: 'button', action_id: 'case_waiting_on_us', block_id: `case:${opened.id}`, value: opened.id },
      where,
    );
    const [update] = await h.slack.waitFor('chat.update');
    expect(update?.body.ts).toBe(opened.ts);
    expect(update?.body.channel).toBe('C1');
    expect(JSON.stringify(update?.body.blocks)).toContain('case_we_answered');
    const notes = (await h.slack.waitFor('chat.postMessage', 2)).slice(1);
    expect(notes[0]?.body.thread_ts).toBe(opened.ts);
    expect(String(notes[0]?.body.text)).toContain('<@U2>');

    await press(
      {
        type: 'static_select',
        action_id: 'case_change_severity',
        block_id: `case:${opened.id}`,
        selected_option: { value: 'B', text: { type: 'plain_text', text: 'B' } },
      },
      where,
    );
    await h.slack.waitFor('chat.update', 2);
    expect((await h.server.cases.get('T1', opened.id))?.assessment.severity).toBe('B');
    const severityNote = (await h.slack.waitFor('chat.postMessage', 3))[2];
    expect(String(severityNote?.body.text)).toMatch(/from A to B/);

    await press(
      { type: 'button', action_id: 'case_respond_now', block_id: `case:${opened.id}`, value: opened.id },
      where,
    );
    await h.slack.waitFor('chat.update', 3);
    const responded = await h.server.cases.get('T1', opened.id);
    expect(responded?.record.state).toBe('responded');
    const last = h.slack.callsTo('chat.update')[2];
    expect(JSON.stringify(last?.body.blocks)).toContain('case_reopen');

    await press(
      { type: 'button', action_id: 'case_reopen', block_id: `case:${opened.id}`, value: opened.id },
      where,
    );
    await h.slack.waitFor('chat.update', 4);
    await press(
      { type: 'button', action_id: 'case_close', block_id: `case:${opened.id}`, value: opened.id },
      where,
    );
    await h.slack.waitFor('chat.update', 5);
    expect((await h.server.cases.get('T1', opened.id))?.record.state).toBe('closed');
    await h.slack.waitFor('chat.postMessage', 6); // the card and five notes
    const threadNotes = h.slack
      .callsTo('chat.postMessage')
      .filter((call) => call.body.thread_ts === opened.ts);
    expect(threadNotes).toHaveLength(5);
    expect(limitProblems(h.slack.calls)).toEqual([]);
  });

  it('a button that no longer applies tells only the person who pressed it', async () => {
    const opened = await openCase({ ...GOOD_CASE, caseNumber: 'BTN-2' });
    const where = { channel: opened.channel, ts: opened.ts };
    await press(
      { type: 'button', action_id: 'case_close', block_id: `case:${opened.id}`, value: opened.id },
      where,
    );
    await h.slack.waitFor('chat.update');
    await press(
      { type: 'button', action_id: 'case_close', block_id: `case:${opened.id}`, value: opened.id },
      where,
    );
    const [ephemeral] = await h.slack.waitFor('chat.postEphemeral');
    expect(ephemeral?.body.user).toBe('U2');
    expect(String(ephemeral?.body.text)).toContain('closed');
    expect(h.slack.callsTo('chat.update')).toHaveLength(1);
  });

  it('"Responded at…" opens a date-time modal; a future time comes back inline, a past one updates the card', async () => {
    const opened = await openCase({ ...GOOD_CASE, caseNumber: 'AT-1' });
    const where = { channel: opened.channel, ts: opened.ts };
    h.clock.advance(30 * 60_000);
    await press(
      { type: 'button', action_id: 'case_respond_at', block_id: `case:${opened.id}`, value: opened.id },
      where,
    );
    const [open] = await h.slack.waitFor('views.open');
    const view = open?.body.view as { callback_id: string; private_metadata: string };
    expect(view.callback_id).toBe('sla_respond_at');
    const at = (ms: number) => ({
      responded_at: { value: { type: 'datetimepicker', selected_date_time: Math.floor(ms / 1000) } },
    });
    const future = await h.interact(
      viewSubmission(
        {
          id: 'VAT1',
          callback_id: 'sla_respond_at',
          private_metadata: view.private_metadata,
          values: at(h.clock.now() + 3_600_000),
        },
        'U2',
      ),
    );
    expect(future.json<{ errors: Record<string, string> }>().errors.responded_at).toMatch(/future/);
    const past = await h.interact(
      viewSubmission(
        {
          id: 'VAT1',
          callback_id: 'sla_respond_at',
          private_metadata: view.private_metadata,
          values: at(START + 10 * 60_000),
        },
        'U2',
      ),
    );
    expect(past.status).toBe(200);
    expect(past.text).toBe('');
    await h.slack.waitFor('chat.update');
    const stored = await h.server.cases.get('T1', opened.id);
    expect(stored?.record.respondedAt).toBe(START + 10 * 60_000);
    expect(JSON.stringify(h.slack.callsTo('chat.update')[0]?.body.blocks)).toMatch(/met/);
  });
});
