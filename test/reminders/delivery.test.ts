// What the dispatcher does around a post: a notice waits for its case's card (never posted anywhere
// else, without using an attempt), a queued card is posted first and remembered, an uncertain try is
// checked on the platform before posting again, and posts into one channel are paced.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CaseService } from '../../src/cases/service.js';
import { createDispatcher, type DispatcherOptions } from '../../src/reminders/dispatcher.js';
import type { Notice } from '../../src/reminders/notices.js';
import { NotifierError, type ThreadPost } from '../../src/reminders/notifier.js';
import type { CaseRecord } from '../../src/store/records.js';
import { labelOf, makeCase, makeReminder, minute, T0 } from '../store/fixtures.js';
import type { TestStore } from '../store/test-store.js';
import { memoryLogger, recordingNotifier, tempSqliteStore, testClock } from './harness.js';

let store: TestStore;
let dispose: () => Promise<void>;
beforeEach(async () => {
  ({ store, dispose } = await tempSqliteStore());
});
afterEach(async () => {
  await dispose();
});

const contact: Notice = { kind: 'warning', code: 'contact_details', to: null, reason: null };

async function seed(c: CaseRecord, rows: Array<[string, number, Notice?]>) {
  const reminders = rows.map(([label, due, notice]) => makeReminder(c, label, due, notice));
  await store.insertCase(c, reminders);
  return reminders;
}

function setup(overrides: Partial<DispatcherOptions> = {}) {
  const clock = testClock(T0);
  const slack = recordingNotifier('slack');
  const dispatcher = createDispatcher({
    store,
    notifiers: { slack },
    cases: new CaseService({ store, clock, reminders: [] }),
    clock,
    owner: 'd1',
    logger: memoryLogger(),
    random: () => 0,
    ...overrides,
  });
  return { clock, slack, dispatcher };
}

const rowsOf = async (c: CaseRecord) => store.listReminders(c.tenantId, c.id);

describe('a notice whose card is not posted yet', () => {
  it('waits, retried soon without using an attempt, and is never posted elsewhere', async () => {
    const c = makeCase({ conversation: null });
    await seed(c, [['warning', T0, contact]]);
    const { clock, slack, dispatcher } = setup();
    await dispatcher.tick();
    await dispatcher.tick();
    expect(slack.posts).toEqual([]);
    const [waiting] = await rowsOf(c);
    expect(waiting).toMatchObject({
      state: 'pending',
      attempts: 0,
      nextAttemptAt: T0 + 2000,
      claimedBy: null,
    });
    expect(waiting?.lastError).toMatch(/^deferred: waiting for the card/);
    // The card arrives (posted by the chat request): the notice goes into its thread.
    await store.attachConversation(c.tenantId, c.id, { channel: c.channelId, ts: '1.2' }, T0 + 1000);
    clock.advance(2000);
    await dispatcher.tick();
    expect(slack.posts.map((p) => p.kind)).toEqual(['warning']);
    expect((await rowsOf(c))[0]).toMatchObject({ state: 'sent', attempts: 1 });
    expect(dispatcher.stats()).toMatchObject({ sent: 1, deferred: 1, failed: 0, retried: 0 });
  });

  it('ends in a clear flag once the card has not come for the wait, instead of waiting forever', async () => {
    const c = makeCase({ conversation: null });
    await seed(c, [['warning', T0, contact]]);
    const { clock, slack, dispatcher } = setup({ threadWaitMs: 10 * minute });
    for (let n = 0; n < 20; n++) {
      await dispatcher.tick();
      clock.advance(minute);
    }
    expect(slack.posts).toEqual([]);
    const [row] = await rowsOf(c);
    expect(row).toMatchObject({ state: 'failed' });
    expect(row?.lastError).toMatch(/^no_thread: the card was not posted within 10 min/);
    expect((await store.getCase(c.tenantId, c.id))?.flag).toBe('card_not_posted');
  });

  it('fails at once, without a second flag, when the card could not be posted', async () => {
    const c = makeCase({ conversation: null, flag: 'channel_not_found' });
    await seed(c, [['warning', T0, contact]]);
    const { dispatcher } = setup();
    await dispatcher.tick();
    expect((await rowsOf(c))[0]?.lastError).toBe('no_thread: channel_not_found');
    expect((await store.getCase(c.tenantId, c.id))?.version).toBe(1);
  });
});

