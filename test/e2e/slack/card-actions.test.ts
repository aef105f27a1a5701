// Issue 14 on Slack, end to end over HTTP: the card's "…" menu, the modals that ask first (closing,
// undoing a response, the new severity), and reminders that name their case, say what to do and
// carry the card's primary button.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { blockAction, viewSubmission } from '../../support/slack-requests.js';
import { caseHarness, openCase, press, resetBetweenTests } from './case-steps.js';
import { caseValues, GOOD_CASE } from './case-values.js';
import { type Harness, limitProblems } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await caseHarness();
});
afterAll(() => h.close());
beforeEach(() => resetBetweenTests(h));

type View = {
  callback_id: string;
  private_metadata: string;
  title: { text: string };
  submit: { text: string };
  blocks: Array<{
    type: string;
    block_id?: string;
    text?: { text: string };
    element?: { options?: Array<{ value: string }> };
  }>;
};

/** Chooses `action` from the card's "…" menu; returns the modal Slack was asked to open, if any. */
async function fromMenu(opened: { id: string; channel: string; ts: string }, action: string) {
  const before = h.slack.callsTo('views.open').length;
  await press(
    h,
    {
      type: 'overflow',
      action_id: 'case_more',
      block_id: `case:${opened.id}`,
      selected_option: { value: action, text: { type: 'plain_text', text: action } },
    },
    { channel: opened.channel, ts: opened.ts },
  );
  const opens = await h.slack.waitFor('views.open', before + 1);
  return opens[before]?.body.view as View;
}

function submitModal(view: View, values: Record<string, unknown> = {}) {
  return h.interact(
    viewSubmission(
      { id: 'VACT', callback_id: view.callback_id, private_metadata: view.private_metadata, values },
      'U2',
    ),
  );
}

