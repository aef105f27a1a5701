// Opening cases in bulk (the Azure ticket import, command-line imports): one transaction per batch,
// one result per request in order, and one case per tenant and key, also with three replicas on
// PostgreSQL opening the same tickets at once.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { parseReminderPlan } from '../../src/cases/reminder-config.js';
import { CaseService, OPEN_BATCH } from '../../src/cases/service.js';
import type { CaseResult, OpenCaseRequest } from '../../src/cases/types.js';
import { openPostgresStore } from '../../src/store/postgres.js';
import { tempSqliteStore, testClock } from '../reminders/harness.js';
import type { TestStore } from '../store/test-store.js';
import { describeWithPostgres } from '../support/postgres.js';

const MIN = 60_000;
const NOW = Date.parse('2026-03-30T10:00:00+02:00');
const points = parseReminderPlan('50%,75%,90%,15m,breach').points;
const azure = { id: 'azure', name: 'Azure', locale: 'en', announce: true };

function ticket(n: number, overrides: Partial<OpenCaseRequest['input']> = {}): OpenCaseRequest {
  return {
    tenantId: 'T-ACME',
    platform: 'slack',
    channelId: 'C-AZURE',
    conversation: { channel: 'C-AZURE' },
    caseNumber: `26033000100${String(n).padStart(5, '0')}`,
    title: `Ticket ${n}`,
    input: {
      plan: 'premier',
      severity: n % 2 ? 'B' : 'C',
      country: 'NL',
      openedAt: NOW - 5 * MIN,
      ...overrides,
    },
    openedBy: azure,
    idempotencyKey: `azure:T-ACME:${n}`,
  };
}

describe('openMany on SQLite', () => {
  let store: TestStore;
  let dispose: () => Promise<void>;
  let cases: CaseService;
  beforeEach(async () => {
    ({ store, dispose } = await tempSqliteStore());
    cases = new CaseService({ store, clock: testClock(NOW), reminders: points });
  });
  afterEach(() => dispose());

  test('answers one result per request, in order: opened, refused with its reason, or the case already opened', async () => {
    const first = await cases.open(ticket(1));
    if (!first.ok) throw new Error('not opened');
    const results = await cases.openMany([
      ticket(1), // seen before: the same case
      ticket(2),
      ticket(3, { plan: 'unified' }),
      ticket(4, { openedAt: NOW + 60 * MIN }),
      { ...ticket(5), caseNumber: ' ' },
      ticket(6),
      ticket(6), // twice in one batch: one case
    ]);
    expect(
      results.map((r) =>
        r.ok ? r.view.record.caseNumber : r.failure.kind === 'sla' ? r.failure.error.code : r.failure.code,
      ),
    ).toEqual([
      ticket(1).caseNumber,
      ticket(2).caseNumber,
      'unknown_plan',
      'opened_in_future',
      'invalid_case',
      ticket(6).caseNumber,
      ticket(6).caseNumber,
    ]);
    const [again, , , , , six, sixAgain] = results;
    expect(again?.ok && again.view.record.id).toBe(first.view.record.id);
    expect(six?.ok && sixAgain?.ok && six.view.record.id === sixAgain.view.record.id).toBe(true);
    expect((await cases.list({ tenantId: 'T-ACME' })).map((v) => v.record.caseNumber).sort()).toEqual(
      [1, 2, 6].map((n) => ticket(n).caseNumber).sort(),
    );
    // Each opened case has its event, its plan and its queued card, as `open` gives it.
    for (const result of [results[1], six]) {
      if (!result?.ok) throw new Error('not opened');
      const id = result.view.record.id;
      expect((await cases.events('T-ACME', id)).map((e) => e.kind)).toEqual(['opened']);
      const kinds = (await store.listReminders('T-ACME', id)).map((r) => r.notice.kind);
      expect(kinds).toContain('card');
      expect(kinds).toContain('breach');
    }
    expect((await cases.findByKey('T-ACME', 'azure:T-ACME:6'))?.record.id).toBe(
      six?.ok && six.view.record.id,
    );
    expect(await cases.findByKey('T-ACME', 'azure:T-ACME:3')).toBeNull();
  });

  test('more requests than a batch are written in several transactions, none lost', async () => {
    const many = Array.from({ length: OPEN_BATCH * 2 + 7 }, (_, i) => ticket(100 + i));
    const results = await cases.openMany(many);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(await store.stats(NOW)).toMatchObject({ openCases: many.length });
  });
});

describeWithPostgres('openMany with three replicas on PostgreSQL', (database) => {
  test('the same tickets opened by three replicas at once make one case each', async () => {
    const url = await database();
    const stores = [0, 1, 2].map(() => openPostgresStore({ url, poolSize: 3 }));
    try {
      await stores[0]?.migrate();
      const replicas = stores.map(
        (store) => new CaseService({ store, clock: testClock(NOW), reminders: points }),
      );
      const tickets = Array.from({ length: 60 }, (_, i) => ticket(i));
      // All at once: each replica imports the 60 tickets in bulk and also opens the first 10 singly.
      const [bulk, singles] = await Promise.all([
        Promise.all(replicas.map((replica) => replica.openMany(tickets))),
        Promise.all(replicas.flatMap((replica) => tickets.slice(0, 10).map((t) => replica.open(t)))),
      ]);
      const idOf = (result: CaseResult | undefined) => (result?.ok ? result.view.record.id : null);
      for (const [n, t] of tickets.entries()) {
        const ids = new Set(bulk.map((results) => idOf(results[n])));
        if (n < 10) for (let r = 0; r < 3; r++) ids.add(idOf(singles[r * 10 + n]));
        expect([...ids], t.caseNumber).toHaveLength(1);
        expect([...ids][0]).not.toBeNull();
      }
      expect((await replicas[0]?.list({ tenantId: 'T-ACME' }))?.length).toBe(60);
      expect(await stores[0]?.stats(NOW)).toMatchObject({ openCases: 60 });
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  }, 60_000);
});
