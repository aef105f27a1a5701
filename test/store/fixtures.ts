// Builders for records in tests: sensible defaults, override what the test is about.
import { randomUUID } from 'node:crypto';
import type { Notice } from '../../src/reminders/notices.js';
import type { CaseRecord, ReminderRow } from '../../src/store/records.js';
import { pendingReminder, reminderKey } from '../../src/store/records.js';

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

/**
 * A pending row for tests, named by `label` (its key is built from it). A label that is a reminder
 * point ('breach', 'fraction:0.5', 'before:15', 'waiting', 'warning:contact_details') is that notice;
 * any other label is a thread note, which posts whatever the case's state.
 */
export function makeReminder(
  c: CaseRecord,
  label: string,
  dueAt: number,
  notice: Notice = noticeFor(label, dueAt),
): ReminderRow {
  return pendingReminder(c, notice, dueAt, reminderKey(c.id, label, dueAt), randomUUID());
}

function noticeFor(label: string, dueAt: number): Notice {
  const [kind, detail] = label.split(':');
  const deadline = dueAt + 15 * minute;
  switch (kind) {
    case 'breach':
      return { kind: 'breach', deadline: dueAt };
    case 'fraction':
      return { kind: 'fraction', fraction: Number(detail), remainingMinutes: 30, deadline };
    case 'before':
      return { kind: 'before', remainingMinutes: Number(detail), deadline };
    case 'waiting':
      return { kind: 'waiting', since: dueAt - 30 * minute, to: 'C' };
    case 'warning':
      return { kind: 'warning', code: 'contact_details', to: null, reason: null };
    default:
      return { kind: 'note', event: 'opened', actor: label, data: {} };
  }
}

/** The label a row was made with (the middle of its key). */
export function labelOf(row: ReminderRow): string {
  return row.key.slice(row.caseId.length + 1, row.key.lastIndexOf(':'));
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
