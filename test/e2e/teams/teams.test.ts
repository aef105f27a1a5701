// The Teams app end to end: real server, real HTTP, a Bot Connector stand-in at the serviceUrl.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardProblems, cardsIn, cardText } from '../../support/adaptive-cards.js';
import { storedReminders } from '../../support/stored-rows.js';
import {
  CHANNEL,
  type Client,
  cardSubmit,
  fetchTask,
  fromEmulator,
  GROUP_CHAT,
  inGroupChat,
  mention,
  post,
  submitAction,
  TENANT,
} from '../../support/teams-activities.js';
import { startTeamsHarness, type TeamsHarness } from '../../support/teams-server.js';

const START = Date.parse('2026-03-24T09:00:00Z');
const MINUTE = 60_000;

type Json = Record<string, unknown>;
type Task = { task: { type: string; value: { title: string; card: { content: { body: Json[] } } } } };

let h: TeamsHarness;
let en: Client;
let nl: Client;

beforeAll(async () => {
  h = await startTeamsHarness(START);
  en = { serviceUrl: h.connector.url, locale: 'en-US', timezone: 'Europe/Amsterdam' };
  nl = { serviceUrl: h.connector.url, locale: 'nl-NL', timezone: 'Europe/Amsterdam' };
});
afterAll(async () => {
  await h?.close();
});

const premierA = {
  caseNumber: '2603240010000001',
  title: 'VMs down in West Europe',
  plan: 'premier',
  severity: 'A',
  country: 'NL',
  commit24x7: 'default',
  clientZone: 'Europe/Amsterdam',
};

/** The form's elements in order, with those of the "More options" container in their place. */
function elements(task: Task): Json[] {
  return task.task.value.card.content.body.flatMap((e) =>
    Array.isArray(e.items) ? [e, ...(e.items as Json[])] : [e],
  );
}

function inputs(task: Task): Map<string, Json> {
  return new Map(
    elements(task)
      .filter((e) => typeof e.id === 'string' && String(e.type).startsWith('Input.'))
      .map((e) => [e.id as string, e]),
  );
}

/** The TextBlock right after an input: where the form shows that field's error. */
function errorBeside(task: Task, id: string): string | undefined {
  const all = elements(task);
  const next = all[all.findIndex((e) => e.id === id) + 1];
  return next?.type === 'TextBlock' && next.color === 'attention' ? String(next.text) : undefined;
}

/** The summary at the top of a form shown again: its heading and its lines. */
function summaryOf(task: Task): string[] {
  const [first] = task.task.value.card.content.body;
  return first?.style === 'attention' ? (first.items as Json[]).map((e) => String(e.text)) : [];
}

function expectValid(value: unknown): void {
  const cards = cardsIn(value);
  expect(cards.length).toBeGreaterThan(0);
  for (const card of cards) expect(cardProblems(card)).toEqual([]);
}

async function trackCase(data: Json = premierA): Promise<{ threadId: string; cardId: string }> {
  h.connector.clear();
  const response = await post(h.server.url, submitAction(en, 'trackCase', data));
  expect(response.status).toBe(200);
  expect(response.body).toEqual({});
  expect(h.connector.creates()).toHaveLength(1);
  const views = await h.server.cases.list({ tenantId: TENANT, channelId: CHANNEL });
  const view = views.find((v) => v.record.caseNumber === data.caseNumber);
  const conversation = view?.record.conversation as {
    activityId: string;
    reference: { conversation: { id: string } };
  };
  return { threadId: conversation.reference.conversation.id, cardId: conversation.activityId };
}

