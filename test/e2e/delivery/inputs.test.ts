// Inputs a person gets wrong (SLA-RULES §12), over real HTTP: an opening in the future and a first
// response in the future or before the opening come back beside their field, in the person's
// language, and change nothing; an answered case can still be closed from its card.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardsIn, cardText } from '../../support/adaptive-cards.js';
import { blockAction, FORM, payloadBody, sendSigned, viewSubmission } from '../../support/slack-requests.js';
import { type Client, cardSubmit, post, submitAction, TENANT } from '../../support/teams-activities.js';
import { caseValues, GOOD_CASE } from '../slack/case-values.js';
import { type DeliveryHarness, eventually, startDeliveryHarness } from './harness.js';

const MINUTE = 60_000;
type Task = { task: { value: { card: { content: { body: Array<Record<string, unknown>> } } } } };

let h: DeliveryHarness;
let nl: Client;
beforeAll(async () => {
  h = await startDeliveryHarness();
  h.slack.user({ id: 'U1', name: 'Ann', locale: 'en-US', tz: 'Europe/Amsterdam' });
  nl = { serviceUrl: h.connector.url, locale: 'nl-NL', timezone: 'Europe/Amsterdam' };
});
afterAll(() => h?.close());

const interact = (payload: unknown) => sendSigned(`${h.server.url}/slack/events`, payloadBody(payload), FORM);

/** The TextBlock right after an input: where the Teams form shows that field's error. */
function errorAfter(task: Task, id: string): string | undefined {
  // The fields under "More options" sit in a container: read them in their place.
  const body = task.task.value.card.content.body.flatMap((e) =>
    Array.isArray(e.items) ? [e, ...(e.items as Array<Record<string, unknown>>)] : [e],
  );
  const next = body[body.findIndex((e) => e.id === id) + 1];
  return next?.type === 'TextBlock' && next.color === 'attention' ? String(next.text) : undefined;
}

