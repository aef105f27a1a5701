// What reading an Azure ticket again does to the case that follows it: Microsoft's clock replaced,
// and a severity change applied as SLA-RULES §11 says (the clock restarts at the change, with the new
// severity's target). Pure: the case service writes the result.
import type { CaseRecord } from '../store/records.js';
import { CLOCK_SKEW_MS } from './admission.js';
import { refuse } from './build.js';
import type { CaseFailure, StoredInput, TicketUpdate } from './types.js';

interface Before {
  readonly now: number;
  readonly openedAt: number;
  readonly severity: string;
}

/** Whether the case already shows what the ticket says (a repeated poll, another replica). */
export function ticketUpToDate(record: CaseRecord, update: TicketUpdate): boolean {
  if (!record.source || !sameClock(record.source.microsoft, update.microsoft)) return false;
  const { severity } = update;
  return !severity || record.state !== 'open' || severityApplied(record.input, severity);
}

export function ticketChange(
  record: CaseRecord,
  input: StoredInput,
  update: TicketUpdate,
  before: Before,
): CaseFailure | { event: string; data: Record<string, unknown> } {
  if (!record.source) return refuse('invalid_case', { field: 'source' });
  record.source = { ...record.source, microsoft: { ...update.microsoft } };
  const { severity } = update;
  if (!severity || record.state !== 'open' || severityApplied(input, severity))
    return { event: 'microsoft_clock', data: { deadline: update.microsoft.deadline } };
  const { at } = severity;
  if (!Number.isFinite(at) || at > before.now + CLOCK_SKEW_MS || at < before.openedAt)
    return refuse('invalid_case', { field: 'changedAt' });
  input.severity = severity.input.severity;
  input.clockStartsAt = at;
  // The ticket states its own 24x7 choice and, for a plan outside the policy, its own target.
  delete input.commit24x7;
  delete input.targetMinutes;
  if (severity.input.commit24x7 !== undefined) input.commit24x7 = severity.input.commit24x7;
  if (severity.input.targetMinutes !== undefined) input.targetMinutes = severity.input.targetMinutes;
  return { event: 'severity_changed', data: { from: before.severity, to: input.severity } };
}

function severityApplied(input: StoredInput, severity: NonNullable<TicketUpdate['severity']>): boolean {
  return input.severity === severity.input.severity && input.clockStartsAt === severity.at;
}

function sameClock(a: TicketUpdate['microsoft'], b: TicketUpdate['microsoft']): boolean {
  return a.startTime === b.startTime && a.deadline === b.deadline && a.slaMinutes === b.slaMinutes;
}
