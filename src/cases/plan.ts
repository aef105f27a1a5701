import type { Assessment, Schedule } from '../sla/index.js';
import { type CaseRecord, pendingReminder, type ReminderRow } from '../store/records.js';
import type { ReminderPoint } from './reminder-config.js';
import type { Tracking } from './types.js';

const MINUTE = 60_000;
/** Waiting on the customer: a nudge after this much clock time (24x7 cases)… */
const WAITING_NUDGE_24X7 = 30 * MINUTE;
/** …or after the next business hour. */
const WAITING_NUDGE_BUSINESS = 60 * MINUTE;

export interface PlanContext {
  readonly record: CaseRecord;
  readonly assessment: Assessment;
  readonly schedule: Schedule;
  readonly tracking: Tracking;
  readonly points: readonly ReminderPoint[];
  readonly now: number;
}

/**
 * Every reminder a case should have now. Points are clock time, so on business hours they fall inside
 * business hours. Points already past are left out (a case opened late does not fire a burst), except
 * warnings, which are due when their situation began. Keys are stable so re-planning is idempotent.
 */
export function planReminders(context: PlanContext): ReminderRow[] {
  const { record, now } = context;
  if (record.state !== 'open') return [];
  const rows = [...deadlinePoints(context), ...warningPoints(context), ...waitingPoint(context)];
  return rows.filter((row) => row.dueAt > now || row.kind.startsWith('warning:'));
}

function deadlinePoints({ record, assessment, schedule, points }: PlanContext): ReminderRow[] {
  const target = assessment.targetMinutes * MINUTE;
  const rows: ReminderRow[] = [];
  for (const point of points) {
    if (point.kind === 'breach') {
      rows.push(row(record, 'breach', assessment.deadline, { deadline: assessment.deadline }));
    } else if (point.kind === 'fraction' && point.fraction < 1) {
      const used = Math.round(target * point.fraction);
      rows.push(
        row(record, `fraction:${point.fraction}`, schedule.add(assessment.openedAt, used), {
          fraction: point.fraction,
          remainingMinutes: Math.round((target - used) / MINUTE),
          deadline: assessment.deadline,
        }),
      );
    } else if (point.kind === 'before' && point.minutes * MINUTE < target) {
      rows.push(
        row(
          record,
          `before:${point.minutes}`,
          schedule.add(assessment.openedAt, target - point.minutes * MINUTE),
          {
            remainingMinutes: point.minutes,
            deadline: assessment.deadline,
          },
        ),
      );
    }
  }
  return rows;
}

function warningPoints({ record, assessment, tracking }: PlanContext): ReminderRow[] {
  const rows: ReminderRow[] = [];
  for (const warning of assessment.warnings) {
    if (warning.reason === 'waiting_on_customer') continue; // the waiting nudge says it, on its own schedule
    // A withdrawn commitment is a new situation: it gets its own row, due when it happened.
    const since =
      warning.code === 'downgrade_risk'
        ? (tracking.availabilityWithdrawnAt ?? record.createdAt)
        : record.createdAt;
    rows.push(
      row(record, `warning:${warning.code}${warning.to ? `:${warning.to}` : ''}`, since, {
        code: warning.code,
        to: warning.to ?? null,
        reason: warning.reason ?? null,
      }),
    );
  }
  return rows;
}

function waitingPoint({ record, assessment, schedule, tracking }: PlanContext): ReminderRow[] {
  const since = tracking.waitingSince;
  if (since === undefined || since === null) return [];
  const nudge = assessment.coverage === '24x7' ? WAITING_NUDGE_24X7 : WAITING_NUDGE_BUSINESS;
  const risk = assessment.warnings.find((warning) => warning.reason === 'waiting_on_customer');
  return [row(record, 'waiting', schedule.add(since, nudge), { since, to: risk?.to ?? null })];
}

function row(record: CaseRecord, kind: string, dueAt: number, payload: Record<string, unknown>): ReminderRow {
  return pendingReminder(record, kind, dueAt, payload);
}
