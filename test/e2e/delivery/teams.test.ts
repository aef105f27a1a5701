// Every notice in its case's thread, in Teams: the Bot Connector answering the create call in 1.2 s
// (normal in real tenants), the dispatcher running on the real clock, scenarios side by side.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardPlaceOf } from '../../../adapters/teams/card-place.js';
import { noticeSpec } from '../../../src/reminders/notices.js';
import { cardsIn, cardText } from '../../support/adaptive-cards.js';
import { CHANNEL, type Client, mention, post, submitAction, TENANT } from '../../support/teams-activities.js';
import type { ConnectorCall } from '../../support/teams-connector.js';
import { type DeliveryHarness, eventually, startDeliveryHarness } from './harness.js';

const MINUTE = 60_000;
type Json = Record<string, unknown>;
type Stored = { activityId: string; reference: { conversation: { id: string } } };

let h: DeliveryHarness;
let en: Client;
beforeAll(async () => {
  h = await startDeliveryHarness();
  h.connector.latency('createConversation', 1200);
  h.connector.latency('sendActivity', 300);
  h.connector.latency('updateActivity', 300);
  en = { serviceUrl: h.connector.url, locale: 'en-US', timezone: 'Europe/Amsterdam' };
});
afterAll(() => h?.close());

/** An activity of `en` in another Teams channel of the same team. */
function inChannel(activity: Json, channel: string): Json {
  const data = activity.channelData as Json;
  return { ...activity, channelData: { ...data, channel: { id: channel, name: channel } } };
}

async function threadsIn(channel: string, count: number): Promise<Map<string, Stored>> {
  return eventually(async () => {
    const threads = new Map<string, Stored>();
    for (const view of await h.server.cases.list({ tenantId: TENANT, channelId: channel })) {
      const stored = view.record.conversation as Stored | null;
      if (stored?.activityId) threads.set(view.record.id, stored);
    }
    expect(threads.size).toBe(count);
    return threads;
  }, 30_000);
}

async function settled(caseIds: ReadonlySet<string>) {
  return eventually(async () => {
    const rows = (await h.reminders()).filter(
      (r) =>
        caseIds.has(r.caseId) && r.notice.kind !== 'unreadable' && noticeSpec(r.notice).target === 'thread',
    );
    const due = rows.filter((r) => r.dueAt <= Date.now());
    expect(due.length).toBeGreaterThan(0);
    expect(due.filter((r) => r.state === 'pending')).toEqual([]);
    return due;
  }, 40_000);
}

const repliesTo = (stored: Stored): ConnectorCall[] =>
  h.connector
    .posts()
    .filter(
      (call) =>
        call.conversationId === stored.reference.conversation.id && call.activityId === stored.activityId,
    );