describe('trackCase: the form', () => {
  // Issue 14: the customer's zone and language are never taken from the engineer's own client (an
  // en-US engineer in Amsterdam is not an American customer): in a channel without cases they are empty.
  it('fetchTask answers a task module with the form: required fields first, nothing from the client', async () => {
    const response = await post(h.server.url, fetchTask(en, 'trackCase'));
    expect(response.status).toBe(200);
    const task = response.body as Task;
    expect(task.task.type).toBe('continue');
    expect(task.task.value.title).toBe('Track SLA case');
    const fields = inputs(task);
    expect([...fields.keys()]).toEqual([
      'caseNumber',
      'title',
      'plan',
      'severity',
      'country',
      'language',
      'timeZone',
      'subdivision',
      'commit24x7',
      'openedDate',
      'openedTime',
      'issueType',
      'product',
    ]);
    expect(fields.get('timeZone')?.value).toBe('');
    expect(fields.get('language')?.value).toBe('');
    expect(fields.get('country')?.value).toBe('');
    expect(fields.get('plan')?.value).toBe('');
    expect(fields.get('issueType')?.value).toBe('technical');
    expect(fields.get('product')?.value).toBe('azure-ga');
    expect(cardText(task.task.value.card.content)).toMatch(/No earlier case in this channel/);
    expectValid(response.body);
  });

  it('a message action pre-fills the title from the message text', async () => {
    const response = await post(
      h.server.url,
      fetchTask(en, 'trackCase', '<p>Customer reports <b>VMs down</b> &amp; no RDP</p>'),
    );
    expect(inputs(response.body as Task).get('title')?.value).toBe('Customer reports VMs down & no RDP');
  });

  it('speaks the client language (Dutch)', async () => {
    const response = await post(h.server.url, fetchTask(nl, 'trackCase'));
    const task = response.body as Task;
    expect(task.task.value.title).toBe('SLA-aanvraag volgen');
    expect(inputs(task).get('caseNumber')?.label).toBe('Aanvraagnummer');
    expectValid(response.body);
  });

  it('submitAction with missing fields re-shows the form with the errors beside them', async () => {
    const response = await post(
      h.server.url,
      submitAction(en, 'trackCase', { ...premierA, caseNumber: '', country: '' }),
    );
    const task = response.body as Task;
    expect(task.task.type).toBe('continue');
    expect(errorBeside(task, 'caseNumber')).toBe('Give the case number, for example 2603270010001234.');
    expect(errorBeside(task, 'country')).toBe("Give the customer's country, for example NL, DE or US.");
    expect(summaryOf(task)).toEqual([
      '2 things to fix before the case can be saved:',
      '• Case number: Give the case number, for example 2603270010001234.',
      "• Customer's country: Give the customer's country, for example NL, DE or US.",
    ]);
    expect(inputs(task).get('title')?.value).toBe(premierA.title);
    expectValid(response.body);
    expect(h.connector.creates()).toHaveLength(0);
  });

  it('an SLA error from the core shows beside its field, in the user language', async () => {
    const response = await post(
      h.server.url,
      submitAction(nl, 'trackCase', { ...premierA, caseNumber: '99', country: 'ZZ' }),
    );
    const task = response.body as Task;
    expect(errorBeside(task, 'country')).toMatch(/ZZ/);
    expect(task.task.value.title).toBe('SLA-aanvraag volgen');
    const standard = await post(
      h.server.url,
      submitAction(en, 'trackCase', { ...premierA, caseNumber: '98', plan: 'developer' }),
    );
    expect(errorBeside(standard.body as Task, 'severity')).toMatch(/Severity A is not available/);
    expectValid(standard.body);
  });
});

