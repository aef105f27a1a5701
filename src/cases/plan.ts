import { type Notice, noticeSpec } from '../reminders/notices.js';
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
  /** Where the clock (re)started: the opening, or a later severity change (SLA-RULES §11). */
  readonly clockStart: number;
}

/**
 * Every reminder a case should have now. Points are clock time, so on business hours they fall inside
 * business hours. Points already past are left out when their kind allows it (a case opened late does
 * not fire a burst); warnings are due when their situation began, and a deadline already passed gets
 * its one breach notice at once. Keys are stable so re-planning is idempotent.
 */
export function planReminders(context: PlanContext): ReminderRow[] {
  const { record, now } = context;
  if (record.state !== 'open') return [];
  const rows = [...deadlinePoints(context), ...warningPoints(context), ...waitingPoint(context)];
  return rows.filter((row) => row.dueAt > now || !skippable(row));
}

function skippable(row: ReminderRow): boolean {
  return row.notice.kind !== 'unreadable' && noticeSpec(row.notice).skippableWhenPast;
}

function deadlinePoints({
  record,
  assessment,
  schedule,
  points,
  now,
  clockStart,
}: PlanContext): ReminderRow[] {
  const target = assessment.targetMinutes * MINUTE;
  const { deadline } = assessment;
  // The card shows the breach by itself once the deadline passes.
  const rows: ReminderRow[] = [row(record, { kind: 'card_at_deadline', deadline }, deadline)];
  for (const point of points) {
    if (point.kind === 'breach') {
      const overdueMinutes = Math.max(0, Math.floor((now - deadline) / MINUTE));
      rows.push(
        row(record, { kind: 'breach', deadline, ...(overdueMinutes ? { overdueMinutes } : {}) }, deadline),
      );
    } else if (point.kind === 'fraction' && point.fraction < 1) {
      const used = Math.round(target * point.fraction);
      const remainingMinutes = Math.round((target - used) / MINUTE);
      const notice: Notice = { kind: 'fraction', fraction: point.fraction, remainingMinutes, deadline };
      rows.push(row(record, notice, schedule.add(clockStart, used)));
    } else if (point.kind === 'before' && point.minutes * MINUTE < target) {
      const notice: Notice = { kind: 'before', remainingMinutes: point.minutes, deadline };
      rows.push(row(record, notice, schedule.add(clockStart, target - point.minutes * MINUTE)));
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
    const notice: Notice = {
      kind: 'warning',
      code: warning.code,
      to: warning.to ?? null,
      reason: warning.reason ?? null,
    };
    rows.push(row(record, notice, since));
  }
  return rows;
}

function waitingPoint({ record, assessment, schedule, tracking }: PlanContext): ReminderRow[] {
  const since = tracking.waitingSince;
  if (since === undefined || since === null) return [];
  const nudge = assessment.coverage === '24x7' ? WAITING_NUDGE_24X7 : WAITING_NUDGE_BUSINESS;
  const risk = assessment.warnings.find((warning) => warning.reason === 'waiting_on_customer');
  return [row(record, { kind: 'waiting', since, to: risk?.to ?? null }, schedule.add(since, nudge))];
}

function row(record: CaseRecord, notice: Notice, dueAt: number): ReminderRow {
  return pendingReminder(record, notice, dueAt);
}