describe('a card posted by the dispatcher', () => {
  it('goes first; the notices due with it follow in its thread in the same batch', async () => {
    const c = makeCase({
      conversation: { channel: 'C-SUPPORT' },
      input: { plan: 'premier', severity: 'A', country: 'NL', openedAt: T0 },
    });
    const { slack, dispatcher } = setup();
    // A recording notifier sees a thread once any conversation is stored: start with none.
    await store.insertCase({ ...c, conversation: null }, [
      makeReminder(c, 'warning', T0 - 1, contact),
      makeReminder(c, 'card', T0, { kind: 'card' }),
    ]);
    await dispatcher.tick();
    expect(slack.cards.posted).toEqual([c.id]);
    expect(slack.posts.map((p) => p.kind)).toEqual(['warning']);
    expect((await store.getCase(c.tenantId, c.id))?.conversation).toEqual({ card: c.id });
    expect((await rowsOf(c)).map((r) => r.state)).toEqual(['sent', 'sent']);
  });

  it('a card that cannot be posted flags the case, and the waiting notices fail with that reason', async () => {
    const c = makeCase({ conversation: null });
    await seed(c, [
      ['warning', T0 - 1, contact],
      ['card', T0, { kind: 'card' }],
    ]);
    const { slack, dispatcher } = setup();
    slack.postCard = async () => {
      throw NotifierError.permanent('channel_not_found');
    };
    await dispatcher.tick();
    expect((await store.getCase(c.tenantId, c.id))?.flag).toBe('channel_not_found');
    expect((await rowsOf(c)).map((r) => [labelOf(r), r.state, r.lastError?.split(':')[0]])).toEqual([
      ['warning', 'failed', 'no_thread'],
      ['card', 'failed', 'channel_not_found'],
    ]);
  });

  it('renders the card again at the deadline, and after a change made outside the chat', async () => {
    const c = makeCase({ input: { plan: 'premier', severity: 'A', country: 'NL', openedAt: T0 } });
    await seed(c, [
      ['card_at_deadline', T0 + 60 * minute, { kind: 'card_at_deadline', deadline: T0 + 60 * minute }],
      ['card_update:2', T0, { kind: 'card_update', version: 2 }],
    ]);
    const { clock, slack, dispatcher } = setup();
    await dispatcher.tick();
    clock.set(T0 + 60 * minute);
    await dispatcher.tick();
    expect(slack.cards.updated).toEqual([c.id, c.id]);
  });
});

describe('after an uncertain try', () => {
  it('looks in the thread first, and does not post again what is already there', async () => {
    const c = makeCase();
    const [row] = await seed(c, [['breach', T0]]);
    const { slack, dispatcher } = setup();
    const looked: string[] = [];
    slack.findPost = async (post: ThreadPost) => {
      looked.push(post.reminder.key);
      return true;
    };
    slack.script.push(() => {
      throw NotifierError.transient('timeout', { message: 'no answer' });
    });
    await dispatcher.tick(); // times out: maybe posted
    expect((await rowsOf(c))[0]).toMatchObject({ state: 'pending', uncertain: true });
    expect(looked).toEqual([]);
    const clock = testClock(T0 + 60_000);
    const again = setup({ clock });
    again.slack.findPost = slack.findPost;
    await again.dispatcher.tick();
    expect(looked).toEqual([row?.key]);
    expect(again.slack.posts).toEqual([]);
    expect((await rowsOf(c))[0]).toMatchObject({ state: 'sent' });
  });

  it('posts when the thread does not have it, and clears the doubt of a certain refusal', async () => {
    const c = makeCase();
    await seed(c, [['breach', T0]]);
    const { slack, dispatcher } = setup();
    slack.script.push(() => {
      throw NotifierError.transient('network', { message: 'socket hang up' });
    });
    await dispatcher.tick();
    const later = setup({ clock: testClock(T0 + 60_000) });
    let looked = 0;
    later.slack.findPost = async () => {
      looked += 1;
      return false;
    };
    later.slack.script.push(() => {
      throw NotifierError.transient('rate_limited', { retryAfterMs: 1000 });
    });
    await later.dispatcher.tick();
    expect(looked).toBe(1);
    // It looked, found nothing, and Slack refused the post: nothing can be out there now.
    expect((await rowsOf(c))[0]).toMatchObject({ state: 'pending', uncertain: false });
  });
});

describe('pacing', () => {
  it('spaces posts into one channel, also across cases, and not across channels', async () => {
    const here = makeCase({ channelId: 'C-ONE' });
    const there = makeCase({ channelId: 'C-ONE' });
    const elsewhere = makeCase({ channelId: 'C-TWO' });
    for (const c of [here, there, elsewhere]) await seed(c, [['breach', T0]]);
    const { slack, dispatcher } = setup();
    slack.perChannelIntervalMs = 200;
    const times = new Map<string, number>();
    const started = performance.now();
    slack.script.push(
      ...[0, 1, 2].map(
        () => (post: ThreadPost) => void times.set(post.record.id, performance.now() - started),
      ),
    );
    await dispatcher.tick();
    const [first = 0, second = 0] = [times.get(here.id) ?? 0, times.get(there.id) ?? 0].sort((a, b) => a - b);
    expect(second - first).toBeGreaterThanOrEqual(190);
    expect(times.get(elsewhere.id)).toBeLessThan(150);
  });

  it('gives back what would wait too long, without using an attempt', async () => {
    const cases = Array.from({ length: 4 }, () => makeCase({ channelId: 'C-BUSY' }));
    for (const c of cases) await seed(c, [['breach', T0]]);
    // Room for two in the channel's queue (450 ms of 200 ms posts): the rest come back later.
    const { slack, dispatcher } = setup({ maxPacingWaitMs: 450 });
    slack.perChannelIntervalMs = 200;
    await dispatcher.tick();
    expect(slack.posts).toHaveLength(2);
    const rows = (await Promise.all(cases.map(rowsOf))).flat();
    const deferred = rows.filter((r) => r.state === 'pending');
    expect(deferred).toHaveLength(2);
    for (const r of deferred) {
      expect(r.attempts).toBe(0);
      expect(r.lastError).toBe('deferred: channel busy');
    }
  });
});
