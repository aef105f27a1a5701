// What the case service writes and shows, built from a request or a change: a new case with its
// event, plan and queued card; a case's plan; its view. Pure: time comes in as `now`.
import { randomUUID } from 'node:crypto';
import { type Assessment, type Policy, scheduleOf } from '../sla/index.js';
import type { CaseEvent, CaseRecord, ReminderRow } from '../store/records.js';
import type { CaseChange } from '../store/store.js';
import { cardToPost } from './announce.js';
import { planReminders } from './plan.js';
import type { ReminderPoint } from './reminder-config.js';
import { disagreementNotices, microsoftSide } from './source.js';
import type {
  Actor,
  CaseErrorCode,
  CaseFailure,
  CaseResult,
  CaseView,
  OpenCaseRequest,
  Outcome,
} from './types.js';

const MINUTE = 60_000;

/** What planning needs besides the case: the policy's calendars and the configured points. */
export interface Planning {
  readonly policy: Policy;
  readonly points: readonly ReminderPoint[];
}

/** A new case from an admitted request: the case, its 'opened' event, its plan and, if queued, its card. */
export function newCase(request: OpenCaseRequest, assessment: Assessment, now: number, planning: Planning) {
  const record: CaseRecord = {
    id: randomUUID(),
    tenantId: request.tenantId,
    platform: request.platform,
    channelId: request.channelId,
    conversation: request.conversation,
    caseNumber: request.caseNumber.trim(),
    title: request.title.trim(),
    input: { ...request.input, openedAt: assessment.openedAt },
    openedBy: request.openedBy.id,
    openedByLocale: request.openedBy.locale,
    state: 'open',
    respondedAt: null,
    deadline: assessment.deadline,
    flag: null,
    createdAt: now,
    updatedAt: now,
    version: 1,
    ...(request.idempotencyKey ? { openKey: request.idempotencyKey } : {}),
    ...(request.source ? { source: request.source } : {}),
  };
  const change: CaseChange = {
    record,
    expectedVersion: null,
    event: caseEvent(record, request.openedBy, 'opened', { input: request.input }, now),
    plan: planOf(record, assessment, planning, now),
    notices: [
      ...(request.card === 'posted_by_caller' ? [] : [cardToPost(record, now)]),
      ...disagreementNotices(record, assessment, now),
    ],
  };
  return { change, view: caseView(record, assessment) };
}

/** Every reminder the case should have now (its pending plan replaces the stored one). */
export function planOf(
  record: CaseRecord,
  assessment: Assessment,
  planning: Planning,
  now: number,
): ReminderRow[] {
  return planReminders({
    record,
    assessment,
    schedule: scheduleOf(assessment, planning.policy),
    tracking: record.input.tracking ?? {},
    points: planning.points,
    now,
    clockStart: clockStart(record, assessment),
  });
}

/** Where the clock (re)started: the opening, or the last severity change when that is later. */
function clockStart(record: CaseRecord, assessment: Assessment): number {
  const restarted = record.input.clockStartsAt;
  return typeof restarted === 'number' && restarted > assessment.openedAt ? restarted : assessment.openedAt;
}

export function caseEvent(
  record: CaseRecord,
  actor: Actor,
  kind: string,
  data: Record<string, unknown>,
  now: number,
): CaseEvent {
  return { caseId: record.id, tenantId: record.tenantId, at: now, actor: actor.id, kind, data };
}

/** The case with its assessment, and the outcome once the first response is recorded. */
export function caseView(record: CaseRecord, assessment: Assessment): CaseView {
  const outcome: Outcome | null =
    record.respondedAt === null
      ? null
      : {
          respondedAt: record.respondedAt,
          met: record.respondedAt <= assessment.deadline,
          marginMinutes: Math.round(Math.abs(assessment.deadline - record.respondedAt) / MINUTE),
        };
  const microsoft = microsoftSide(record, assessment);
  return microsoft ? { record, assessment, outcome, microsoft } : { record, assessment, outcome };
}

export function refuse(code: CaseErrorCode, params: Record<string, string>): CaseFailure {
  return { kind: 'case', code, params };
}

export function fail(code: CaseErrorCode, params: Record<string, string>): CaseResult {
  return { ok: false, failure: refuse(code, params) };
}

export function iso(instant: number): string {
  return new Date(instant).toISOString();
}