describe.concurrent('every notice in its case thread, in Teams', () => {
  it('the warnings due at opening wait for the card the connector creates in 1.2 s, then land in its thread', async () => {
    const channels = ['19:race-one@thread.tacv2', '19:race-two@thread.tacv2'];
    const track = (channel: string, n: number) =>
      post(
        h.server.url,
        inChannel(
          submitAction(en, 'trackCase', {
            caseNumber: `${channel.slice(3, 11)}-${n}`,
            title: 'VMs down in West Europe',
            plan: 'premier',
            severity: 'A',
            country: 'NL',
            commit24x7: 'no',
            clientZone: 'Europe/Amsterdam',
          }),
          channel,
        ),
      );
    const answers = await Promise.all(channels.flatMap((channel) => [1, 2, 3].map((n) => track(channel, n))));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 200]);
    const threads = new Map([
      ...(await threadsIn(channels[0] ?? '', 3)),
      ...(await threadsIn(channels[1] ?? '', 3)),
    ]);
    const rows = await settled(new Set(threads.keys()));
    expect(rows).toHaveLength(12);
    for (const row of rows) expect(row).toMatchObject({ state: 'sent', attempts: 1 });
    for (const [id, stored] of threads) {
      expect((await h.server.store.getCase(TENANT, id))?.flag).toBeNull();
      const texts = repliesTo(stored).map((call) => cardText(cardsIn(call.body)[0]));
      // Each warning names its case above its sentence.
      expect(texts.sort()).toEqual([
        expect.stringMatching(/^⚠️ Check this · Case .*\nMake sure Microsoft has correct contact details\.$/),
        expect.stringMatching(/^⚠️ Severity at risk · Case .*\nMicrosoft may lower the severity to B/),
      ]);
    }
    // Nothing posted anywhere but the threads of these cards.
    const threadIds = new Set([...threads.values()].map((s) => s.reference.conversation.id));
    const strays = h.connector
      .posts()
      .filter(
        (call) =>
          channels.some((c) => call.conversationId?.startsWith(c)) &&
          !threadIds.has(call.conversationId ?? ''),
      );
    expect(strays).toEqual([]);
  }, 90_000);

  it('a case opened without a chat request: the server creates its card in the channel, the notices follow in its thread, a change from outside the chat is said there and shown on the card', async () => {
    const channel = '19:azure-watch@thread.tacv2';
    const azure = { id: 'azure', name: 'Azure', locale: 'en', announce: true };
    const place = cardPlaceOf(inChannel(mention(en, 'watch'), channel), 'Azure');
    const opened = await h.server.cases.open({
      tenantId: TENANT,
      platform: 'teams',
      channelId: channel,
      conversation: place,
      caseNumber: '2603250010007777',
      title: 'Cosmos DB latency',
      input: { plan: 'premier', severity: 'A', country: 'NL', openedAt: Date.now() - 10 * MINUTE },
      openedBy: azure,
      idempotencyKey: 'azure:tenant:2603250010007777',
    });
    if (!opened.ok) throw new Error('not opened');
    const id = opened.view.record.id;
    const stored = (await threadsIn(channel, 1)).get(id) as Stored;
    const create = h.connector
      .creates()
      .find((call) => cardText(cardsIn(call.body)[0]).includes('Cosmos DB latency'));
    expect((create?.body.channelData as { channel: { id: string } } | undefined)?.channel.id).toBe(channel);
    expect(cardText(cardsIn(create?.body)[0])).toMatch(/Opened by Azure/);
    expect(stored.reference.conversation.id).toBe(`${channel};messageid=${stored.activityId}`);
    await settled(new Set([id]));
    expect(repliesTo(stored).map((call) => cardText(cardsIn(call.body)[0]))).toContainEqual(
      expect.stringMatching(/\nMake sure Microsoft has correct contact details\.$/),
    );

    await h.server.cases.recordResponse(TENANT, id, azure, Date.now() - MINUTE);
    await eventually(() => {
      const notes = repliesTo(stored).map((call) => call.body.text ?? cardText(cardsIn(call.body)[0]));
      expect(notes).toContain("Azure recorded Microsoft's first response.");
      const update = h.connector.updates().find((call) => call.activityId === stored.activityId);
      expect(cardText(cardsIn(update?.body)[0])).toMatch(/Met by/);
    }, 30_000);
  }, 60_000);

  it('the card shows the breach by itself when the deadline passes', async () => {
    const channel = '19:deadline@thread.tacv2';
    const place = cardPlaceOf(inChannel(mention(en, 'watch'), channel), 'Ann');
    const opened = await h.server.cases.open({
      tenantId: TENANT,
      platform: 'teams',
      channelId: channel,
      conversation: place,
      caseNumber: '2603250010008888',
      title: 'Deadline in seconds',
      input: { plan: 'premier', severity: 'A', country: 'NL', openedAt: Date.now() - 60 * MINUTE + 6_000 },
      openedBy: { id: 'ann', name: 'Ann', locale: 'en' },
    });
    if (!opened.ok) throw new Error('not opened');
    const stored = (await threadsIn(channel, 1)).get(opened.view.record.id) as Stored;
    const update = await eventually(() => {
      const found = h.connector.updates().find((call) => call.activityId === stored.activityId);
      expect(found).toBeDefined();
      return found;
    }, 30_000);
    expect(cardText(cardsIn(update?.body)[0])).toMatch(/Breached/);
    await eventually(() =>
      expect(
        repliesTo(stored).filter((call) =>
          /deadline \(.*\) has passed/.test(cardText(cardsIn(call.body)[0])),
        ),
      ).toHaveLength(1),
    );
  }, 60_000);

  it('one case that no longer evaluates does not break @sla-bot list', async () => {
    const channel = CHANNEL;
    const fine = await h.server.cases.open({
      tenantId: TENANT,
      platform: 'teams',
      channelId: channel,
      conversation: null,
      caseNumber: 'FINE-T',
      title: 'Fine',
      input: { plan: 'premier', severity: 'C', country: 'NL', openedAt: Date.now() },
      openedBy: { id: 'ann', name: 'Ann', locale: 'en' },
      card: 'posted_by_caller',
    });
    if (!fine.ok) throw new Error('not opened');
    const { openKey: _key, ...unkeyed } = fine.view.record;
    const broken = {
      ...unkeyed,
      id: 'broken-teams',
      caseNumber: 'OLD-T',
      input: { ...fine.view.record.input, country: 'ZZ' },
    };
    await h.server.store.saveCase(
      { record: broken, expectedVersion: null, event: null, plan: [], notices: [] },
      Date.now(),
    );
    const before = h.connector.posts().length;
    const answer = await post(h.server.url, mention(en, 'list'));
    expect(answer.status).toBe(200);
    const listed = await eventually(() => {
      const reply = h.connector
        .posts()
        .slice(before)
        .find((call) => /open case/.test(cardText(cardsIn(call.body)[0])));
      expect(reply).toBeDefined();
      return cardText(cardsIn(reply?.body)[0]);
    });
    expect(listed).toMatch(/FINE-T/);
    expect(listed).toMatch(/\*\*OLD-T\*\* Fine · the deadline cannot be worked out: .*ZZ/);
  }, 60_000);
});
