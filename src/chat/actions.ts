// What a card's action does, for every chat platform: the case-service call and the note it leaves
// in the thread. The table is exhaustive: a new action does not compile until it says both.
import type { CaseService } from '../cases/service.js';
import type { Actor, CaseResult } from '../cases/types.js';
import type { NoteEvent } from '../reminders/notices.js';

export const CASE_ACTIONS = [
  'respond_now',
  'respond_at',
  'change_severity',
  'available_24x7',
  'not_available_24x7',
  'waiting_on_us',
  'we_answered',
  'close',
  'reopen',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/** Who pressed what on which case, with what the action asks for (already read from the platform). */
export interface ActionRequest {
  readonly tenantId: string;
  readonly caseId: string;
  readonly actor: Actor;
  /** change_severity: the new severity. */
  readonly severity?: string | undefined;
  /** respond_at: when Microsoft responded (epoch ms), or null when what was given is not a time. */
  readonly respondedAt?: number | null | undefined;
}

/** The line for the case's thread: a `reminders:note.*` event and its data. */
export interface ActionNote {
  readonly event: NoteEvent;
  readonly data: Readonly<Record<string, string>>;
}

export interface ActionOutcome {
  readonly result: CaseResult;
  readonly note: ActionNote;
}

type Step = (cases: CaseService, request: ActionRequest) => Promise<ActionOutcome>;

const noted =
  (event: NoteEvent, call: (cases: CaseService, request: ActionRequest) => Promise<CaseResult>): Step =>
  async (cases, request) => ({ result: await call(cases, request), note: { event, data: {} } });

const STEPS: { readonly [A in CaseAction]: Step } = {
  respond_now: noted('responded', (cases, r) => cases.recordResponse(r.tenantId, r.caseId, r.actor)),
  respond_at: noted('responded', (cases, r) =>
    typeof r.respondedAt === 'number'
      ? cases.recordResponse(r.tenantId, r.caseId, r.actor, r.respondedAt)
      : Promise.resolve(missing('respondedAt')),
  ),
  change_severity: async (cases, r): Promise<ActionOutcome> => {
    if (!r.severity) return { result: missing('severity'), note: { event: 'severity_changed', data: {} } };
    const before = await cases.get(r.tenantId, r.caseId);
    const result = await cases.changeSeverity(r.tenantId, r.caseId, r.severity, r.actor);
    const to = result.ok ? result.view.assessment.severity : r.severity;
    return {
      result,
      note: { event: 'severity_changed', data: { from: before?.assessment.severity ?? '?', to } },
    };
  },
  available_24x7: noted('available', (cases, r) =>
    cases.setAvailability(r.tenantId, r.caseId, true, r.actor),
  ),
  not_available_24x7: noted('not_available', (cases, r) =>
    cases.setAvailability(r.tenantId, r.caseId, false, r.actor),
  ),
  waiting_on_us: noted('waiting_on_us', (cases, r) =>
    cases.setWaitingOnUs(r.tenantId, r.caseId, true, r.actor),
  ),
  we_answered: noted('we_answered', (cases, r) => cases.setWaitingOnUs(r.tenantId, r.caseId, false, r.actor)),
  close: noted('closed', (cases, r) => cases.close(r.tenantId, r.caseId, r.actor)),
  reopen: noted('reopened', (cases, r) => cases.reopen(r.tenantId, r.caseId, r.actor)),
};

/** Runs one action: the case service answers, and the note says who did what once it succeeded. */
export function runCaseAction(
  cases: CaseService,
  action: CaseAction,
  request: ActionRequest,
): Promise<ActionOutcome> {
  return STEPS[action](cases, request);
}

export function isCaseAction(value: unknown): value is CaseAction {
  return typeof value === 'string' && (CASE_ACTIONS as readonly string[]).includes(value);
}

/** An action that needs a value the person did not give (no severity chosen, no time). */
function missing(field: 'respondedAt' | 'severity'): CaseResult {
  return { ok: false, failure: { kind: 'case', code: 'invalid_case', params: { field } } };
}
