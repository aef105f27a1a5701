import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher, type DispatcherOptions } from '../../src/reminders/dispatcher.js';
import { NotifierError } from '../../src/reminders/notifier.js';
import type { CaseRecord, ReminderRow } from '../../src/store/records.js';
import { labelOf, makeCase, makeReminder, minute, T0 } from '../store/fixtures.js';
import type { TestStore } from '../store/test-store.js';
import {
  caseViewer,
  deferred,
  memoryLogger,
  recordingNotifier,
  tempSqliteStore,
  testClock,
} from './harness.js';

let store: TestStore;
let dispose: () => Promise<void>;
beforeEach(async () => {
  ({ store, dispose } = await tempSqliteStore());
});
afterEach(async () => {
  await dispose();
});

async function seed(overrides: Partial<CaseRecord> = {}, kinds: [string, number][] = [['breach', T0]]) {
  const c = makeCase(overrides);
  const rows = kinds.map(([kind, due]) => makeReminder(c, kind, due));
  await store.insertCase(c, rows);
  return { c, rows };
}

function setup(overrides: Partial<DispatcherOptions> = {}) {
  const clock = testClock(T0);
  const slack = recordingNotifier('slack');
  const teams = recordingNotifier('teams');
  const logger = memoryLogger();
  const dispatcher = createDispatcher({
    store,
    notifiers: { slack, teams },
    cases: caseViewer(store, clock),
    clock,
    owner: 'd1',
    logger,
    random: () => 0, // no jitter: the delays below are exact
    ...overrides,
  });
  return { clock, slack, teams, logger, dispatcher };
}

async function row(c: CaseRecord, r: ReminderRow) {
  return (await store.listReminders(c.tenantId, c.id)).find((x) => x.id === r.id);
}

