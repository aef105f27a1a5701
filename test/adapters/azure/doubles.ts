// Test doubles for the watcher's ports: a trivial ticket reader (the real mapping is the core's
// `readTicket`), and a case sink in memory that honours idempotency keys as the case service will.
import type {
  CaseSink,
  FirstResponse,
  OpenFromTicket,
  SeverityChange,
  SinkResult,
  TicketClosed,
  TicketReader,
} from '../../../adapters/azure/ports.js';

const LETTERS: Record<string, string> = {
  minimal: 'C',
  moderate: 'B',
  critical: 'A',
  highestcriticalimpact: 'A',
};

const get = (value: unknown, key: string): unknown =>
  value && typeof value === 'object' && Object.hasOwn(value, key)
    ? (value as Record<string, unknown>)[key]
    : undefined;
const time = (value: unknown) => (typeof value === 'string' ? Date.parse(value) : null);

/** Severity words to letters and the contact's country and language; nothing else of the core. */
export const fakeReader: TicketReader = (resource) => {
  const properties = get(resource, 'properties');
  const severity = LETTERS[String(get(properties, 'severity') ?? '').toLowerCase()];
  if (!severity) return { ok: false, error: { code: 'unknown_severity', message: 'severity not readable' } };
  const contact = get(properties, 'contactDetails');
  const agreement = get(properties, 'serviceLevelAgreement');
  return {
    ok: true,
    input: {
      plan: 'professional-direct',
      severity,
      country: String(get(contact, 'country') ?? 'USA'),
      language: String(get(contact, 'preferredSupportLanguage') ?? 'en'),
      openedAt: String(get(properties, 'createdDate')),
      clockStartsAt: String(get(agreement, 'startTime')),
    },
    microsoft: {
      startTime: time(get(agreement, 'startTime')),
      deadline: time(get(agreement, 'expirationTime')),
      slaMinutes:
        typeof get(agreement, 'slaMinutes') === 'number' ? (get(agreement, 'slaMinutes') as number) : null,
    },
  };
};

export type SinkCall =
  | { kind: 'open'; request: OpenFromTicket }
  | { kind: 'respond'; change: FirstResponse }
  | { kind: 'severity'; change: SeverityChange }
  | { kind: 'close'; change: TicketClosed };

/** Cases in memory; a repeated key answers as before and changes nothing. */
export class MemoryCaseSink implements CaseSink {
  /** Every call, repeated ones included. */
  readonly calls: SinkCall[] = [];
  /** Calls that changed something (first use of their key). */
  readonly applied: SinkCall[] = [];
  private readonly results = new Map<string, SinkResult>();
  private sequence = 0;
  /** Makes the next calls fail (retry: the case service was busy). */
  failNext: Array<{ retry: boolean; code: string }> = [];

  openFromTicket(request: OpenFromTicket): Promise<SinkResult> {
    return this.once({ kind: 'open', request }, request.idempotencyKey, () => `case-${++this.sequence}`);
  }

  recordFirstResponse(change: FirstResponse): Promise<SinkResult> {
    return this.once({ kind: 'respond', change }, change.idempotencyKey, () => change.caseId);
  }

  changeSeverity(change: SeverityChange): Promise<SinkResult> {
    return this.once({ kind: 'severity', change }, change.idempotencyKey, () => change.caseId);
  }

  close(change: TicketClosed): Promise<SinkResult> {
    return this.once({ kind: 'close', change }, change.idempotencyKey, () => change.caseId);
  }

  of<K extends SinkCall['kind']>(kind: K): Extract<SinkCall, { kind: K }>[] {
    return this.applied.filter((call): call is Extract<SinkCall, { kind: K }> => call.kind === kind);
  }

  private async once(call: SinkCall, key: string, caseId: () => string): Promise<SinkResult> {
    this.calls.push(call);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const failure = this.failNext.shift();
    if (failure) return { ok: false, ...failure };
    const known = this.results.get(key);
    if (known) return known;
    const result: SinkResult = { ok: true, caseId: caseId() };
    this.results.set(key, result);
    this.applied.push(call);
    return result;
  }
}
