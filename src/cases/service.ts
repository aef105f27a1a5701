import { randomUUID } from 'node:crypto';
import {
  type Assessment,
  azurePolicy,
  type Evaluation,
  evaluate,
  type Policy,
  type SlaInput,
  scheduleOf,
} from '../sla/index.js';
import type { CaseEvent, CaseRecord, ReminderRow } from '../store/records.js';
import type { CaseQuery, CaseStore, DedupStore } from '../store/store.js';
import { announcements, cardToPost } from './announce.js';
import { planReminders } from './plan.js';
import type { ReminderPoint } from './reminder-config.js';
import type {
  Actor,
  CaseErrorCode,
  CaseFailure,
  CaseResult,
  CaseView,
  Clock,
  ListedCase,
  OpenCaseRequest,
  Outcome,
  StoredInput,
  Tracking,
  UnevaluableCase,
} from './types.js';

const MINUTE = 60_000;
const WRITE_ATTEMPTS = 4;
/** How far ahead of our clock a person's clock may be: an opening or response later than this is refused. */
export const CLOCK_SKEW_MS = 5 * MINUTE;

export interface CaseServiceOptions {
  readonly store: CaseStore & DedupStore;
  readonly clock: Clock;
  readonly reminders: readonly ReminderPoint[];
  readonly policy?: Policy;
}

/** One change to a case: its record and input as stored, where it stood before, and now. */
/** An input a person may register now, evaluated; or why not. */
export type Admission = { ok: true; assessment: Assessment } | { ok: false; failure: CaseFailure };

type Change = (
  record: CaseRecord,
  input: StoredInput,
  now: number,
  before: Assessment,
) => CaseFailure | { event: string; data: Record<string, unknown> };

/**
 * A case's life: open, change, respond, close, reopen. Every call is scoped by tenant; every change
 * re-evaluates the case and re-plans its pending reminders (what was posted stays posted).
 */
export class CaseService {
  private readonly policy: Policy;

  constructor(private readonly options: CaseServiceOptions) {
    this.policy = options.policy ?? azurePolicy;
  }

  /** The answer without storing anything (`/sla check`, `checkSla`). */
  check(input: SlaInput, at = this.options.clock.now()): Evaluation {
    return evaluate(input, at, this.policy);
  }

  /**
   * Whether a person may register a case with this input now (SLA-RULES §12): it evaluates, and it
   * was not opened in the future (beyond a few minutes of clock skew). Forms ask before accepting.
   */
  admit(input: SlaInput, at = this.options.clock.now()): Admission {
    const evaluation = this.check(input, at);
    if (!evaluation.ok) return { ok: false, failure: { kind: 'sla', error: evaluation.error } };
    const { openedAt } = evaluation.assessment;
    if (openedAt > at + CLOCK_SKEW_MS)
      return { ok: false, failure: refuse('opened_in_future', { openedAt: iso(openedAt) }) };
    return evaluation;
  }

