import {
  type Assessment,
  azurePolicy,
  type Evaluation,
  evaluate,
  type Policy,
  type SlaInput,
} from '../sla/index.js';
import type { CaseEvent, CaseRecord } from '../store/records.js';
import type { CaseChange, CaseQuery, CaseStore } from '../store/store.js';
import { type Admission, admit, CLOCK_SKEW_MS } from './admission.js';
import { announcements } from './announce.js';
import { caseEvent, caseView, fail, iso, newCase, type Planning, planOf, refuse } from './build.js';
import type { ReminderPoint } from './reminder-config.js';
import { disagreementNotices } from './source.js';
import { ticketChange, ticketUpToDate } from './ticket.js';
import type {
  Actor,
  CaseFailure,
  CaseResult,
  CaseView,
  Clock,
  ListedCase,
  OpenCaseRequest,
  StoredInput,
  TicketUpdate,
  Tracking,
  UnevaluableCase,
} from './types.js';

export { type Admission, CLOCK_SKEW_MS } from './admission.js';

const WRITE_ATTEMPTS = 4;
/** Cases written per transaction by `openMany`. */
export const OPEN_BATCH = 500;

export interface CaseServiceOptions {
  readonly store: CaseStore;
  readonly clock: Clock;
  readonly reminders: readonly ReminderPoint[];
  readonly policy?: Policy;
}

/** One change to a case: its record and input as stored, where it stood before, and now. */
type Change = (
  record: CaseRecord,
  input: StoredInput,
  now: number,
  before: Assessment,
) => CaseFailure | { event: string; data: Record<string, unknown> };

/**
 * A case's life: open, change, respond, close, reopen. Every call is scoped by tenant; every change
 * re-evaluates the case and re-plans its pending reminders (what was posted stays posted). Every
 * call works without a chat request: an actor with `announce` has its changes said in the thread.
 */
export class CaseService {
  private readonly policy: Policy;
  private readonly planning: Planning;

  constructor(private readonly options: CaseServiceOptions) {
    this.policy = options.policy ?? azurePolicy;
    this.planning = { policy: this.policy, points: options.reminders };
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
    return admit(this.check(input, at), at);
  }

  /**
   * Opens a case, once per tenant and `idempotencyKey` (a retried chat delivery, the same Azure
   * ticket seen by two replicas): the second call answers with the case the first one opened.
   */
  async open(request: OpenCaseRequest): Promise<CaseResult> {
    const [result] = await this.openMany([request]);
    return result ?? fail('conflict', {});
  }

  /**
   * Opens many cases, each as `open` would, in one transaction per batch of `OPEN_BATCH`: the bulk
   * path for imports (Azure tickets, the command line). Answers one result per request, in order.
   */
  async openMany(requests: readonly OpenCaseRequest[]): Promise<CaseResult[]> {
    const results: CaseResult[] = [];
    for (let i = 0; i < requests.length; i += OPEN_BATCH)
      results.push(...(await this.openBatch(requests.slice(i, i + OPEN_BATCH))));
    return results;
  }

  private async openBatch(requests: readonly OpenCaseRequest[]): Promise<CaseResult[]> {
    const { store, clock } = this.options;
    const now = clock.now();
    const results: CaseResult[] = [];
    const writes: Array<{ index: number; change: CaseChange; view: CaseView }> = [];
    for (const [index, request] of requests.entries()) {
      const admitted = this.admit(request.input, now);
      if (!admitted.ok) results[index] = admitted;
      else if (!request.caseNumber.trim()) results[index] = fail('invalid_case', { field: 'caseNumber' });
      else writes.push({ index, ...newCase(request, admitted.assessment, now, this.planning) });
    }
    const saved = writes.length
      ? await store.saveNewCases(
          writes.map((w) => w.change),
          now,
        )
      : [];
    for (const [n, write] of writes.entries()) {
      if (saved[n]) {
        results[write.index] = { ok: true, view: write.view };
        continue;
      }
      // The tenant already has a case with this key (a retry, another replica): that one is the answer.
      const request = requests[write.index] as OpenCaseRequest;
      const existing = await store.findCaseByOpenKey(request.tenantId, request.idempotencyKey ?? '');
      results[write.index] = existing
        ? { ok: true, view: this.viewOrThrow(existing, now) }
        : fail('conflict', {});
    }
    return results;
  }

  /** Once the card is posted the adapter knows its thread: remember where to post reminders. */
  async attachConversation(tenantId: string, caseId: string, conversation: unknown): Promise<CaseResult> {
    const now = this.options.clock.now();
    if (!(await this.options.store.attachConversation(tenantId, caseId, conversation, now)))
      return fail('not_found', { caseId });
    const record = await this.options.store.getCase(tenantId, caseId);
    return record ? { ok: true, view: this.viewOrThrow(record, now) } : fail('not_found', { caseId });
  }