describe("the card's menu", () => {
  it('closing asks first; confirming closes the case, updates the card and notes it in the thread', async () => {
    const opened = await openCase(h, { ...GOOD_CASE, caseNumber: 'MENU-1' });
    const view = await fromMenu(opened, 'close');
    expect(view.callback_id).toBe('sla_action');
    expect(view.title.text).toBe('Close');
    expect(view.submit.text).toBe('Close');
    expect(view.blocks[0]?.text?.text).toBe(
      '*Close this case?*\nReminders stop and the card stays as it is. The case can be reopened later.',
    );
    expect((await h.server.cases.get('T1', opened.id))?.record.state).toBe('open');
    const response = await submitModal(view);
    expect(response.status).toBe(200);
    await h.slack.waitFor('chat.update');
    expect((await h.server.cases.get('T1', opened.id))?.record.state).toBe('closed');
    const [, note] = await h.slack.waitFor('chat.postMessage', 2);
    expect(note?.body).toMatchObject({ thread_ts: opened.ts, text: '<@U2> closed this case.' });
    expect(limitProblems(h.slack.calls)).toEqual([]);
  });

  it('the new severity is chosen in a modal; a choice that no longer applies comes back beside it', async () => {
    const opened = await openCase(h, { ...GOOD_CASE, caseNumber: 'MENU-2' });
    const view = await fromMenu(opened, 'change_severity');
    const select = view.blocks.find((block) => block.block_id === 'severity');
    expect(select?.element?.options?.map((option) => option.value)).toEqual(['B', 'C']);
    const choose = (value: string) => ({
      severity: {
        value: {
          type: 'radio_buttons',
          selected_option: { value, text: { type: 'plain_text', text: value } },
        },
      },
    });
    const refused = await submitModal(view, choose('Z'));
    expect(refused.json<{ response_action: string; errors: Record<string, string> }>()).toMatchObject({
      response_action: 'errors',
      errors: { severity: expect.stringMatching(/Z/) },
    });
    await submitModal(view, choose('C'));
    await h.slack.waitFor('chat.update');
    expect((await h.server.cases.get('T1', opened.id))?.assessment.severity).toBe('C');
  });

  it('after a response, undoing it is in the menu and asks first; the button closes with Slack’s own confirmation', async () => {
    const opened = await openCase(h, { ...GOOD_CASE, caseNumber: 'MENU-3' });
    h.clock.advance(10 * 60_000);
    await press(
      h,
      { type: 'button', action_id: 'case_respond_now', block_id: `case:${opened.id}`, value: opened.id },
      opened,
    );
    const [update] = await h.slack.waitFor('chat.update');
    const blocks = (update?.body.blocks ?? []) as Array<{
      type: string;
      elements?: Array<Record<string, unknown>>;
    }>;
    const actions = blocks.find((block) => block.type === 'actions');
    expect(actions?.elements?.[0]).toMatchObject({
      action_id: 'case_close',
      confirm: { title: { text: 'Close this case?' }, confirm: { text: 'Close' }, deny: { text: 'Cancel' } },
    });
    const view = await fromMenu(opened, 'reopen');
    expect(view.title.text).toBe('Undo response');
    // The button says the verb alone: the title already names what is undone (a phone has no room for both).
    expect(view.submit.text).toBe('Undo');
    expect(view.blocks[0]?.text?.text).toMatch(/^\*Undo the recorded first response\?\*/);
    await submitModal(view);
    await h.slack.waitFor('chat.update', 2);
    const stored = await h.server.cases.get('T1', opened.id);
    expect(stored?.record.state).toBe('open');
    expect(stored?.record.respondedAt).toBeNull();
  });

  it('an option that no longer applies (the case was closed meanwhile) tells only the person', async () => {
    const opened = await openCase(h, { ...GOOD_CASE, caseNumber: 'MENU-4' });
    await h.server.cases.close('T1', opened.id, { id: 'U1', locale: 'en' });
    await press(
      h,
      {
        type: 'overflow',
        action_id: 'case_more',
        block_id: `case:${opened.id}`,
        selected_option: { value: 'change_severity', text: { type: 'plain_text', text: 'x' } },
      },
      opened,
    );
    const [ephemeral] = await h.slack.waitFor('chat.postEphemeral');
    expect(ephemeral?.body.text).toBe('That is no longer possible for this case: the card shows what is.');
    expect(h.slack.callsTo('views.open')).toEqual([]);
  });

  it('a menu value that is no action is ignored', async () => {
    const opened = await openCase(h, { ...GOOD_CASE, caseNumber: 'MENU-5' });
    for (const value of ['__proto__', 'constructor', 'x'.repeat(150)]) {
      const response = await h.interact(
        blockAction(
          {
            type: 'overflow',
            action_id: 'case_more',
            block_id: `case:${opened.id}`,
            selected_option: { value },
          },
          opened,
        ),
      );
      expect(response.status).toBe(200);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(h.slack.callsTo('views.open')).toEqual([]);
    expect(h.slack.callsTo('chat.update')).toEqual([]);
  });
});

describe('the case modal in a channel with cases', () => {
  it("starts from the channel's last case, says so, and a collapsed modal submits those defaults", async () => {
    await openCase(
      h,
      { ...GOOD_CASE, caseNumber: 'LAST-1', country: 'DE', timeZone: 'Europe/Berlin', language: 'de' },
      'CLAST',
    );
    await h.command('', { channel: 'CLAST', user: 'U1' });
    const [open] = await h.slack.waitFor('views.open');
    const view = open?.body.view as View;
    const country = view.blocks.find((block) => block.block_id === 'country') as unknown as {
      element: { initial_value?: string };
    };
    expect(country.element.initial_value).toBe('DE');
    expect(JSON.stringify(view.blocks)).toContain(
      "The customer's details come from this channel's last case, LAST-1: VMs in West Europe do not start: check them.",
    );
    expect(JSON.stringify(view.blocks)).toContain(
      "support language: de; customer's time zone: Europe/Berlin;",
    );
    // Only the first fields come back from a collapsed modal; the hidden ones are the defaults it said.
    const values = caseValues({ ...GOOD_CASE, caseNumber: 'LAST-2', country: 'DE' });
    for (const block of [
      'language',
      'time_zone',
      'subdivision',
      'commit',
      'opened_at',
      'issue_type',
      'product',
    ])
      delete values[block];
    await h.interact(
      viewSubmission({
        id: 'VLAST',
        callback_id: 'sla_case',
        private_metadata: view.private_metadata,
        values,
      }),
    );
    await h.slack.waitFor('chat.postMessage', 2);
    const listed = await h.server.cases.list({ tenantId: 'T1', channelId: 'CLAST' });
    const second = listed.find((listedCase) => listedCase.record.caseNumber === 'LAST-2');
    expect(second?.record.input).toMatchObject({ language: 'de', timeZone: 'Europe/Berlin', country: 'DE' });
  });
});

describe('reminders in the thread', () => {
  it('name their case, say what to do, carry the primary button, and notify with the case named', async () => {
    const opened = await openCase(h, { ...GOOD_CASE, caseNumber: 'REMIND-1' }, 'CREMIND');
    h.clock.advance(61 * 60_000);
    await h.server.dispatcher.tick();
    const replies = h.slack.callsTo('chat.postMessage').filter((call) => call.body.thread_ts === opened.ts);
    const breach = replies.find((call) => /has passed/.test(String(call.body.text)));
    expect(String(breach?.body.text)).toMatch(
      /^Case REMIND-1: VMs in West Europe do not start · The first-response deadline \(<!date\^/,
    );
    const blocks = breach?.body.blocks as Array<{
      type: string;
      text?: { text: string };
      elements?: Array<Record<string, unknown>>;
    }>;
    expect(blocks[0]?.text?.text).toMatch(
      /^:rotating_light: \*Deadline passed · Case REMIND-1: VMs in West Europe do not start\*\n/,
    );
    expect(blocks[1]?.elements?.[0]).toMatchObject({
      text: expect.stringMatching(/^Ask Microsoft to escalate/),
    });
    expect(blocks[2]?.elements?.[0]).toMatchObject({
      action_id: 'case_respond_now',
      value: opened.id,
      style: 'primary',
    });
    const contact = replies.find((call) => /contact details/.test(String(call.body.text)));
    expect(((contact?.body.blocks ?? []) as Array<{ text?: { text: string } }>)[0]?.text?.text).toMatch(
      /^:warning: \*Check this · Case REMIND-1/,
    );
    expect(limitProblems(h.slack.calls)).toEqual([]);

    // The button on the reminder records the response on the card.
    const updatesBefore = h.slack.callsTo('chat.update').length;
    await press(
      h,
      { type: 'button', action_id: 'case_respond_now', block_id: `notice:${opened.id}`, value: opened.id },
      {
        channel: 'CREMIND',
        ts: String(breach?.body.ts ?? opened.ts),
      },
    );
    const update = (await h.slack.waitFor('chat.update', updatesBefore + 1))[updatesBefore];
    expect(update?.body.ts).toBe(opened.ts);
    expect((await h.server.cases.get('T1', opened.id))?.record.state).toBe('responded');
  });
});
