// Every notice in its case's thread, on time, once: Slack answering chat.postMessage in 1.5 s, its
// per-channel limit on, a lease of 3 s (so a post takes longer than a third of it), the dispatcher
// running on the real clock. The scenarios run side by side, each in channels of its own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOTICE_EVENT } from '../../../adapters/slack/notifier.js';
import { noticeSpec } from '../../../src/reminders/notices.js';
import { eventEnvelope } from '../../support/slack-requests.js';
import type { StoredMessage } from '../../support/slack-stand-in.js';
import { type CaseFields, GOOD_CASE } from '../slack/case-values.js';
import { type DeliveryHarness, eventually, startDeliveryHarness } from './harness.js';

const MINUTE = 60_000;
const SLOW_POST_MS = 1500;

let h: DeliveryHarness;
beforeAll(async () => {
  h = await startDeliveryHarness({ DISPATCH_LEASE_MS: '3000' });
  h.slack.latency('chat.postMessage', SLOW_POST_MS);
  h.slack.limitPostsPerChannel({ perSecond: 1, burst: 3 });
  h.slack.user({ id: 'U1', name: 'Ann', locale: 'en-US', tz: 'Europe/Amsterdam' });
});
afterAll(() => h?.close());

/** The cases of these channels once their cards are posted: id → card ts. */
async function cardsIn(channels: readonly string[], count: number): Promise<Map<string, string>> {
  return eventually(async () => {
    const cards = new Map<string, string>();
    for (const channel of channels) {
      for (const view of await h.server.cases.list({ tenantId: 'T1', channelId: channel })) {
        const ts = (view.record.conversation as { ts?: string } | null)?.ts;
        if (ts) cards.set(view.record.id, ts);
      }
    }
    expect(cards.size).toBe(count);
    return cards;
  }, 30_000);
}

/** Waits until every thread notice of these cases is no longer pending; returns them. */
async function settled(caseIds: ReadonlySet<string>) {
  return eventually(async () => {
    const rows = (await h.reminders()).filter(
      (r) =>
        caseIds.has(r.caseId) &&
        r.notice.kind !== 'unreadable' &&
        noticeSpec(r.notice).target === 'thread' &&
        r.dueAt <= Date.now(),
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.filter((r) => r.state === 'pending')).toEqual([]);
    return rows;
  }, 40_000);
}

const noticesOf = (channels: readonly string[]) =>
  h.slack.messages.filter((m) => channels.includes(m.channel) && m.metadata?.event_type === NOTICE_EVENT);