describe('trackCase: the case card and its thread', () => {
  it('posts the case card into the channel as a new conversation and stores its thread', async () => {
    const { threadId, cardId } = await trackCase();
    const [create] = h.connector.creates();
    const body = create?.body as {
      channelData: { channel: { id: string } };
      isGroup: boolean;
      activity: Json;
    };
    expect(body.channelData.channel.id).toBe(CHANNEL);
    expect(body.isGroup).toBe(true);
    const [card] = cardsIn(body.activity);
    expect(cardText(card)).toMatch(/Case 2603240010000001: VMs down in West Europe/);
    expect(cardText(card)).toMatch(
      /\{\{DATE\(2026-03-24T10:00:00Z, SHORT\)\}\} \{\{TIME\(2026-03-24T10:00:00Z\)\}\}/,
    );
    expect(cardText(card)).toMatch(/Opened by Ann de Vries/);
    expectValid(body.activity);
    expect(threadId).toBe(`${CHANNEL};messageid=${cardId}`);
  });

  it('a retried submission opens nothing twice', async () => {
    h.connector.clear();
    const activity = submitAction(en, 'trackCase', { ...premierA, caseNumber: '2603240010000009' });
    await post(h.server.url, activity);
    await post(h.server.url, activity);
    const views = await h.server.cases.list({ tenantId: TENANT, channelId: CHANNEL });
    expect(views.filter((v) => v.record.caseNumber === '2603240010000009')).toHaveLength(1);
    expect(h.connector.creates()).toHaveLength(1);
  });

  it('card buttons update the card in place and note who did what in the thread', async () => {
    const { threadId, cardId } = await trackCase({ ...premierA, caseNumber: '2603240010000002' });
    const caseId =
      (await h.server.cases.list({ tenantId: TENANT })).find(
        (v) => v.record.caseNumber === '2603240010000002',
      )?.record.id ?? '';
    h.connector.clear();
    const severity = await post(
      h.server.url,
      cardSubmit(en, threadId, cardId, { action: 'change_severity', caseId, severity: 'B' }),
    );
    expect(severity.status).toBe(200);
    const [update] = h.connector.updates();
    expect(update?.conversationId).toBe(threadId);
    expect(update?.activityId).toBe(cardId);
    expect(cardText(cardsIn(update?.body)[0])).toMatch(/Severity B/);
    expectValid(update?.body);
    const [note] = h.connector.posts();
    expect(note?.conversationId).toBe(threadId);
    expect(note?.body.text).toBe('Ann de Vries changed the severity from A to B.');

    h.connector.clear();
    await post(h.server.url, cardSubmit(en, threadId, cardId, { action: 'respond_now', caseId }));
    const responded = cardsIn(h.connector.updates()[0]?.body)[0];
    expect(cardText(responded)).toMatch(/Met by 2 hours/);
    // Undoing a response says so, and asks first: no bare "Reopen".
    expect(cardText(responded)).toMatch(/Undo response/);
    expect(cardText(responded)).toMatch(/Undo the recorded first response\?/);
    expect(cardProblems(responded)).toEqual([]);
    expect(h.connector.posts()[0]?.body.text).toBe("Ann de Vries recorded Microsoft's first response.");

    h.connector.clear();
    await post(h.server.url, cardSubmit(en, threadId, cardId, { action: 'close', caseId }));
    expect(h.connector.posts()[0]?.body.text).toBe('Ann de Vries closed this case.');
    h.connector.clear();
    await post(h.server.url, cardSubmit(en, threadId, cardId, { action: 'close', caseId }));
    expect(h.connector.updates()).toHaveLength(0);
    expect(cardText(cardsIn(h.connector.posts()[0]?.body)[0])).toBe('This case is already closed.');
  });

  it('posts reminders proactively as replies in the case thread once they are due', async () => {
    const { threadId, cardId } = await trackCase({ ...premierA, caseNumber: '2603240010000003' });
    h.connector.clear();
    h.clock.set(START + 61 * MINUTE);
    await h.server.dispatcher.tick();
    for (const reply of h.connector.posts()) {
      expect(reply.conversationId).toBe(`${CHANNEL};messageid=${reply.activityId}`);
      expectValid(reply.body);
    }
    const replies = h.connector.posts().filter((reply) => reply.conversationId === threadId);
    expect(replies.length).toBeGreaterThanOrEqual(3);
    expect(replies.every((reply) => reply.activityId === cardId)).toBe(true);
    const texts = replies.map((reply) => cardText(cardsIn(reply.body)[0]));
    expect(
      texts.some((text) =>
        /deadline \(\{\{DATE\(2026-03-24T10:00:00Z, SHORT\)\}\} .*\) has passed/.test(text),
      ),
    ).toBe(true);
    h.clock.set(START);
  });

  it('a thread that is gone flags the case instead of retrying forever', async () => {
    const { threadId } = await trackCase({ ...premierA, caseNumber: '2603240010000004' });
    h.connector.clear();
    h.connector.failConversation(threadId, 404);
    h.clock.set(START + 61 * MINUTE);
    await h.server.dispatcher.tick();
    const views = await h.server.cases.list({ tenantId: TENANT });
    const flagged = views.find((v) => v.record.caseNumber === '2603240010000004');
    expect(flagged?.record.flag).toBe('channel_not_found');
    const reminders = await storedReminders(h.server, TENANT, flagged?.record.id ?? '');
    expect(reminders.some((reminder) => reminder.state === 'failed')).toBe(true);
    h.clock.set(START);
  });
  it('"Responded at…" reads the date and time in the user zone', async () => {
    const { threadId, cardId } = await trackCase({ ...premierA, caseNumber: '2603240010000005' });
    const caseId =
      (await h.server.cases.list({ tenantId: TENANT })).find(
        (v) => v.record.caseNumber === '2603240010000005',
      )?.record.id ?? '';
    h.clock.set(START + 30 * MINUTE);
    h.connector.clear();
    await post(
      h.server.url,
      cardSubmit(nl, threadId, cardId, { action: 'respond_at', caseId, respondedDate: '2026-03-24' }),
    );
    expect(cardText(cardsIn(h.connector.posts()[0]?.body)[0])).toBe(
      'Geef de datum en de tijd van de eerste reactie van Microsoft op.',
    );
    expect(h.connector.updates()).toHaveLength(0);
    h.connector.clear();
    await post(
      h.server.url,
      cardSubmit(en, threadId, cardId, {
        action: 'respond_at',
        caseId,
        respondedDate: '2026-03-24',
        respondedTime: '11:20',
      }),
    );
    expect(cardText(cardsIn(h.connector.posts()[0]?.body)[0])).toBe(
      'That time is in the future: give the moment Microsoft first responded.',
    );
    h.connector.clear();
    await post(
      h.server.url,
      cardSubmit(en, threadId, cardId, {
        action: 'respond_at',
        caseId,
        respondedDate: '2026-03-24',
        respondedTime: '10:20',
      }),
    );
    expect(cardText(cardsIn(h.connector.updates()[0]?.body)[0])).toMatch(/Met by 40 minutes/);
    h.clock.set(START);
  });

  it('a rate-limited reply is retried after the Retry-After and lands once in the thread', async () => {
    const { threadId } = await trackCase({ ...premierA, caseNumber: '2603240010000006' });
    h.connector.clear();
    h.clock.set(START + 31 * MINUTE);
    h.connector.failNext(429, 1, { 'retry-after': '1' });
    await h.server.dispatcher.tick();
    const caseId =
      (await h.server.cases.list({ tenantId: TENANT })).find(
        (v) => v.record.caseNumber === '2603240010000006',
      )?.record.id ?? '';
    const due = (await storedReminders(h.server, TENANT, caseId)).filter(
      (r) => r.dueAt <= START + 31 * MINUTE,
    );
    expect(due.length).toBeGreaterThan(0);
    expect(due.every((r) => r.state === 'sent')).toBe(true);
    const posts = h.connector.posts();
    expect(posts.every((call) => call.conversationId === threadId)).toBe(true);
    expect(posts).toHaveLength(due.length + 1);
    h.clock.set(START);
  });
});

