// A ticket becomes a case once per tenant: claim it, read it with the core, open the case with the
// ticket's idempotency key, and link the two. Discovery does this for new tickets, `/sla track` for
// one a person names; both go through here so they open a ticket exactly the same way.
import type { SlaErrorInfo } from '../../src/sla/index.js';
import { type CaseSink, openKey, type TicketLink, type TicketReader, type WatchStore } from './ports.js';
import type { TicketFacts } from './ticket-facts.js';

export interface Opening {
  readonly store: WatchStore;
  readonly sink: CaseSink;
  readonly read: TicketReader;
  /** This replica's name in claims. */
  readonly holder: string;
  readonly now: () => number;
  readonly claimLeaseMs: number;
}

/** Where the case goes: its tenant, channel and the place its card is posted. */
export interface CaseTarget {
  readonly tenantId: string;
  readonly platform: string;
  readonly channelId: string;
  readonly conversation: unknown;
  readonly locale: string;
}

export type Opened =
  | { readonly kind: 'opened'; readonly caseId: string }
  /** A link exists already (this or another replica opened it, or it could not become a case). */
  | { readonly kind: 'linked' }
  /** Another replica is opening it right now, or the case service was busy: try again later. */
  | { readonly kind: 'pending' }
  /** It cannot become a case; the link remembers why, so it is not tried again. */
  | {
      readonly kind: 'refused';
      readonly code: string;
      readonly detail: string;
      /** The core's error, when the mapping or the evaluation refused the ticket. */
      readonly error: SlaErrorInfo | null;
    };

export async function openTicketCase(
  opening: Opening,
  target: CaseTarget,
  facts: TicketFacts,
  resource: unknown,
): Promise<Opened> {
  const { store, sink } = opening;
  const { tenantId } = target;
  const claim = await store.claimTicket(
    tenantId,
    facts.ref.resourceId,
    opening.holder,
    opening.now(),
    opening.claimLeaseMs,
  );
  if (claim === 'linked') return { kind: 'linked' };
  if (claim === 'busy') return { kind: 'pending' };
  const reading = opening.read(resource);
  if (!reading.ok) {
    await store.saveLink(newLink(tenantId, facts, null, reading.error.code, null), null);
    const { code, message, sla } = reading.error;
    return { kind: 'refused', code, detail: message, error: sla ?? null };
  }
  const result = await sink.openFromTicket({
    tenantId,
    platform: target.platform,
    channelId: target.channelId,
    conversation: target.conversation,
    locale: target.locale,
    idempotencyKey: openKey(tenantId, facts.ref.resourceId),
    ticket: facts.ref,
    title: facts.title,
    input: reading.input,
    microsoft: reading.microsoft,
  });
  if (!result.ok) {
    if (result.retry) return { kind: 'pending' };
    await store.saveLink(newLink(tenantId, facts, null, result.code, null), null);
    return { kind: 'refused', code: result.code, detail: '', error: result.sla ?? null };
  }
  // A replica that crashed after opening left no link: the key made the open above return that case.
  await store.saveLink(newLink(tenantId, facts, result.caseId, null, String(reading.input.severity)), null);
  return { kind: 'opened', caseId: result.caseId };
}

function newLink(
  tenantId: string,
  facts: TicketFacts,
  caseId: string | null,
  problem: string | null,
  severity: string | null,
): TicketLink {
  return {
    tenantId,
    ticket: facts.ref,
    caseId,
    problem,
    severity,
    respondedAt: null,
    closed: false,
    checkedModified: null,
    checkedAt: null,
    version: 0,
  };
}
