// Builders for records in tests: sensible defaults, override what the test is about.
import { randomUUID } from 'node:crypto';
import type { CaseRecord, ReminderRow } from '../../src/store/records.js';
import { pendingReminder } from '../../src/store/records.js';

/** Monday 6 January 2025, 09:00 UTC. */
export const T0 = Date.UTC(2025, 0, 6, 9, 0);
export const minute = 60_000;

export function makeCase(overrides: Partial<CaseRecord> = {}): CaseRecord {
  return {
    id: randomUUID(),
    tenantId: 'T-ACME',
    platform: 'slack',
    channelId: 'C-SUPPORT',
    conversation: { channel: 'C-SUPPORT', threadTs: '1736154000.000100' },
    caseNumber: `2501060010${Math.floor(Math.random() * 1e6)}`,
    title: 'VM will not start',
    input: { plan: 'professional-direct', severity: 'B', country: 'NL', openedAt: T0 },
    openedBy: 'U-ALICE',
    openedByLocale: 'nl-NL',
    state: 'open',
    respondedAt: null,
    deadline: T0 + 120 * minute,
    flag: null,
    createdAt: T0,
    updatedAt: T0,
    version: 1,
    ...overrides,
  };
}

export function makeReminder(
  c: CaseRecord,
  kind: string,
  dueAt: number,
  payload: Record<string, unknown> = {},
): ReminderRow {
  return pendingReminder(c, kind, dueAt, payload, randomUUID());
}

/** The usual plan of a case: 50%, 75%, 15 minutes before, breach. */
export function standardPlan(c: CaseRecord, deadline = c.deadline ?? T0 + 120 * minute): ReminderRow[] {
  const span = deadline - c.createdAt;
  return [
    makeReminder(c, 'fraction:0.5', c.createdAt + span / 2),
    makeReminder(c, 'fraction:0.75', c.createdAt + (span * 3) / 4),
    makeReminder(c, 'before:15', deadline - 15 * minute),
    makeReminder(c, 'breach', deadline),
  ];
}