describe.concurrent('inputs a person gets wrong', () => {
  it('Slack: an opening in the future comes back beside "Opened at", and nothing is opened', async () => {
    const view = {
      id: 'VFUTURE1',
      callback_id: 'sla_case',
      private_metadata: JSON.stringify({ channel: 'CFUTURE', language: 'en' }),
      values: caseValues({
        ...GOOD_CASE,
        caseNumber: 'FUT-1',
        openedAt: Date.now() + 24 * 60 * MINUTE,
      }),
    };
    const answer = await interact(viewSubmission(view));
    // Issue 14: the modal comes back (response_action update) with the problem under its field and in
    // the summary at the top; the failure's words are one table for Slack and Teams.
    const body = answer.json<{ response_action: string; view: { blocks: Array<Record<string, unknown>> } }>();
    expect(body.response_action).toBe('update');
    const under = body.view.blocks.find((block) => block.block_id === 'error:opened_at') as {
      elements: Array<{ text: string }>;
    };
    expect(under.elements[0]?.text).toBe(
      ':x: That time is in the future: give the date and time the request was submitted to Microsoft.',
    );
    expect(await h.server.cases.list({ tenantId: 'T1', channelId: 'CFUTURE' })).toEqual([]);
  });

  it('Slack: "Responded at…" before the opening or in the future comes back beside the field; an answered case can be closed', async () => {
    const channel = 'CRESPOND';
    expect(
      await h.submitCase({ ...GOOD_CASE, caseNumber: 'RESP-1', openedAt: Date.now() - 30 * MINUTE }, channel),
    ).toBe(200);
    const view = await eventually(async () => {
      const [found] = await h.server.cases.list({ tenantId: 'T1', channelId: channel });
      expect((found?.record.conversation as { ts?: string } | null)?.ts).toBeDefined();
      return found;
    });
    const id = view?.record.id ?? '';
    const ts = (view?.record.conversation as { ts?: string } | undefined)?.ts ?? '';
    const metadata = JSON.stringify({ caseId: id, channel, ts, language: 'en' });
    const respondAt = (ms: number, viewId: string) =>
      interact(
        viewSubmission(
          {
            id: viewId,
            callback_id: 'sla_respond_at',
            private_metadata: metadata,
            values: {
              responded_at: { value: { type: 'datetimepicker', selected_date_time: Math.floor(ms / 1000) } },
            },
          },
          'U1',
        ),
      );
    const before = await respondAt(Date.now() - 60 * MINUTE, 'VRESP1');
    expect(before.json<{ errors: Record<string, string> }>().errors).toEqual({
      responded_at: 'That time is before the case was opened: give the moment Microsoft first responded.',
    });
    const future = await respondAt(Date.now() + 60 * MINUTE, 'VRESP2');
    expect(future.json<{ errors: Record<string, string> }>().errors).toEqual({
      responded_at: 'That time is in the future: give the moment Microsoft first responded.',
    });
    expect((await h.server.cases.get('T1', id))?.record.state).toBe('open');

    const answered = await respondAt(Date.now() - 10 * MINUTE, 'VRESP3');
    expect(answered.text).toBe('');
    const card = await eventually(() => {
      const update = h.slack.callsTo('chat.update').find((call) => call.body.ts === ts);
      expect(JSON.stringify(update?.body.blocks)).toMatch(/Met by 40 minutes/);
      return update;
    });
    // The answered card still offers Close (and undoing the response in its menu), and closing works.
    const close = JSON.stringify(card?.body.blocks).match(/"action_id":"case_close"/);
    expect(close).not.toBeNull();
    await interact(
      blockAction(
        { type: 'button', action_id: 'case_close', block_id: `case:${id}`, value: id },
        { channel, ts },
        'U1',
      ),
    );
    await eventually(async () => expect((await h.server.cases.get('T1', id))?.record.state).toBe('closed'));
  });

  it('Teams: an opening in the future comes back beside the date and time, in the person’s language', async () => {
    const tomorrow = new Date(Date.now() + 24 * 60 * MINUTE).toISOString();
    const response = await post(
      h.server.url,
      submitAction(nl, 'trackCase', {
        caseNumber: 'FUT-T',
        title: 'Toekomst',
        plan: 'premier',
        severity: 'A',
        country: 'NL',
        commit24x7: 'default',
        openedDate: tomorrow.slice(0, 10),
        openedTime: '09:00',
        clientZone: 'Europe/Amsterdam',
      }),
    );
    const task = response.body as Task;
    expect(errorAfter(task, 'openedTime')).toBe(
      'Dat tijdstip ligt in de toekomst: geef de datum en tijd op waarop de aanvraag bij Microsoft is ingediend.',
    );
    expect(errorAfter(task, 'caseNumber')).toBeUndefined();
    expect((await h.server.cases.list({ tenantId: TENANT })).map((v) => v.record.caseNumber)).not.toContain(
      'FUT-T',
    );
  });

  it('Teams: "Responded at" before the opening is refused with its own words', async () => {
    const opened = await h.server.cases.open({
      tenantId: TENANT,
      platform: 'teams',
      channelId: '19:respond@thread.tacv2',
      conversation: null,
      caseNumber: 'RESP-T',
      title: 'Responded too early',
      input: { plan: 'premier', severity: 'C', country: 'NL', openedAt: Date.now() - 30 * MINUTE },
      openedBy: { id: 'ann', name: 'Ann', locale: 'nl-NL' },
      card: 'posted_by_caller',
    });
    if (!opened.ok) throw new Error('not opened');
    const id = opened.view.record.id;
    const earlier = new Date(Date.now() - 2 * 60 * MINUTE);
    const zoned = new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'Europe/Amsterdam',
      dateStyle: 'short',
      timeStyle: 'short',
    }).format(earlier); // "2026-03-25 08:00"
    const [respondedDate, respondedTime] = zoned.split(' ');
    const before = h.connector.posts().length;
    await post(
      h.server.url,
      cardSubmit(nl, '19:respond@thread.tacv2;messageid=1', '1', {
        action: 'respond_at',
        caseId: id,
        respondedDate,
        respondedTime,
      }),
    );
    const notice = await eventually(() => {
      const reply = h.connector.posts().slice(before)[0];
      expect(reply).toBeDefined();
      return cardText(cardsIn(reply?.body)[0]);
    });
    expect(notice).toBe(
      'Dat tijdstip ligt vóór het indienen van de aanvraag: geef het moment op waarop Microsoft voor het eerst reageerde.',
    );
    expect((await h.server.cases.get(TENANT, id))?.record.state).toBe('open');
  });
});
