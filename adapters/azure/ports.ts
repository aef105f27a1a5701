// The narrow ports the Azure ticket watcher needs from the rest of sla-bot. The watcher holds no SLA
// rule: the core reads a ticket (TicketReader), the case service owns the cases (CaseSink), and the
// store keeps what the watcher must remember across polls, restarts and replicas (WatchStore).
import type { MicrosoftClock, SlaErrorInfo, SlaInput } from '../../src/sla/index.js';
import type { Platform } from '../../src/store/records.js';
import type { TicketRef } from '../../src/store/watches.js';

export type { MicrosoftClock } from '../../src/sla/index.js';
export type { Claim, TicketLink, TicketRef, Watch, WatchStore } from '../../src/store/watches.js';

/** The core's reading of one ticket resource (`readTicket` in src/sla, bound to a policy). */
export type TicketReading =
  | { readonly ok: true; readonly input: SlaInput; readonly microsoft: MicrosoftClock }
  | {
      readonly ok: false;
      /** `sla`: the core's error with its parameters, for words in a person's language. */
      readonly error: { readonly code: string; readonly message: string; readonly sla?: SlaErrorInfo };
    };

/** Maps a ticket resource exactly as the API returns it; pure, never throws. */
export type TicketReader = (resource: unknown) => TicketReading;

/**
 * Every call carries an idempotency key: a call repeated with the same key (after a crash, or by a
 * second replica) changes nothing and answers as the first did.
 */
export interface OpenFromTicket {
  readonly tenantId: string;
  readonly platform: Platform;
  readonly channelId: string;
  /** Where the channel's platform posts the card (the watch's, or the chat the ticket was tracked from). */
  readonly conversation: unknown;
  /** The language of the case's card and notices. */
  readonly locale: string;
  /** `azure:<tenant id>:<ticket resource id, lower-case>`; see `openKey`. */
  readonly idempotencyKey: string;
  readonly ticket: TicketRef;
  readonly title: string;
  readonly input: SlaInput;
  readonly microsoft: MicrosoftClock;
}

export interface FirstResponse {
  readonly tenantId: string;
  readonly caseId: string;
  /** The `createdDate` of Microsoft's first communication to the customer. */
  readonly respondedAt: number;
  readonly idempotencyKey: string;
}

export interface SeverityChange {
  readonly tenantId: string;
  readonly caseId: string;
  /** The ticket read again: the new severity, and `clockStartsAt` at the change (SLA-RULES §11). */
  readonly input: SlaInput;
  readonly microsoft: MicrosoftClock;
  readonly changedAt: number;
  readonly idempotencyKey: string;
}

export interface TicketClosed {
  readonly tenantId: string;
  readonly caseId: string;
  readonly closedAt: number;
  readonly idempotencyKey: string;
}

export type SinkResult =
  | { readonly ok: true; readonly caseId: string }
  /** `retry`: a passing failure (store busy): the watcher tries again at the next poll. */
  | { readonly ok: false; readonly retry: boolean; readonly code: string; readonly sla?: SlaErrorInfo };

/** What the watcher asks of the case service; the card is posted by the channel's platform. */
export interface CaseSink {
  openFromTicket(request: OpenFromTicket): Promise<SinkResult>;
  recordFirstResponse(change: FirstResponse): Promise<SinkResult>;
  changeSeverity(change: SeverityChange): Promise<SinkResult>;
  close(change: TicketClosed): Promise<SinkResult>;
}

/** The idempotency key of the case opened from a ticket: one case per tenant and ticket, ever. */
export function openKey(tenantId: string, resourceId: string): string {
  return `azure:${tenantId}:${resourceId.toLowerCase()}`;
}

/** The key of a watch's poll lease and cursor: one per tenant and subscription. */
export function watchKey(tenantId: string, subscriptionId: string): string {
  return `${tenantId}:${subscriptionId.toLowerCase()}`;
}
