import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { blockKitProblems } from '../../support/slack-limits.js';
import { viewSubmission } from '../../support/slack-requests.js';
import {
  caseHarness,
  openCase as openCaseIn,
  press as pressIn,
  resetBetweenTests,
  type SubmitOptions,
  shownAgain,
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
  // Issue 14: the form comes back with a summary at the top as well as each problem under its field
  // (`response_action: update`; Slack's own `errors` can only do the latter), the values kept.
  it('keeps the form and says at the top and under each field what the form is missing', async () => {
    const response = await submit({ ...GOOD_CASE, caseNumber: '', title: '' });
    expect(response.status).toBe(200);
    const again = shownAgain(response);
    expect(Object.keys(again.errors).sort()).toEqual(['case_number', 'title']);
    expect(again.summary).toBe(
      ':warning: *2 things to fix before the case can be saved:*\n' +
        '• Case number: Give the case number, for example 2603270010001234.\n' +
        '• Title: Give the case a short title.',
    );
    const country = again.view.blocks.find((block) => block.block_id === 'country') as unknown as {
      element: { initial_value?: string };
    };
    expect(country.element.initial_value).toBe('NL');
    expect(blockKitProblems(again.view, 'modal')).toEqual([]);
    expect(await h.server.cases.list({ tenantId: 'T1', channelId: 'C1' })).toEqual([]);
  });

  it('puts an SLA error beside its field, with what is accepted', async () => {
    const { errors, summary } = shownAgain(await submit({ ...GOOD_CASE, country: 'XX' }));
    expect(errors.country).toMatch(/XX/);
    expect(errors.country).toMatch(/NL, DE, US/);
    expect(summary).toContain("Customer's country: ");
  });

  it("answers in the submitter's language", async () => {
    const { errors } = shownAgain(await submit({ ...GOOD_CASE, caseNumber: '' }, { language: 'nl' }));
    expect(errors.case_number).toContain('aanvraagnummer');
  });

  it('Developer with severity A says why and offers C', async () => {
    const { errors } = shownAgain(await submit({ ...GOOD_CASE, plan: 'developer' }));
    expect(errors.severity).toMatch(/Developer/i);
    expect(errors.severity).toContain('severity C');
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

  it('a time zone that is not one goes beside the time zone, with "More options" opened', async () => {
    const { errors, view } = shownAgain(await submit({ ...GOOD_CASE, timeZone: 'Mars/Olympus' }));
    expect(Object.keys(errors)).toEqual(['time_zone']);
    expect(JSON.parse(view.private_metadata)).toMatchObject({ more: true });
    const ids = view.blocks.map((block) => block.block_id);
    expect(ids.indexOf('error:time_zone')).toBe(ids.indexOf('time_zone') + 1);
  });

  it('"More options" shows every field in place, keeping what was typed', async () => {
    const values = caseValues({ ...GOOD_CASE, caseNumber: 'MORE-1' });
    const payload = {
      type: 'block_actions',
      team: { id: 'T1', domain: 'acme' },
      user: { id: 'U1', username: 'ann', name: 'ann', team_id: 'T1' },
      api_app_id: 'A1',
      token: 'deprecated',
      trigger_id: 'trigger-more',
      container: { type: 'view', view_id: 'VMORE' },
      view: {
        id: 'VMORE',
        hash: 'h1',
        type: 'modal',
        callback_id: 'sla_case',
        private_metadata: JSON.stringify({ channel: 'C1', language: 'en' }),
        state: { values },
        team_id: 'T1',
        blocks: [],
      },
      actions: [
        {
          type: 'button',
          action_id: 'form_more',
          block_id: 'b',
          action_ts: '1.2',
          text: { type: 'plain_text', text: 'More options' },
        },
      ],
    };
    expect((await h.interact(payload)).status).toBe(200);
    const [update] = await h.slack.waitFor('views.update');
    expect(update?.body.view_id).toBe('VMORE');
    const view = update?.body.view as {
      blocks: Array<{ type: string; block_id?: string; element?: { initial_value?: string } }>;
    };
    const inputs = view.blocks.filter((block) => block.type === 'input');
    expect(inputs.map((block) => block.block_id)).toEqual([
      'case_number',
      'title',
      'plan',
      'severity',
      'country',
      'language',
      'time_zone',
      'subdivision',
      'commit',
      'opened_at',
      'issue_type',
      'product',
    ]);
    expect(inputs[0]?.element?.initial_value).toBe('MORE-1');
    expect(inputs.find((block) => block.block_id === 'time_zone')?.element?.initial_value).toBe(
      'Europe/Amsterdam',
    );
    expect(limitProblems(h.slack.calls)).toEqual([]);
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
    // Issue 14: one primary button, the rest behind the "…" menu.
    expect(actions.elements.map((element) => element.action_id)).toEqual(['case_respond_now', 'case_more']);
    const menu = actions.elements[1] as unknown as { options: Array<{ value: string }> };
    expect(menu.options.map((option) => option.value)).toEqual([
      'respond_at',
      'change_severity',
      'not_available_24x7',
      'waiting_on_us',
      'close',
    ]);
    // The card leads with the deadline, the state and how long there is beside it (issue 14).
    expect(JSON.stringify(blocks[0])).toMatch(
      /:large_blue_circle: \*Deadline <!date\^\d+\^[^|]+\|[^>]+> {2}· {2}Open {2}· {2}1 hour left\*/,
    );
    expect(opened.card.body.text).toBe(`Case CARD-1: ${GOOD_CASE.title} · Open · 1 hour left`);
    const stored = await h.server.cases.get('T1', opened.id);
    // The opener's zone is kept with the thread: the customer's time shows where it differs.
    expect(stored?.record.conversation).toEqual({ channel: 'C1', ts: opened.ts, zone: 'Europe/Amsterdam' });
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
    expect(JSON.stringify(update?.body.blocks)).toContain('"value":"we_answered"');
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
    // After a response: closing is the button (Slack asks first); undoing it is in the menu, and asks too.
    expect(JSON.stringify(last?.body.blocks)).toContain('"action_id":"case_close"');
    expect(JSON.stringify(last?.body.blocks)).toContain('"text":"Close this case?"');
    expect(JSON.stringify(last?.body.blocks)).toContain(
      '{"text":{"type":"plain_text","text":"Undo response","emoji":true},"value":"reopen"}',
    );

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
    expect(JSON.stringify(h.slack.callsTo('chat.update')[0]?.body.blocks)).toMatch(/Met by 50 minutes/);
  });
});
