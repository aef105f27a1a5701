// Issue 14 on Teams, end to end over HTTP: Universal Actions (`adaptiveCard/action` invokes answered
// with the refreshed card, the card's own refresh for whoever looks at it), the welcome when the app
// joins a team, what notifications say (`summary`), reminders with their button, and a form that
// takes the customer from the channel's last case.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardProblems, cardsIn, cardText } from '../../support/adaptive-cards.js';
import {
  ANN,
  BOT,
  CHANNEL,
  type Client,
  fetchTask,
  post,
  submitAction,
  TEAM,
  TENANT,
} from '../../support/teams-activities.js';
import { startTeamsHarness, type TeamsHarness } from '../../support/teams-server.js';

const START = Date.parse('2026-03-24T09:00:00Z');
const MINUTE = 60_000;
type Json = Record<string, unknown>;

let h: TeamsHarness;
let en: Client;
let nl: Client;

beforeAll(async () => {
  h = await startTeamsHarness(START);
  en = { serviceUrl: h.connector.url, locale: 'en-US', timezone: 'America/New_York' };
  nl = { serviceUrl: h.connector.url, locale: 'nl-NL', timezone: 'Europe/Amsterdam' };
});
afterAll(async () => {
  await h?.close();
});

/** What Teams sends for an `Action.Execute`: an invoke whose value carries the verb and the data. */
function execute(client: Client, threadId: string, cardId: string, data: Json, trigger = 'manual'): Json {
  return {
    type: 'invoke',
    name: 'adaptiveCard/action',
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: client.serviceUrl,
    from: ANN,
    recipient: BOT,
    replyToId: cardId,
    conversation: { id: threadId, conversationType: 'channel', isGroup: true, tenantId: TENANT },
    channelData: { tenant: { id: TENANT }, team: { id: TEAM }, channel: { id: CHANNEL } },
    locale: client.locale,
    entities: [{ type: 'clientInfo', locale: client.locale, timezone: client.timezone }],
    value: { action: { type: 'Action.Execute', verb: data.action, data }, trigger },
  };
}

/** The app added to a team: Teams tells the bot in the team's General channel. */
function installed(members: Json[]): Json {
  return {
    type: 'conversationUpdate',
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: h.connector.url,
    from: ANN,
    recipient: BOT,
    conversation: { id: TEAM, conversationType: 'channel', isGroup: true, tenantId: TENANT },
    channelData: { tenant: { id: TENANT }, team: { id: TEAM }, eventType: 'teamMemberAdded' },
    membersAdded: members,
  };
}

async function track(caseNumber: string, extra: Json = {}) {
  h.connector.clear();
  const data = {
    caseNumber,
    title: 'VMs down in West Europe',
    plan: 'premier',
    severity: 'A',
    country: 'NL',
    clientZone: 'Europe/Amsterdam',
    ...extra,
  };
  const response = await post(h.server.url, submitAction(en, 'trackCase', data));
  expect(response.body).toEqual({});
  const [create] = h.connector.creates();
  const views = await h.server.cases.list({ tenantId: TENANT, channelId: CHANNEL });
  const view = views.find((v) => v.record.caseNumber === caseNumber);
  const stored = view?.record.conversation as {
    activityId: string;
    reference: { conversation: { id: string } };
  };
  return {
    caseId: view?.record.id ?? '',
    threadId: stored.reference.conversation.id,
    cardId: stored.activityId,
    create: create?.body as Json,
  };
}

type Answer = { statusCode: number; type: string; value: unknown };