describe('dispatcher', () => {
  it('posts what is due through the case platform, once, and waits for the rest', async () => {
    const a = await seed({}, [
      ['before:15', T0 - minute],
      ['breach', T0 + minute],
    ]);
    const b = await seed({ platform: 'teams', tenantId: 'tenant-guid' }, [['fraction:0.5', T0]]);
    const { clock, slack, teams, dispatcher } = setup();
    expect(await dispatcher.tick()).toBe(2);
    expect(slack.posts.map((p) => p.kind)).toEqual(['before:15']);
    expect(teams.posts.map((p) => p.reminderId)).toEqual([b.rows[0]?.id]);
    expect(await dispatcher.tick()).toBe(0);
    clock.advance(minute);
    expect(await dispatcher.tick()).toBe(1);
    expect(slack.posts.map((p) => p.kind)).toEqual(['before:15', 'breach']);
    expect((await store.listReminders(a.c.tenantId, a.c.id)).map((r) => [r.state, r.sentAt])).toEqual([
      ['sent', T0],
      ['sent', T0 + minute],
    ]);
    expect(dispatcher.stats()).toMatchObject({
      sent: 3,
      failed: 0,
      retried: 0,
      cancelled: 0,
      lastTickLagMs: 0,
    });
    expect(dispatcher.stats().sentByKind).toMatchObject({ before: 1, breach: 1, fraction: 1, warning: 0 });
  });

  it('posts one case in due order and reports how late the batch was', async () => {
    await seed({}, [
      ['c', T0 - 1000],
      ['a', T0 - 3000],
      ['b', T0 - 2000],
    ]);
    const { slack, dispatcher } = setup();
    await dispatcher.tick();
    expect(slack.posts.map((p) => p.kind)).toEqual(['a', 'b', 'c']);
    expect(dispatcher.stats().lastTickLagMs).toBe(3000);
  });

  it('retries a 429 after the Retry-After the platform asked for', async () => {
    const { c, rows } = await seed();
    const clock = testClock(T0);
    const { slack, dispatcher } = setup({ clock, pacingNow: clock.now });
    slack.script.push(() => {
      throw NotifierError.transient('rate_limited', { retryAfterMs: 7000, message: 'HTTP 429' });
    });
    await dispatcher.tick();
    const r = rows[0] as ReminderRow;
    // A 429 never reached the channel: it does not use up one of the attempts meant for real failures.
    expect(await row(c, r)).toMatchObject({
      state: 'pending',
      attempts: 0,
      nextAttemptAt: T0 + 7000,
      claimedBy: null,
      uncertain: false,
    });
    expect((await row(c, r))?.lastError).toContain('rate_limited');
    clock.advance(6999);
    expect(await dispatcher.tick()).toBe(0);
    clock.advance(1);
    expect(await dispatcher.tick()).toBe(1);
    expect(await row(c, r)).toMatchObject({ state: 'sent', attempts: 1 });
    expect(slack.posts).toHaveLength(1);
    expect(dispatcher.stats()).toMatchObject({ sent: 1, retried: 1 });
  });

  it('backs off 30 s, then 60 s on server errors', async () => {
    const { c, rows } = await seed();
    const { clock, slack, dispatcher } = setup();
    const serverError = () => {
      throw NotifierError.transient('server_error', { message: 'HTTP 503' });
    };
    slack.script.push(serverError, serverError);
    const r = rows[0] as ReminderRow;
    await dispatcher.tick();
    expect((await row(c, r))?.nextAttemptAt).toBe(T0 + 30_000);
    clock.set(T0 + 30_000);
    await dispatcher.tick();
    expect((await row(c, r))?.nextAttemptAt).toBe(T0 + 30_000 + 60_000);
    clock.set(T0 + 90_000);
    await dispatcher.tick();
    expect(await row(c, r)).toMatchObject({ state: 'sent', attempts: 3 });
  });

  // Changed on purpose (issue 9): a slow post is no longer abandoned at a third of the lease (it still
  // landed, and was posted again 30 s later); its lease is kept alive while it runs.
  it('keeps the lease of a post still in flight alive, so nobody else takes it over', async () => {
    const { c, rows } = await seed();
    const { clock, slack, dispatcher } = setup({ leaseMs: 90 });
    const hold = deferred();
    slack.script.push(() => hold.promise);
    const ticking = dispatcher.tick();
    // Far past the first lease, in real time and on the clock: the heartbeat has moved it along.
    await new Promise((resolve) => setTimeout(resolve, 300));
    clock.advance(1000);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await store.claimDue({ now: clock.now(), limit: 10, owner: 'd2', leaseMs: 90 })).toEqual([]);
    expect((await row(c, rows[0] as ReminderRow))?.leaseUntil).toBeGreaterThan(clock.now());
    hold.resolve();
    await ticking;
    expect(await row(c, rows[0] as ReminderRow)).toMatchObject({ state: 'sent', attempts: 1 });
    expect(slack.posts).toHaveLength(1);
  });

  it('stops keeping a post alive past postTimeoutMs: its row comes back as uncertain', async () => {
    const { c, rows } = await seed();
    const { clock, slack, dispatcher } = setup({ leaseMs: 90, postTimeoutMs: 100 });
    slack.script.push(() => new Promise(() => {}));
    void dispatcher.tick();
    await new Promise((resolve) => setTimeout(resolve, 250));
    clock.advance(1000);
    const [again] = await store.claimDue({ now: clock.now(), limit: 10, owner: 'd2', leaseMs: 90 });
    expect(again?.reminder).toMatchObject({ id: rows[0]?.id, attempts: 2, uncertain: true, claimedBy: 'd2' });
    expect(slack.posts).toHaveLength(0);
    expect((await row(c, rows[0] as ReminderRow))?.state).toBe('pending');
  });

  it('treats an unknown error as transient', async () => {
    const { c, rows } = await seed();
    const { slack, dispatcher } = setup();
    slack.script.push(() => {
      throw new Error('socket hang up');
    });
    await dispatcher.tick();
    expect(await row(c, rows[0] as ReminderRow)).toMatchObject({
      state: 'pending',
      lastError: 'unknown: socket hang up',
    });
  });

  it('gives up after 8 transient failures without flagging the case', async () => {
    const { c, rows } = await seed();
    const { clock, slack, dispatcher } = setup();
    const fail = () => {
      throw NotifierError.transient('server_error');
    };
    slack.script.push(...Array(8).fill(fail));
    for (let i = 0; i < 8; i++) {
      expect(await dispatcher.tick()).toBe(1);
      clock.advance(60 * minute);
    }
    expect(await row(c, rows[0] as ReminderRow)).toMatchObject({ state: 'failed', attempts: 8 });
    expect((await row(c, rows[0] as ReminderRow))?.lastError).toMatch(/^gave up after 8 attempts/);
    expect((await store.getCase(c.tenantId, c.id))?.flag).toBeNull();
    expect(dispatcher.stats()).toMatchObject({ retried: 7, failed: 1, sent: 0 });
    expect(await dispatcher.tick()).toBe(0);
  });

  it('records a permanent failure, flags the case and carries on with the batch', async () => {
    const gone = await seed({}, [['breach', T0 - 1]]);
    const fine = await seed({}, [['breach', T0]]);
    const { slack, dispatcher, logger } = setup();
    slack.script.push(() => {
      throw NotifierError.permanent('channel_not_found');
    });
    await expect(dispatcher.tick()).resolves.toBe(2);
    expect(await row(gone.c, gone.rows[0] as ReminderRow)).toMatchObject({ state: 'failed' });
    expect((await row(gone.c, gone.rows[0] as ReminderRow))?.lastError).toMatch(/^channel_not_found/);
    expect(await store.getCase(gone.c.tenantId, gone.c.id)).toMatchObject({
      flag: 'channel_not_found',
      version: 2,
    });
    expect(await row(fine.c, fine.rows[0] as ReminderRow)).toMatchObject({ state: 'sent' });
    expect(dispatcher.stats()).toMatchObject({ sent: 1, failed: 1 });
    expect(logger.entries.some((e) => e.level === 'warn' && e.msg === 'reminder failed')).toBe(true);
  });

  it('skips reminders of closed or responded cases, but always posts thread notes', async () => {
    const closed = await seed({ state: 'closed' }, [
      ['breach', T0],
      ['note:closed_summary', T0],
    ]);
    const responded = await seed({ state: 'responded' }, [['fraction:0.75', T0]]);
    const { slack, dispatcher } = setup();
    await dispatcher.tick();
    expect(slack.posts.map((p) => p.kind)).toEqual(['note:closed_summary']);
    const states = async (s: typeof closed) =>
      Object.fromEntries(
        (await store.listReminders(s.c.tenantId, s.c.id)).map((r) => [labelOf(r), [r.state, r.lastError]]),
      );
    expect(await states(closed)).toEqual({
      breach: ['cancelled', 'case_closed'],
      'note:closed_summary': ['sent', null],
    });
    expect(await states(responded)).toEqual({ 'fraction:0.75': ['cancelled', 'case_responded'] });
    expect(dispatcher.stats()).toMatchObject({ sent: 1, cancelled: 2 });
  });

  it('retries reminders of a platform that is turned off', async () => {
    const { c, rows } = await seed({ platform: 'teams' });
    const { dispatcher } = setup({ notifiers: { slack: recordingNotifier('slack') } });
    await dispatcher.tick();
    expect((await row(c, rows[0] as ReminderRow))?.lastError).toMatch(/^platform_disabled/);
  });

  it('never throws out of tick when the store fails', async () => {
    await seed();
    const broken: TestStore = { ...store, claimDue: () => Promise.reject(new Error('database is locked')) };
    const { dispatcher, logger } = setup({ store: broken });
    await expect(dispatcher.tick()).resolves.toBe(0);
    expect(logger.entries.map((e) => e.msg)).toEqual(['claiming due reminders failed']);

    const failingMark: TestStore = { ...store, markSent: () => Promise.reject(new Error('disk I/O error')) };
    const second = setup({ store: failingMark });
    await expect(second.dispatcher.tick()).resolves.toBe(1);
    expect(second.slack.posts).toHaveLength(1);
    expect(second.logger.entries.map((e) => e.msg)).toEqual(['reminder delivery not recorded']);
  });

  it('stop() stops claiming and waits for the posts in flight', async () => {
    const { c, rows } = await seed();
    const { slack, dispatcher } = setup({ pollMs: 5 });
    const hold = deferred();
    const called = deferred();
    slack.script.push(() => {
      called.resolve();
      return hold.promise;
    });
    dispatcher.start();
    await called.promise;
    let stopped = false;
    const stopping = dispatcher.stop().then(() => {
      stopped = true;
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(stopped).toBe(false);
    hold.resolve();
    await stopping;
    expect(await row(c, rows[0] as ReminderRow)).toMatchObject({ state: 'sent' });
    await seed();
    expect(await dispatcher.tick()).toBe(0);
  });

  it('start() drains a backlog batch after batch', async () => {
    for (let i = 0; i < 5; i++)
      await seed({}, [
        ['a', T0],
        ['b', T0],
        ['c', T0],
      ]);
    const { slack, dispatcher } = setup({ batchSize: 4, pollMs: 10_000 });
    dispatcher.start();
    dispatcher.start();
    for (let i = 0; i < 200 && slack.posts.length < 15; i++) await new Promise((r) => setTimeout(r, 5));
    await dispatcher.stop();
    expect(slack.posts).toHaveLength(15);
  });

  it('start() wakes when the next reminder falls due instead of waiting out a long poll', async () => {
    const now = Date.now();
    await seed({}, [['breach', now + 200]]);
    const { slack, dispatcher } = setup({ clock: { now: () => Date.now() }, pollMs: 60_000 });
    dispatcher.start();
    for (let i = 0; i < 300 && slack.posts.length < 1; i++) await new Promise((r) => setTimeout(r, 10));
    await dispatcher.stop();
    // With only the 60-second poll this post could not have happened within the wait above.
    expect(slack.posts).toHaveLength(1);
  });

  it('drops remembered dedup keys past their retention as it runs, so the table does not grow forever', async () => {
    const day = 24 * 60 * minute;
    expect(await store.remember('slack:submit:T1:old', T0 - 8 * day)).toBe(true);
    expect(await store.remember('slack:submit:T1:recent', T0 - day)).toBe(true);
    const { dispatcher, logger } = setup({
      pollMs: 10,
      dedupRetentionMs: 7 * day,
      upkeepEveryMs: 60 * minute,
    });
    dispatcher.start();
    for (let i = 0; i < 100 && !logger.entries.some((e) => e.msg === 'expired dedup keys dropped'); i++)
      await new Promise((r) => setTimeout(r, 10));
    await dispatcher.stop();
    expect(logger.entries.find((e) => e.msg === 'expired dedup keys dropped')?.obj).toEqual({ forgotten: 1 });
    // The old key is free again (a delivery that old is not a retry); the recent one is still known.
    expect(await store.remember('slack:submit:T1:old', T0)).toBe(true);
    expect(await store.remember('slack:submit:T1:recent', T0)).toBe(false);
  });

  it('stop() waits for a hung post only so long, and leaves its row to its lease', async () => {
    const { c, rows } = await seed();
    const { slack, dispatcher, logger } = setup({ pollMs: 5, stopGraceMs: 50 });
    const called = deferred();
    slack.script.push(() => {
      called.resolve();
      return new Promise(() => {});
    });
    dispatcher.start();
    await called.promise;
    await dispatcher.stop();
    expect(logger.entries.map((e) => e.msg)).toContain('stopped with posts still in flight');
    expect(await row(c, rows[0] as ReminderRow)).toMatchObject({ state: 'pending', claimedBy: 'd1' });
  });

  it('stop() gives back the rows still waiting for their channel, without using an attempt', async () => {
    const one = await seed({ channelId: 'C-PACED' });
    const two = await seed({ channelId: 'C-PACED' });
    const { slack, dispatcher } = setup({ pollMs: 5 });
    slack.perChannelIntervalMs = 2_000; // the second post waits its turn, within the longest wait
    dispatcher.start();
    for (let i = 0; i < 200 && slack.posts.length < 1; i++) await new Promise((r) => setTimeout(r, 5));
    await dispatcher.stop();
    const states = [
      await row(one.c, one.rows[0] as ReminderRow),
      await row(two.c, two.rows[0] as ReminderRow),
    ];
    expect(states.map((r) => r?.state).sort()).toEqual(['pending', 'sent']);
    expect(states.find((r) => r?.state === 'pending')).toMatchObject({
      attempts: 0,
      claimedBy: null,
      lastError: 'deferred: dispatcher stopping',
    });
  });
});