describe.concurrent('every notice in its case thread, on time, once', () => {
  it('the warnings due at opening wait for their card and land in its thread, once each, using no attempt for waiting or 429s', async () => {
    const channels = ['CRACE1', 'CRACE2', 'CRACE3', 'CRACE4'];
    const fields = (channel: string, n: number): CaseFields => ({
      ...GOOD_CASE,
      caseNumber: `${channel}-${n}`,
      commit: 'no', // A without a 24x7 commitment: a downgrade warning beside the contact note
      openedAt: Date.now(),
    });
    const submitted = await Promise.all(
      channels.flatMap((channel) => [1, 2, 3].map((n) => h.submitCase(fields(channel, n), channel))),
    );
    expect(submitted.every((status) => status === 200)).toBe(true);
    const cards = await cardsIn(channels, 12);
    const rows = await settled(new Set(cards.keys()));

    expect(rows).toHaveLength(24);
    for (const row of rows) expect(row).toMatchObject({ state: 'sent', attempts: 1 });
    const notices = noticesOf(channels);
    // Nothing top-level but the cards; every notice in the thread of its own case's card.
    expect(h.slack.messages.filter((m) => channels.includes(m.channel) && !m.threadTs && !m.blocks)).toEqual(
      [],
    );
    for (const notice of notices) {
      const caseId = String(notice.metadata?.event_payload?.case_id);
      expect(notice.threadTs, notice.text).toBe(cards.get(caseId));
    }
    // Once each: as many posts as rows, no key twice.
    const keys = notices.map((m) => String(m.metadata?.event_payload?.key));
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.sort()).toEqual(rows.map((r) => r.key).sort());
    for (const id of cards.keys()) expect((await h.server.store.getCase('T1', id))?.flag).toBeNull();
    // Paced: replies into one channel arrive at least about a second apart.
    for (const channel of channels) {
      const times = h.slack
        .callsTo('chat.postMessage')
        .filter((call) => call.body.channel === channel && call.body.thread_ts)
        .map((call) => call.at ?? 0)
        .sort((a, b) => a - b);
      for (let i = 1; i < times.length; i++)
        expect((times[i] ?? 0) - (times[i - 1] ?? 0)).toBeGreaterThanOrEqual(900);
    }
  }, 90_000);

  it('a case registered after its deadline gets one notice saying by how much, a card showing the breach, and no burst', async () => {
    const channel = 'CLATE';
    const opened = Date.now() - 38 * 1440 * MINUTE;
    expect(await h.submitCase({ ...GOOD_CASE, caseNumber: 'LATE-1', openedAt: opened }, channel)).toBe(200);
    const cards = await cardsIn([channel], 1);
    const [caseId = '', ts = ''] = [...cards][0] ?? [];
    await settled(new Set([caseId]));
    const replies = h.slack.replies(channel, ts).map((m) => m.text);
    const passed = replies.filter((text) => /deadline/.test(text));
    expect(passed).toHaveLength(1);
    // 38 days after the opening, less its hour of target.
    expect(passed[0]).toMatch(/passed 37 days 23 hours ago, and no response is recorded\.$/);
    expect(replies.filter((text) => /% of the first-response time|left until/.test(text))).toEqual([]);
    const card = h.slack.messages.find((m) => m.channel === channel && m.ts === ts);
    expect(JSON.stringify(card?.blocks)).toMatch(/Breached/);
  }, 60_000);

  it('the card shows the breach by itself when the deadline passes, and the breach is said once', async () => {
    const channel = 'CBREACH';
    // A (24x7, 60 minutes) opened 59 minutes 53 seconds ago: the deadline is seconds away.
    const opened = Date.now() - 60 * MINUTE + 7_000;
    expect(await h.submitCase({ ...GOOD_CASE, caseNumber: 'BREACH-1', openedAt: opened }, channel)).toBe(200);
    const cards = await cardsIn([channel], 1);
    const [caseId = '', ts = ''] = [...cards][0] ?? [];
    const updated = await eventually(() => {
      const update = h.slack
        .callsTo('chat.update')
        .find((call) => call.body.channel === channel && call.body.ts === ts);
      expect(update).toBeDefined();
      return update;
    }, 30_000);
    expect(JSON.stringify(updated?.body.blocks)).toMatch(/Breached/);
    await settled(new Set([caseId]));
    const replies = h.slack.replies(channel, ts).map((m) => m.text);
    expect(replies.filter((text) => /The first-response deadline \(.*\) has passed/.test(text))).toHaveLength(
      1,
    );
    expect(replies.filter((text) => /% of the first-response time/.test(text))).toEqual([]);
  }, 60_000);

  it('a case opened without a chat request: the server posts its card, the notices follow in its thread, a change from outside the chat is said there and shown on the card', async () => {
    const channel = 'CAZURE';
    const azure = { id: 'azure', name: 'Azure', locale: 'en', announce: true };
    const request = {
      tenantId: 'T1',
      platform: 'slack',
      channelId: channel,
      conversation: { channel },
      caseNumber: '2603250010009999',
      title: 'Storage account throttled',
      input: { plan: 'premier', severity: 'A', country: 'NL', openedAt: Date.now() - 10 * MINUTE },
      openedBy: azure,
      idempotencyKey: 'azure:T1:2603250010009999',
    } as const;
    const [first, again] = await Promise.all([h.server.cases.open(request), h.server.cases.open(request)]);
    if (!first.ok || !again.ok) throw new Error('not opened');
    expect(again.view.record.id).toBe(first.view.record.id);
    const id = first.view.record.id;
    const cards = await cardsIn([channel], 1);
    const ts = cards.get(id) ?? '';
    const card = h.slack.messages.find((m) => m.channel === channel && m.ts === ts) as StoredMessage;
    expect(card.metadata).toEqual({ event_type: 'sla_bot_case', event_payload: { case_id: id } });
    expect(JSON.stringify(card.blocks)).toMatch(/Storage account throttled/);
    await settled(new Set([id]));
    // A warning's text (what notifications show) names its case before what to do.
    expect(h.slack.replies(channel, ts).map((m) => m.text)).toContain(
      'Case 2603250010009999: Storage account throttled · Make sure Microsoft has correct contact details.',
    );

    const responded = await h.server.cases.recordResponse('T1', id, azure, Date.now() - 60_000);
    expect(responded.ok).toBe(true);
    await eventually(() => {
      expect(h.slack.replies(channel, ts).map((m) => m.text)).toContain(
        "Azure recorded Microsoft's first response.",
      );
      const update = h.slack.callsTo('chat.update').find((call) => call.body.ts === ts);
      expect(JSON.stringify(update?.body.blocks)).toMatch(/Met by/);
    }, 30_000);
    expect(h.slack.messages.filter((m) => m.channel === channel && !m.threadTs)).toHaveLength(1);
  }, 60_000);

  it('one case that no longer evaluates does not break /sla list or App Home', async () => {
    const channel = 'CBROKEN';
    await h.submitCase({ ...GOOD_CASE, caseNumber: 'FINE-1', openedAt: Date.now() }, channel);
    const [fine] = await cardsIn([channel], 1).then((cards) => [...cards.keys()]);
    const stored = await h.server.store.getCase('T1', fine ?? '');
    if (!stored) throw new Error('no case');
    // Stored before a policy change: its plan is not one the policy knows any more.
    const { openKey: _key, ...unkeyed } = stored;
    const broken = {
      ...unkeyed,
      id: 'broken-case',
      caseNumber: 'OLD-7',
      title: 'Stored under an old policy',
      input: { ...stored.input, plan: 'unified-enterprise' },
    };
    await h.server.store.saveCase(
      { record: broken, expectedVersion: null, event: null, plan: [], notices: [] },
      Date.now(),
    );

    const before = h.slack.callsTo('response_url').length;
    await h.command('list', channel);
    const [answer] = (await h.slack.waitFor('response_url', before + 1)).slice(before);
    const listed = JSON.stringify(answer?.body.blocks);
    expect(listed).toContain('FINE-1');
    expect(listed).toMatch(
      /Case OLD-7: Stored under an old policy> · the deadline cannot be worked out: Unknown plan .+unified-enterprise/,
    );

    const published = h.slack.callsTo('views.publish').length;
    await h.event(
      eventEnvelope({ type: 'app_home_opened', user: 'U1', channel: 'D1', tab: 'home', event_ts: '1.9' }),
    );
    const [home] = (await h.slack.waitFor('views.publish', published + 1)).slice(published);
    expect(JSON.stringify(home?.body.view)).toMatch(/OLD-7.*the deadline cannot be worked out/);
  }, 60_000);
});