  /**
   * A new severity restarts the clock at the change, with the new severity's target (SLA-RULES §11).
   * `at`: when it changed, if not now (the Azure watcher knows from the ticket); never before the
   * opening, nor in the future beyond the clock skew.
   */
  changeSeverity(
    tenantId: string,
    caseId: string,
    severity: string,
    actor: Actor,
    at?: number,
  ): Promise<CaseResult> {
    return this.change(tenantId, caseId, actor, (record, input, now, before) => {
      const changedAt = at ?? now;
      if (!Number.isFinite(changedAt) || changedAt > now + CLOCK_SKEW_MS || changedAt < before.openedAt)
        return refuse('invalid_case', { field: 'changedAt' });
      input.severity = severity;
      input.clockStartsAt = changedAt;
      // The 24x7 defaults differ per severity: a new severity starts from its own default.
      delete input.commit24x7;
      delete input.available24x7;
      return openOnly(record) ?? { event: 'severity_changed', data: { from: before.severity, to: severity } };
    });
  }

  /**
   * The Azure ticket a case follows was read again: Microsoft's clock as it now stands, and a new
   * severity from when it changed, with the ticket's own 24x7 choice and target (SLA-RULES §11). What
   * the case already shows changes nothing; a severity change on an answered or closed case is moot.
   */
  async followTicket(tenantId: string, caseId: string, update: TicketUpdate): Promise<CaseResult> {
    const stored = await this.options.store.getCase(tenantId, caseId);
    if (!stored) return fail('not_found', { caseId });
    if (ticketUpToDate(stored, update))
      return { ok: true, view: this.viewOrThrow(stored, this.options.clock.now()) };
    return this.change(tenantId, caseId, update.actor, (record, input, now, before) =>
      ticketChange(record, input, update, { now, openedAt: before.openedAt, severity: before.severity }),
    );
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
      trackingOf(input).availabilityWithdrawnAt = available ? null : now;
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

  /** Closes a case in any state but closed (an answered case too). */
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
    return record ? this.viewOrThrow(record, this.options.clock.now()) : null;
  }

  /** The case opened with this key (e.g. `azure:<tenant>:<ticket id>`), or null. */
  async findByKey(tenantId: string, key: string): Promise<ListedCase | null> {
    const record = await this.options.store.findCaseByOpenKey(tenantId, key);
    return record ? this.viewAt(record, this.options.clock.now()) : null;
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

  /** The case evaluated at `at`, or why it no longer evaluates: never throws for a stored case. */
  viewAt(record: CaseRecord, at: number): CaseView | UnevaluableCase {
    const evaluation = evaluate(record.input, at, this.policy);
    if (!evaluation.ok) return { record, assessment: null, outcome: null, problem: evaluation.error };
    return caseView(record, evaluation.assessment);
  }

  private viewOrThrow(record: CaseRecord, at: number): CaseView {
    const view = this.viewAt(record, at);
    if (!view.assessment)
      throw new Error(`stored case ${record.id} no longer evaluates: ${view.problem.code}`);
    return view;
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
      // A case that no longer evaluates cannot be changed: say why instead of guessing.
      const before = evaluate(record.input, now, this.policy);
      if (!before.ok) return { ok: false, failure: { kind: 'sla', error: before.error } };
      const outcome = apply(record, record.input, now, before.assessment);
      if ('kind' in outcome) return { ok: false, failure: outcome };
      const evaluation = evaluate(record.input, now, this.policy);
      if (!evaluation.ok) return { ok: false, failure: { kind: 'sla', error: evaluation.error } };
      const { assessment } = evaluation;
      record.deadline = assessment.deadline;
      record.updatedAt = now;
      record.version = stored.version + 1;
      const event =
        actor && outcome.event ? caseEvent(record, actor, outcome.event, outcome.data, now) : null;
      const plan = planOf(record, assessment, this.planning, now);
      const notices = [
        ...announcements(record, actor, outcome, now),
        ...disagreementNotices(record, assessment, now),
      ];
      // The case, its event and its new plan land together, or (someone else wrote first) not at all.
      const change = { record, expectedVersion: stored.version, event, plan, notices };
      if (!(await store.saveCase(change, now))) continue;
      return { ok: true, view: caseView(record, assessment) };
    }
    return fail('conflict', { caseId });
  }
}

function trackingOf(input: StoredInput): Tracking {
  input.tracking ??= {};
  return input.tracking;
}

function openOnly(record: CaseRecord): CaseFailure | null {
  return record.state === 'open' ? null : refuse('invalid_state', { state: record.state });
}
