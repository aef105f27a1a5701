// Store suite, part 2: planning, claiming, leases and fencing of reminders.
import { expect, it } from 'vitest';
import type { Retry } from '../../src/store/store.js';
import { labelOf, makeCase, makeReminder, minute, standardPlan, T0 } from './fixtures.js';
import type { SuiteContext } from './store-suite.js';

/** A retry that counts as an attempt and is sure nothing was posted. */
function retryAt(nextAttemptAt: number, error: string): Retry {
  return { nextAttemptAt, error, countsAsAttempt: true, uncertain: false };
}

export function reminderTests(ctx: SuiteContext): void {
  it('re-planning keeps sent rows, cancels stale pending ones and revives re-planned keys', async () => {
    const store = await ctx.migrated();
    const c = makeCase();
    await store.insertCase(c);
    const [half, threeQuarters, before, breach] = standardPlan(c);
    if (!half || !threeQuarters || !before || !breach) throw new Error('plan');
    await store.replacePendingReminders(c.tenantId, c.id, [half, threeQuarters, before, breach]);
    expect((await store.listReminders(c.tenantId, c.id)).map((r) => r.state)).toEqual([
      'pending',
      'pending',
      'pending',
      'pending',
    ]);
    const [claimed] = await store.claimDue({ now: half.dueAt, limit: 10, owner: 'w1', leaseMs: minute });
    expect(claimed?.reminder.id).toBe(half.id);
    expect(await store.markSent(half.id, 'w1', half.dueAt)).toBe(true);

    const moved = makeReminder(c, 'breach', breach.dueAt + 60 * minute);
    await store.replacePendingReminders(c.tenantId, c.id, [{ ...half, id: 'new-id' }, threeQuarters, moved]);
    const byKey = new Map((await store.listReminders(c.tenantId, c.id)).map((r) => [r.key, r]));
    expect(byKey.get(half.key)).toMatchObject({ id: half.id, state: 'sent', sentAt: half.dueAt });
    expect(byKey.get(threeQuarters.key)).toMatchObject({ id: threeQuarters.id, state: 'pending' });
    expect(byKey.get(before.key)?.state).toBe('cancelled');
    expect(byKey.get(breach.key)?.state).toBe('cancelled');
    expect(byKey.get(moved.key)?.state).toBe('pending');

    // Back to the first plan (e.g. severity changed back): the cancelled keys are pending again.
    await store.replacePendingReminders(c.tenantId, c.id, standardPlan(c));
    const states = new Map((await store.listReminders(c.tenantId, c.id)).map((r) => [r.key, r.state]));
    expect([
      states.get(half.key),
      states.get(before.key),
      states.get(breach.key),
      states.get(moved.key),
    ]).toEqual(['sent', 'pending', 'pending', 'cancelled']);
    await expect(
      store.replacePendingReminders(c.tenantId, c.id, [makeReminder(makeCase(), 'breach', T0)]),
    ).rejects.toThrow(/does not belong/);
  });

  it('claims due rows once under a lease; an expired lease hands them out again', async () => {
    const store = await ctx.migrated();
    const c = makeCase();
    const due = [
      makeReminder(c, 'a', T0 + 2),
      makeReminder(c, 'b', T0 + 1),
      makeReminder(c, 'later', T0 + minute),
    ];
    await store.insertCase(c, due);
    const now = T0 + 10;
    const first = await store.claimDue({ now, limit: 10, owner: 'w1', leaseMs: minute });
    expect(first.map((x) => labelOf(x.reminder))).toEqual(['b', 'a']);
    expect(first[0]?.caseRecord).toEqual(c);
    expect(first[0]?.reminder).toMatchObject({ attempts: 1, claimedBy: 'w1', leaseUntil: now + minute });
    expect(await store.claimDue({ now: now + 1, limit: 10, owner: 'w2', leaseMs: minute })).toEqual([]);
    const again = await store.claimDue({ now: now + minute + 1, limit: 1, owner: 'w2', leaseMs: minute });
    expect(again.map((x) => [labelOf(x.reminder), x.reminder.attempts, x.reminder.claimedBy])).toEqual([
      ['b', 2, 'w2'],
    ]);
  });

  it('fences marks: only the current lease holder records an outcome', async () => {
    const store = await ctx.migrated();
    const c = makeCase();
    await store.insertCase(c);
    const [r1, r2, r3, r4] = ['a', 'b', 'c', 'd'].map((k) => makeReminder(c, k, T0));
    if (!r1 || !r2 || !r3 || !r4) throw new Error('rows');
    await store.replacePendingReminders(c.tenantId, c.id, [r1, r2, r3, r4]);
    await store.claimDue({ now: T0, limit: 10, owner: 'old', leaseMs: minute });
    await store.claimDue({ now: T0 + 2 * minute, limit: 10, owner: 'new', leaseMs: minute });
    expect(await store.markSent(r1.id, 'old', T0)).toBe(false);
    expect(await store.markRetry(r2.id, 'old', retryAt(T0, 'x'))).toBe(false);
    expect(await store.markFailed(r3.id, 'old', 'x')).toBe(false);
    expect(await store.markCancelled(r4.id, 'old', 'x')).toBe(false);

    expect(await store.markSent(r1.id, 'new', T0 + 2 * minute)).toBe(true);
    expect(await store.markRetry(r2.id, 'new', retryAt(T0 + 10 * minute, 'server_error: 503'))).toBe(true);
    expect(await store.markFailed(r3.id, 'new', 'channel_not_found: gone')).toBe(true);
    expect(await store.markCancelled(r4.id, 'new', 'case_closed')).toBe(true);
    expect(await store.markSent(r1.id, 'new', T0)).toBe(false);
    const rows = new Map((await store.listReminders(c.tenantId, c.id)).map((r) => [labelOf(r), r]));
    expect(rows.get('a')).toMatchObject({ state: 'sent', sentAt: T0 + 2 * minute });
    expect(rows.get('b')).toMatchObject({
      state: 'pending',
      nextAttemptAt: T0 + 10 * minute,
      claimedBy: null,
    });
    expect(rows.get('c')).toMatchObject({ state: 'failed', lastError: 'channel_not_found: gone' });
    expect(rows.get('d')).toMatchObject({ state: 'cancelled', lastError: 'case_closed' });
    // The retried row waits for its next attempt.
    expect(
      await store.claimDue({ now: T0 + 10 * minute - 1, limit: 10, owner: 'x', leaseMs: minute }),
    ).toEqual([]);
    const retried = await store.claimDue({ now: T0 + 10 * minute, limit: 10, owner: 'x', leaseMs: minute });
    expect(retried.map((x) => [labelOf(x.reminder), x.reminder.attempts])).toEqual([['b', 3]]);
  });

  it('tells when the next pending reminder falls due, so a dispatcher can wake for it', async () => {
    const store = await ctx.migrated();
    const c = makeCase();
    await store.insertCase(c);
    expect(await store.nextDueAfter(T0)).toBeNull();
    await store.replacePendingReminders(c.tenantId, c.id, [
      makeReminder(c, 'soon', T0 + 5 * minute),
      makeReminder(c, 'later', T0 + 9 * minute),
    ]);
    expect(await store.nextDueAfter(T0)).toBe(T0 + 5 * minute);
    expect(await store.nextDueAfter(T0 + 5 * minute)).toBe(T0 + 9 * minute);
    expect(await store.nextDueAfter(T0 + 9 * minute)).toBeNull();
  });

  it('saves a case, its event and its plan together, or nothing at all', async () => {
    const store = await ctx.migrated();
    const c = makeCase();
    const event = { caseId: c.id, tenantId: c.tenantId, at: T0, actor: 'U1', kind: 'opened', data: {} };
    const plan = [makeReminder(c, 'breach', T0 + 60 * minute)];
    expect(await store.saveCase({ record: c, expectedVersion: null, event, plan, notices: [] }, T0)).toBe(
      true,
    );
    expect(await store.getCase(c.tenantId, c.id)).toEqual(c);
    expect((await store.listEvents(c.tenantId, c.id)).map((e) => e.kind)).toEqual(['opened']);
    expect((await store.listReminders(c.tenantId, c.id)).map(labelOf)).toEqual(['breach']);

    // A stale version writes nothing: not the case, not the event, not the plan.
    const stale = { ...c, title: 'stale', version: 2 };
    const later = [makeReminder(c, 'later', T0 + 90 * minute)];
    expect(
      await store.saveCase({ record: stale, expectedVersion: 7, event, plan: later, notices: [] }, T0),
    ).toBe(false);
    expect((await store.getCase(c.tenantId, c.id))?.title).toBe(c.title);
    expect(await store.listEvents(c.tenantId, c.id)).toHaveLength(1);
    expect((await store.listReminders(c.tenantId, c.id)).map(labelOf)).toEqual(['breach']);

    // A plan that cannot be written (a row of another case) rolls back the new case with it.
    const other = makeCase();
    const foreign = [makeReminder(c, 'breach', T0)];
    await expect(
      store.saveCase({ record: other, expectedVersion: null, event: null, plan: foreign, notices: [] }, T0),
    ).rejects.toThrow();
    expect(await store.getCase(other.tenantId, other.id)).toBeNull();
  });

  it('keeps leases alive for their owner only; a lease that ran out hands the row on as uncertain', async () => {
    const store = await ctx.migrated();
    const c = makeCase();
    await store.insertCase(c);
    const [a, b] = ['a', 'b'].map((k) => makeReminder(c, k, T0));
    if (!a || !b) throw new Error('rows');
    await store.replacePendingReminders(c.tenantId, c.id, [a, b]);
    await store.claimDue({ now: T0, limit: 10, owner: 'w1', leaseMs: minute });
    expect(await store.extendLeases([a.id, b.id], 'intruder', T0 + 10 * minute)).toBe(0);
    expect(await store.extendLeases([a.id], 'w1', T0 + 10 * minute)).toBe(1);
    // b's lease ran out; a's was kept alive.
    const taken = await store.claimDue({ now: T0 + 2 * minute, limit: 10, owner: 'w2', leaseMs: minute });
    expect(taken.map((x) => [labelOf(x.reminder), x.reminder.uncertain, x.reminder.attempts])).toEqual([
      ['b', true, 2],
    ]);
    expect(await store.markSent(a.id, 'w1', T0 + 3 * minute)).toBe(true);
  });

  it('gives the attempt back for a try that never reached the platform, and keeps or clears the doubt', async () => {
    const store = await ctx.migrated();
    const c = makeCase();
    await store.insertCase(c);
    const r = makeReminder(c, 'a', T0);
    await store.replacePendingReminders(c.tenantId, c.id, [r]);
    await store.claimDue({ now: T0, limit: 1, owner: 'w', leaseMs: minute });
    const waitForCard = {
      nextAttemptAt: T0 + 2000,
      error: 'deferred',
      countsAsAttempt: false,
      uncertain: false,
    };
    expect(await store.markRetry(r.id, 'w', waitForCard)).toBe(true);
    expect((await store.listReminders(c.tenantId, c.id))[0]).toMatchObject({ attempts: 0, uncertain: false });
    await store.claimDue({ now: T0 + 2000, limit: 1, owner: 'w', leaseMs: minute });
    const timedOut = { nextAttemptAt: T0 + 60_000, error: 'timeout', countsAsAttempt: true, uncertain: true };
    expect(await store.markRetry(r.id, 'w', timedOut)).toBe(true);
    const [row] = await store.listReminders(c.tenantId, c.id);
    expect(row).toMatchObject({ attempts: 1, uncertain: true, claimedBy: null, nextAttemptAt: T0 + 60_000 });
  });

  it('adds one-off notices beside the plan: a re-plan keeps them, the latest card update wins', async () => {
    const store = await ctx.migrated();
    const c = makeCase();
    const note = makeReminder(c, 'note', T0, { kind: 'note', event: 'responded', actor: 'Azure', data: {} });
    const update = (version: number) =>
      makeReminder(c, `card_update:${version}`, T0 + version, { kind: 'card_update', version });
    const plan = [makeReminder(c, 'breach', T0 + 60 * minute)];
    const first = { record: c, expectedVersion: null, event: null, plan, notices: [note, update(1)] };
    expect(await store.saveCase(first, T0)).toBe(true);
    const second = {
      record: { ...c, version: 2 },
      expectedVersion: 1,
      event: null,
      plan: [],
      notices: [update(2)],
    };
    expect(await store.saveCase(second, T0)).toBe(true);
    const states = Object.fromEntries(
      (await store.listReminders(c.tenantId, c.id)).map((r) => [labelOf(r), r.state]),
    );
    expect(states).toEqual({
      note: 'pending',
      'card_update:1': 'cancelled',
      'card_update:2': 'pending',
      breach: 'cancelled',
    });
  });

  it('stores where the card lives once it is posted, and bumps the version', async () => {
    const store = await ctx.migrated();
    const c = makeCase({ conversation: { channel: 'C-SUPPORT' } });
    await store.insertCase(c);
    expect(await store.attachConversation('T-EVIL', c.id, { channel: 'X', ts: '1' }, T0)).toBe(false);
    expect(
      await store.attachConversation(c.tenantId, c.id, { channel: 'C-SUPPORT', ts: '1.5' }, T0 + 1),
    ).toBe(true);
    expect(await store.getCase(c.tenantId, c.id)).toMatchObject({
      conversation: { channel: 'C-SUPPORT', ts: '1.5' },
      version: 2,
      updatedAt: T0 + 1,
    });
  });
}