describe('checkSla and the channel commands', () => {
  it('checkSla answers with a preview card and stores nothing', async () => {
    const before = (await h.server.cases.list({ tenantId: TENANT })).length;
    h.connector.clear();
    const response = await post(
      h.server.url,
      submitAction(en, 'checkSla', { plan: 'professional-direct', severity: 'B', country: 'NL' }),
    );
    const task = response.body as Task;
    expect(task.task.value.title).toBe('Check SLA');
    expect(cardText(task.task.value.card.content)).toMatch(/Nothing was stored/);
    expectValid(response.body);
    expect((await h.server.cases.list({ tenantId: TENANT })).length).toBe(before);
    expect(h.connector.calls).toHaveLength(0);
  });

  it('@sla-bot list answers with the open cases of the channel', async () => {
    h.connector.clear();
    await post(h.server.url, mention(en, 'list'));
    const [reply] = h.connector.posts();
    expect(reply?.conversationId).toBe(CHANNEL);
    const text = cardText(cardsIn(reply?.body)[0]);
    expect(text).toMatch(/open cases in this channel/);
    expect(text).toMatch(/2603240010000001/);
    expectValid(reply?.body);
  });

  it('@sla-bot help, and anything else, answers with the help', async () => {
    for (const words of ['help', 'what can you do?']) {
      h.connector.clear();
      await post(h.server.url, mention(nl, words));
      const text = cardText(cardsIn(h.connector.posts()[0]?.body)[0]);
      expect(text).toMatch(/SLA-bot houdt Azure-ondersteuningsaanvragen/);
      expectValid(h.connector.posts()[0]?.body);
    }
  });
});

describe('outside team channels', () => {
  it('in a group chat the card goes into the chat and reminders reply to it', async () => {
    h.connector.clear();
    const response = await post(
      h.server.url,
      inGroupChat(submitAction(en, 'trackCase', { ...premierA, caseNumber: '2603240010000007' })),
    );
    expect(response.body).toEqual({});
    expect(h.connector.creates()).toHaveLength(0);
    const [card] = h.connector.posts();
    expect(card?.conversationId).toBe(GROUP_CHAT);
    expectValid(card?.body);
    const view = (await h.server.cases.list({ tenantId: TENANT, channelId: GROUP_CHAT }))[0];
    const stored = view?.record.conversation as { activityId: string };
    h.connector.clear();
    h.clock.set(START + 61 * MINUTE);
    await h.server.dispatcher.tick();
    const replies = h.connector.posts().filter((call) => call.conversationId === GROUP_CHAT);
    expect(replies.length).toBeGreaterThan(0);
    expect(replies.every((call) => call.activityId === stored.activityId)).toBe(true);
    h.clock.set(START);
  });

  it('the Bot Framework Emulator gets answers without any credentials', async () => {
    h.connector.clear();
    const response = await post(h.server.url, fromEmulator(h.connector.url, 'help'));
    expect(response.status).toBe(200);
    const [reply] = h.connector.posts();
    expect(reply?.conversationId).toBe('emulator-conversation-1');
    expect(cardText(cardsIn(reply?.body)[0])).toMatch(/SLA bot keeps Azure support cases/);
  });

  it('a body that is not a JSON object gets 400', async () => {
    for (const body of ['not json', '[1,2]']) {
      const response = await fetch(`${h.server.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      expect(response.status).toBe(400);
    }
  });
});
