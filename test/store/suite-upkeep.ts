// Store suite, part 3: dedup, installations, migrations and stats.
import { expect, it } from 'vitest';
import { type Notice, noticePayload } from '../../src/reminders/notices.js';
import { latestMigration } from '../../src/store/migrations.js';
import type { CaseRecord } from '../../src/store/records.js';
import { labelOf, makeCase, makeReminder, minute, standardPlan, T0 } from './fixtures.js';
import type { RawSql } from './raw-sql.js';
import type { SuiteContext } from './store-suite.js';

/** A case as the store wrote it before open keys (migration 6). */
async function insertOldCase(sql: RawSql, c: CaseRecord): Promise<void> {
  await sql(
    `INSERT INTO cases (id, tenant_id, platform, channel_id, conversation, case_number, title, input, opened_by,
      opened_by_locale, state, responded_at, deadline, flag, created_at, updated_at, version)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      c.id,
      c.tenantId,
      c.platform,
      c.channelId,
      JSON.stringify(c.conversation),
      c.caseNumber,
      c.title,
      JSON.stringify(c.input),
      c.openedBy,
      c.openedByLocale,
      c.state,
      c.respondedAt,
      c.deadline,
      c.flag,
      c.createdAt,
      c.updatedAt,
      c.version,
    ],
  );
}

export function upkeepTests(ctx: SuiteContext): void {
  it('remembers keys once (dedup) and forgets old ones', async () => {
    const store = await ctx.migrated();
    expect(await store.remember('slack:evt:1', T0)).toBe(true);
    expect(await store.remember('slack:evt:1', T0 + 1)).toBe(false);
    expect(await store.remember('slack:evt:2', T0 + 10)).toBe(true);
    expect(await store.forget(T0 + 5)).toBe(1);
    expect(await store.remember('slack:evt:1', T0 + 20)).toBe(true);
  });

  it('saves, replaces and deletes installations', async () => {
    const store = await ctx.migrated();
    const inst = { team: { id: 'T1' }, bot: { token: 'xoxb-secret', scopes: ['chat:write'] } };
    expect(await store.getInstallation('slack', 'T1')).toBeNull();
    await store.saveInstallation('slack', 'T1', inst);
    await store.saveInstallation('teams', 'T1', { other: true });
    expect(await store.getInstallation('slack', 'T1')).toEqual(inst);
    await store.saveInstallation('slack', 'T1', { ...inst, bot: null });
    expect(await store.getInstallation('slack', 'T1')).toEqual({ ...inst, bot: null });
    expect(await store.deleteInstallation('slack', 'T1')).toBe(true);
    expect(await store.deleteInstallation('slack', 'T1')).toBe(false);
    expect(await store.getInstallation('teams', 'T1')).toEqual({ other: true });
  });

  it('upgrades a database created at migration 1: data survives, later migrations apply', async () => {
    const h = await ctx.harness();
    const old = h.open();
    const all = Array.from({ length: latestMigration }, (_, i) => i + 1);
    expect(await old.migrationStatus()).toEqual({ applied: [], pending: all });
    expect(await old.migrate({ to: 1 })).toEqual({ applied: [1], pending: all.slice(1) });
    // Rows as the first version of the store wrote them.
    const c = makeCase();
    await insertOldCase(h.sql, c);
    for (const r of standardPlan(c))
      await h.sql(
        `INSERT INTO reminders (id, case_id, tenant_id, kind, due_at, key, payload, state, attempts)
         VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', 0)`,
        [
          r.id,
          c.id,
          c.tenantId,
          labelOf(r),
          r.dueAt,
          r.key,
          JSON.stringify(noticePayload(r.notice as Notice)),
        ],
      );
    await h.sql(
      'INSERT INTO case_events (case_id, tenant_id, at, actor, kind, data) VALUES (?, ?, ?, ?, ?, ?)',
      [c.id, c.tenantId, T0, 'U-A', 'opened', JSON.stringify({ n: 1 })],
    );
    await expect(old.remember('k', T0)).rejects.toThrow();
    await old.close();

    const [a, b] = [h.open(), h.open()];
    // Two replicas starting at once: each migration still applies exactly once.
    const results = await Promise.all([a.migrate(), b.migrate()]);
    for (const r of results) expect(r).toEqual({ applied: all, pending: [] });
    expect(await a.migrate()).toEqual({ applied: all, pending: [] });
    expect(await a.getCase(c.tenantId, c.id)).toEqual(c);
    expect(await a.listReminders(c.tenantId, c.id)).toHaveLength(4);
    expect(await a.listEvents(c.tenantId, c.id)).toMatchObject([{ kind: 'opened', data: { n: 1 } }]);
    expect(await a.remember('k', T0)).toBe(true);
    await a.saveInstallation('slack', 'T1', { ok: true });
    expect(await b.getInstallation('slack', 'T1')).toEqual({ ok: true });
  });

  it('reads rows stored before the kinds lost their labels as typed notices, and refuses strangers', async () => {
    const h = await ctx.harness();
    const old = h.open();
    await old.migrate({ to: 3 });
    const c = makeCase();
    await insertOldCase(h.sql, c);
    const deadline = T0 + 120 * minute;
    const rows: Array<[string, number, unknown]> = [
      ['fraction:0.5', T0 + 60 * minute, { fraction: 0.5, remainingMinutes: 60, deadline }],
      ['before:15', deadline - 15 * minute, { remainingMinutes: 15, deadline }],
      ['breach', deadline, { deadline }],
      ['warning:downgrade_risk:C', T0, { code: 'downgrade_risk', to: 'C', reason: 'not_available_24x7' }],
      ['waiting', T0 + 30 * minute, { since: T0, to: null }],
      ['note:contact', T0, {}],
      ['fraction:0.75', T0 + 90 * minute, { fraction: 'most' }],
    ];
    for (const [kind, due, payload] of rows) {
      await h.sql(
        `INSERT INTO reminders (id, case_id, tenant_id, kind, due_at, key, payload, state, attempts)
         VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', 0)`,
        [`${kind}-id`, c.id, c.tenantId, kind, due, `${c.id}:${kind}:${due}`, JSON.stringify(payload)],
      );
    }
    await old.migrate();
    const claimed = await old.claimDue({ now: deadline, limit: 10, owner: 'w', leaseMs: minute });
    const notices = new Map(claimed.map(({ reminder }) => [labelOf(reminder), reminder.notice]));
    expect(Object.fromEntries(notices)).toEqual({
      'fraction:0.5': { kind: 'fraction', fraction: 0.5, remainingMinutes: 60, deadline },
      'before:15': { kind: 'before', remainingMinutes: 15, deadline },
      breach: { kind: 'breach', deadline },
      'warning:downgrade_risk:C': {
        kind: 'warning',
        code: 'downgrade_risk',
        to: 'C',
        reason: 'not_available_24x7',
      },
      waiting: { kind: 'waiting', since: T0, to: null },
      'note:contact': { kind: 'unreadable', storedKind: 'note:contact', problem: 'unknown kind' },
      'fraction:0.75': {
        kind: 'unreadable',
        storedKind: 'fraction',
        problem: expect.stringMatching(/^fraction: /),
      },
    });
    // Planned again by today's code, the same points get the same keys: nothing is posted twice.
    const replanned = makeReminder(c, 'fraction:0.5', T0 + 60 * minute);
    expect(replanned.key).toBe(`${c.id}:fraction:0.5:${T0 + 60 * minute}`);
  });

  it('reports stats for metrics', async () => {
    const store = await ctx.migrated();
    expect(await store.stats(T0)).toEqual({
      openCases: 0,
      remindersPending: 0,
      remindersSent: 0,
      remindersFailed: 0,
      oldestDueLagMs: 0,
    });
    const c = makeCase();
    await store.insertCase(c);
    await store.insertCase(makeCase({ state: 'closed' }));
    const rows = [
      makeReminder(c, 'a', T0),
      makeReminder(c, 'b', T0 + minute),
      makeReminder(c, 'c', T0 + 2 * minute),
    ];
    await store.replacePendingReminders(c.tenantId, c.id, rows);
    await store.claimDue({ now: T0, limit: 1, owner: 'w', leaseMs: minute });
    await store.markSent(rows[0]?.id ?? '', 'w', T0);
    expect(await store.stats(T0 + 5 * minute)).toEqual({
      openCases: 1,
      remindersPending: 2,
      remindersSent: 1,
      remindersFailed: 0,
      oldestDueLagMs: 4 * minute,
    });
    expect((await store.stats(T0)).oldestDueLagMs).toBe(0);
  });
}