  async open(request: OpenCaseRequest): Promise<CaseResult> {
    const { store, clock } = this.options;
    const now = clock.now();
    const evaluation = this.admit(request.input, now);
    if (!evaluation.ok) return evaluation;
    if (!request.caseNumber.trim()) return fail('invalid_case', { field: 'caseNumber' });
    if (
      request.idempotencyKey &&
      !(await store.remember(`open:${request.tenantId}:${request.idempotencyKey}`, now))
    ) {
      const existing = await store.findCaseByNumber(request.tenantId, request.channelId, request.caseNumber);
      if (existing) return { ok: true, view: this.view(existing, now) };
    }
    const record: CaseRecord = {
      id: randomUUID(),
      tenantId: request.tenantId,
      platform: request.platform,
      channelId: request.channelId,
      conversation: request.conversation,
      caseNumber: request.caseNumber.trim(),
      title: request.title.trim(),
      input: { ...request.input, openedAt: evaluation.assessment.openedAt },
      openedBy: request.openedBy.id,
      openedByLocale: request.openedBy.locale,
      state: 'open',
      respondedAt: null,
      deadline: evaluation.assessment.deadline,
      flag: null,
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    const { assessment } = evaluation;
    await store.saveCase(
      {
        record,
        expectedVersion: null,
        event: this.event(record, request.openedBy, 'opened', { input: request.input }, now),
        plan: this.plan(record, assessment, now),
        notices: request.card === 'posted_by_caller' ? [] : [cardToPost(record, now)],
      },
      now,
    );
    return { ok: true, view: this.view(record, now, assessment) };
  }

  /** Once the card is posted the adapter knows its thread: remember where to post reminders. */
  async attachConversation(tenantId: string, caseId: string, conversation: unknown): Promise<CaseResult> {
    const now = this.options.clock.now();
    if (!(await this.options.store.attachConversation(tenantId, caseId, conversation, now)))
      return fail('not_found', { caseId });
    const record = await this.options.store.getCase(tenantId, caseId);
    return record ? { ok: true, view: this.view(record, now) } : fail('not_found', { caseId });
  }

  /** A new severity restarts the clock at the change, with the new severity's target (SLA-RULES §11). */
  changeSeverity(tenantId: string, caseId: string, severity: string, actor: Actor): Promise<CaseResult> {
    return this.change(tenantId, caseId, actor, (record, input, now, before) => {
      input.severity = severity;
      input.clockStartsAt = now;
      // The 24x7 defaults differ per severity: a new severity starts from its own default.
      delete input.commit24x7;
      delete input.available24x7;
      return openOnly(record) ?? { event: 'severity_changed', data: { from: before.severity, to: severity } };
    });
  }

  /**
   * "We are available 24x7" / "not anymore". Where the severity's clock has no 24x7 choice (A), the
   * commitment follows the availability; where the customer chose it (B), the choice made at
   * submission stays, and so does the clock.
   */
  setAvailability(tenantId: string, caseId: string, available: boolean, actor: Actor): Promise<CaseResult> {
    return this.change(tenantId, caseId, actor, (record, input, now, before) => {
      if (!this.policy.clocks[before.severity].needs24x7Choice) input.commit24x7 = available;
      input.available24x7 = available;
      const tracking = trackingOf(input);
      tracking.availabilityWithdrawnAt = available ? null : now;
      return openOnly(record) ?? { event: 'commitment_changed', data: { available } };
    });
  }

  setWaitingOnUs(tenantId: string, caseId: string, waiting: boolean, actor: Actor): Promise<CaseResult> {
    return this.change(tenantId, caseId, actor, (record, input, now) => {
      input.waitingOnCustomer = waiting;
      trackingOf(input).waitingSince = waiting ? now : null;
      return openOnly(record) ?? { event: waiting ? 'waiting_on_us' : 'we_answered', data: {} };
    });
  }

  /**
   * Records Microsoft's first response at `at` (default now): met or breached, and by how much. A
   * response in the future (beyond the clock skew) or before the opening is refused (SLA-RULES §12).
   */
  recordResponse(tenantId: string, caseId: string, actor: Actor, at?: number): Promise<CaseResult> {
    return this.change(tenantId, caseId, actor, (record, _input, now, before) => {
      const respondedAt = at ?? now;
      if (record.state !== 'open') return refuse('invalid_state', { state: record.state });
      if (!Number.isFinite(respondedAt)) return refuse('invalid_case', { field: 'respondedAt' });
      if (respondedAt > now + CLOCK_SKEW_MS)
        return refuse('response_in_future', { respondedAt: iso(respondedAt) });
      if (respondedAt < before.openedAt)
        return refuse('response_before_opening', {
          respondedAt: iso(respondedAt),
          openedAt: iso(before.openedAt),
        });
      record.state = 'responded';
      record.respondedAt = respondedAt;
      return { event: 'responded', data: { at: respondedAt } };
    });
  }

  close(tenantId: string, caseId: string, actor: Actor): Promise<CaseResult> {
    return this.change(tenantId, caseId, actor, (record) => {
      if (record.state === 'closed') return refuse('invalid_state', { state: record.state });
      record.state = 'closed';
      return { event: 'closed', data: {} };
    });
  }

  /** Back to tracking: a case closed by mistake, or whose response turned out not to be one. */
  reopen(tenantId: string, caseId: string, actor: Actor): Promise<CaseResult> {
    return this.change(tenantId, caseId, actor, (record) => {
      if (record.state === 'open') return refuse('invalid_state', { state: record.state });
      record.state = 'open';
      record.respondedAt = null;
      return { event: 'reopened', data: {} };
    });
  }

  async get(tenantId: string, caseId: string): Promise<CaseView | null> {
    const record = await this.options.store.getCase(tenantId, caseId);
    return record ? this.view(record, this.options.clock.now()) : null;
  }

  /** Open cases, soonest deadline first; a case that no longer evaluates is listed with its reason. */
  async list(query: CaseQuery): Promise<ListedCase[]> {
    const now = this.options.clock.now();
    const records = await this.options.store.listCases({ states: ['open'], ...query });
    return records.map((record) => this.viewAt(record, now));
  }

  events(tenantId: string, caseId: string): Promise<CaseEvent[]> {
    return this.options.store.listEvents(tenantId, caseId);
  }

  private async change(
    tenantId: string,
    caseId: string,
    actor: Actor | null,
    apply: Change,
  ): Promise<CaseResult> {
    const { store, clock } = this.options;
    for (let attempt = 0; attempt < WRITE_ATTEMPTS; attempt += 1) {
      const stored = await store.getCase(tenantId, caseId);
      if (!stored) return fail('not_found', { caseId });
      const now = clock.now();
      const record: CaseRecord = structuredClone(stored);
      const { input } = record;
      // A case that no longer evaluates cannot be changed: say why instead of guessing.
      const before = evaluate(input, now, this.policy);
      if (!before.ok) return { ok: false, failure: { kind: 'sla', error: before.error } };
      const outcome = apply(record, input, now, before.assessment);
      if ('kind' in outcome) return { ok: false, failure: outcome };
      const evaluation = evaluate(input, now, this.policy);
      if (!evaluation.ok) return { ok: false, failure: { kind: 'sla', error: evaluation.error } };
      const { assessment } = evaluation;
      record.deadline = assessment.deadline;
      record.updatedAt = now;
      record.version = stored.version + 1;
      const event =
        actor && outcome.event ? this.event(record, actor, outcome.event, outcome.data, now) : null;
      const plan = this.plan(record, assessment, now);
      const notices = announcements(record, actor, outcome, now);
      // The case, its event and its new plan land together, or (someone else wrote first) not at all.
      const change = { record, expectedVersion: stored.version, event, plan, notices };
      if (!(await store.saveCase(change, now))) continue;
      return { ok: true, view: this.view(record, now, assessment) };
    }
    return fail('conflict', { caseId });
  }

  /** Every reminder the case should have now (its pending plan replaces the stored one). */
  private plan(record: CaseRecord, assessment: Assessment, now: number): ReminderRow[] {
    return planReminders({
      record,
      assessment,
      schedule: scheduleOf(assessment, this.policy),
      tracking: record.input.tracking ?? {},
      points: this.options.reminders,
      now,
      clockStart: clockStart(record, assessment),
    });
  }

  /** The case evaluated at `at`, or why it no longer evaluates: never throws for a stored case. */
  viewAt(record: CaseRecord, at: number): CaseView | UnevaluableCase {
    const evaluation = evaluate(record.input, at, this.policy);
    if (!evaluation.ok) return { record, assessment: null, outcome: null, problem: evaluation.error };
    return this.view(record, at, evaluation.assessment);
  }

  private view(record: CaseRecord, now: number, known?: Assessment): CaseView {
    const assessment = known ?? this.assess(record, now);
    const outcome: Outcome | null =
      record.respondedAt === null
        ? null
        : {
            respondedAt: record.respondedAt,
            met: record.respondedAt <= assessment.deadline,
            marginMinutes: Math.round(Math.abs(assessment.deadline - record.respondedAt) / MINUTE),
          };
    return { record, assessment, outcome };
  }

  private assess(record: CaseRecord, now: number): Assessment {
    const evaluation = evaluate(record.input, now, this.policy);
    if (!evaluation.ok)
      throw new Error(`stored case ${record.id} no longer evaluates: ${evaluation.error.code}`);
    return evaluation.assessment;
  }

  private event(
    record: CaseRecord,
    actor: Actor,
    kind: string,
    data: Record<string, unknown>,
    now: number,
  ): CaseEvent {
    return { caseId: record.id, tenantId: record.tenantId, at: now, actor: actor.id, kind, data };
  }
}

/** Where the clock (re)started: the opening, or the last severity change when that is later. */
function clockStart(record: CaseRecord, assessment: Assessment): number {
  const restarted = record.input.clockStartsAt;
  return typeof restarted === 'number' && restarted > assessment.openedAt ? restarted : assessment.openedAt;
}

function iso(instant: number): string {
  return new Date(instant).toISOString();
}

function trackingOf(input: StoredInput): Tracking {
  input.tracking ??= {};
  return input.tracking;
}

function openOnly(record: CaseRecord): CaseFailure | null {
  return record.state === 'open' ? null : refuse('invalid_state', { state: record.state });
}

function refuse(code: CaseErrorCode, params: Record<string, string>): CaseFailure {
  return { kind: 'case', code, params };
}

function fail(code: CaseErrorCode, params: Record<string, string>): CaseResult {
  return { ok: false, failure: refuse(code, params) };
}