describe('Universal Actions', () => {
  it('an Action.Execute is answered with the refreshed card; the channel card is updated and the thread told', async () => {
    const { caseId, threadId, cardId } = await track('UA-1');
    h.clock.set(START + 20 * MINUTE);
    h.connector.clear();
    const response = await post(
      h.server.url,
      execute(en, threadId, cardId, { action: 'respond_now', caseId }),
    );
    expect(response.status).toBe(200);
    const answer = response.body as Answer;
    expect(answer.statusCode).toBe(200);
    expect(answer.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(cardProblems(answer.value)).toEqual([]);
    expect(cardText(answer.value)).toMatch(/Met by 40 minutes/);
    const [update] = h.connector.updates();
    expect(update?.activityId).toBe(cardId);
    expect(cardText(cardsIn(update?.body)[0])).toMatch(/Met by 40 minutes/);
    expect(h.connector.posts().map((call) => call.body.text)).toEqual([
      "Ann de Vries recorded Microsoft's first response.",
    ]);
    expect((await h.server.cases.get(TENANT, caseId))?.record.state).toBe('responded');
    h.clock.set(START);
  });

  it('the card refreshes for whoever looks at it: time left now, in their language, nothing changed', async () => {
    const { caseId, threadId, cardId, create } = await track('UA-2');
    const [posted] = cardsIn(create.activity);
    const refresh = (posted as { refresh?: { action: Json; userIds?: string[] } }).refresh;
    expect(refresh?.action).toMatchObject({ type: 'Action.Execute', verb: 'refresh', data: { caseId } });
    expect(refresh?.userIds).toEqual([ANN.id]);
    h.clock.set(START + 45 * MINUTE);
    h.connector.clear();
    const response = await post(
      h.server.url,
      execute(nl, threadId, cardId, { action: 'refresh', caseId }, 'automatic'),
    );
    const answer = response.body as Answer;
    expect(answer.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(cardText(answer.value)).toMatch(/Deadline nadert · Nog 15 minuten/);
    // The Dutch reader is in the customer's zone: no second time beside the deadline.
    expect(cardText(answer.value)).not.toMatch(/Tijd bij de klant/);
    expect(h.connector.calls).toEqual([]);
    h.clock.set(START);
  });

  it('an action that no longer applies is answered with why, and changes nothing', async () => {
    const { caseId, threadId, cardId } = await track('UA-3');
    await post(h.server.url, execute(en, threadId, cardId, { action: 'close', caseId }));
    h.connector.clear();
    const again = await post(h.server.url, execute(en, threadId, cardId, { action: 'close', caseId }));
    expect(again.body).toEqual({
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: 'This case is already closed.',
    });
    expect(h.connector.calls).toEqual([]);
    const bad = await post(h.server.url, execute(en, threadId, cardId, { action: '__proto__', caseId }));
    expect((bad.body as Answer).statusCode).toBe(400);
  });

  it('a severity change from "More" takes the chosen severity', async () => {
    const { caseId, threadId, cardId } = await track('UA-4');
    const response = await post(
      h.server.url,
      execute(en, threadId, cardId, { action: 'change_severity', caseId, severity: 'B' }),
    );
    expect(cardText((response.body as Answer).value)).toMatch(/Severity B/);
    expect((await h.server.cases.get(TENANT, caseId))?.assessment.severity).toBe('B');
  });
});

describe('reminders and notifications', () => {
  it('the card says in its summary which case and where it stands', async () => {
    const { create } = await track('UA-5');
    expect((create.activity as Json).summary).toBe('Case UA-5: VMs down in West Europe · Open · 1 hour left');
  });

  it("a reminder names its case, says what to do, carries the card's primary action and a summary", async () => {
    const { caseId, threadId } = await track('UA-6');
    h.connector.clear();
    h.clock.set(START + 31 * MINUTE);
    await h.server.dispatcher.tick();
    const reminder = h.connector
      .posts()
      .find((call) => call.conversationId === threadId && /left/.test(String(call.body.summary)));
    expect(reminder?.body.summary).toMatch(
      /^Case UA-6: VMs down in West Europe · 50% of the first-response time/,
    );
    const [card] = cardsIn(reminder?.body);
    expect(cardProblems(card)).toEqual([]);
    expect(cardText(card)).toMatch(/30 minutes left · Case UA-6/);
    expect(cardText(card)).toMatch(/No response yet\?/);
    const actions = (card as { actions: Json[] }).actions;
    expect(actions[0]).toMatchObject({
      type: 'Action.Execute',
      title: 'Microsoft responded',
      data: { action: 'respond_now', caseId, from: 'notice' },
    });
    // Pressed on the reminder: the card is updated, the reminder answers with what was done.
    h.connector.clear();
    const stored = (await h.server.cases.get(TENANT, caseId))?.record.conversation as { activityId: string };
    const pressed = await post(
      h.server.url,
      execute(en, threadId, stored.activityId, { action: 'respond_now', caseId, from: 'notice' }),
    );
    expect(pressed.body).toEqual({
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: "Ann de Vries recorded Microsoft's first response.",
    });
    expect(h.connector.updates()).toHaveLength(1);
    h.clock.set(START);
  });
});

describe('the form in a channel with cases', () => {
  it("starts from the channel's last case and says so", async () => {
    h.clock.set(START + MINUTE);
    await track('UA-7', {
      country: 'DE',
      timeZone: 'Europe/Berlin',
      language: 'de',
      plan: 'standard',
      severity: 'B',
    });
    const response = await post(h.server.url, fetchTask(en, 'trackCase'));
    const card = (response.body as { task: { value: { card: { content: unknown } } } }).task.value.card
      .content;
    const text = JSON.stringify(card);
    expect(text).toContain('"id":"country","label":"Customer\'s country","value":"DE"');
    expect(text).toContain('"id":"timeZone","label":"Customer\'s time zone","value":"Europe/Berlin"');
    expect(text).toContain('"id":"plan","label":"Support plan","value":"standard"');
    expect(text).toContain('"id":"severity","label":"Severity","value":""');
    expect(cardText(card)).toContain(
      "The customer's details come from this channel's last case, UA-7: VMs down",
    );
    h.clock.set(START);
  });
});

describe('the welcome', () => {
  it('greets the team once when the bot itself is added, not when people are', async () => {
    h.connector.clear();
    await post(h.server.url, installed([{ id: ANN.id }]));
    expect(h.connector.posts()).toEqual([]);
    const activity = installed([{ id: BOT.id }]);
    const response = await post(h.server.url, activity);
    expect(response.status).toBe(200);
    const [welcome] = h.connector.posts();
    expect(welcome?.conversationId).toBe(TEAM);
    const [card] = cardsIn(welcome?.body);
    expect(cardProblems(card)).toEqual([]);
    expect(cardText(card)).toMatch(/SLA bot is now in this team/);
    expect(cardText(card)).toMatch(/\*\*Track SLA case\*\*/);
    await post(h.server.url, { ...activity, id: randomUUID() });
    expect(h.connector.posts()).toHaveLength(1);
  });
});
