// The narrow ports the Azure ticket watcher needs from the rest of sla-bot. The watcher holds no SLA
// rule: the core reads a ticket (TicketReader), the case service owns the cases (CaseSink), and the
// store keeps what the watcher must remember across polls, restarts and replicas (WatchStore).
import type { SlaInput } from '../../src/sla/index.js';
import type { Platform } from '../../src/store/records.js';

/** Microsoft's own first-response clock as the ticket states it (`serviceLevelAgreement`). */
export interface MicrosoftClock {
  readonly startTime: number | null;
  readonly deadline: number | null;
  readonly slaMinutes: number | null;
}

/** The core's reading of one ticket resource (`readTicket` in src/sla, bound to a policy). */
export type TicketReading =
  | { readonly ok: true; readonly input: SlaInput; readonly microsoft: MicrosoftClock }
  | { readonly ok: false; readonly error: { readonly code: string; readonly message: string } };

/** Maps a ticket resource exactly as the API returns it; pure, never throws. */
export type TicketReader = (resource: unknown) => TicketReading;

/** Where a watched subscription's cases live: one channel per (tenant, subscription). */
export interface Watch {
  /** Slack team id or Teams tenant id: the case's tenant. */
  readonly tenantId: string;
  readonly subscriptionId: string;
  readonly platform: Platform;
  readonly channelId: string;
  /** Only tickets created at or after this instant become cases by themselves. */
  readonly since: number;
}

/** The ticket a case came from. */
export interface TicketRef {
  readonly subscriptionId: string;
  /** The resource name (`supportTickets/{name}`). */
  readonly name: string;
  /** The ARM resource id, lower-cased (ARM ids are case-insensitive): the ticket's identity. */
  readonly resourceId: string;
  /** Microsoft's support request number (`supportTicketId`), what people quote. */
  readonly number: string;
}

/**
 * Every call carries an idempotency key: a call repeated with the same key (after a crash, or by a
 * second replica) changes nothing and answers as the first did.
 */
export interface OpenFromTicket {
  readonly tenantId: string;
  readonly platform: Platform;
  readonly channelId: string;
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
  | { readonly ok: false; readonly retry: boolean; readonly code: string };

/** What the watcher asks of the case service; the card is posted by the channel's platform. */
export interface CaseSink {
  openFromTicket(request: OpenFromTicket): Promise<SinkResult>;
  recordFirstResponse(change: FirstResponse): Promise<SinkResult>;
  changeSeverity(change: SeverityChange): Promise<SinkResult>;
  close(change: TicketClosed): Promise<SinkResult>;
}

/** What the watcher remembers about a ticket it turned into a case. */
export interface TicketLink {
  readonly tenantId: string;
  readonly ticket: TicketRef;
  /** Null when the ticket could not become a case (`problem` says why). */
  readonly caseId: string | null;
  readonly problem: string | null;
  /** The core's severity (A, B, C) last applied to the case. */
  readonly severity: string | null;
  readonly respondedAt: number | null;
  readonly closed: boolean;
  /** The ticket's `modifiedDate` when the watcher last looked at its communications. */
  readonly checkedModified: number | null;
  readonly checkedAt: number | null;
  /** Optimistic concurrency: starts at 1, each save adds 1. */
  readonly version: number;
}

export type Claim = 'claimed' | 'linked' | 'busy';

/** Storage for the watcher; every method is atomic on its own (a SQL row, a map entry). */
export interface WatchStore {
  watches(): Promise<Watch[]>;
  /** Adds a watch, or moves a watched subscription to another channel keeping its `since`. */
  addWatch(watch: Watch): Promise<Watch>;
  /** The created-date watermark of a watch (epoch ms), or null before its first poll. */
  cursor(tenantId: string, subscriptionId: string): Promise<number | null>;
  /** Moves the watermark forward only (the later of the stored and the given). */
  advanceCursor(tenantId: string, subscriptionId: string, createdAt: number): Promise<void>;
  /** One replica polls a watch at a time: true when `holder` holds the lease until now + leaseMs. */
  leasePoll(key: string, holder: string, now: number, leaseMs: number): Promise<boolean>;
  releasePoll(key: string, holder: string): Promise<void>;
  /** Claims the right to open a case for a ticket; `linked` once a link is saved. */
  claimTicket(
    tenantId: string,
    resourceId: string,
    holder: string,
    now: number,
    leaseMs: number,
  ): Promise<Claim>;
  link(tenantId: string, resourceId: string): Promise<TicketLink | null>;
  /** Saves when the stored version is `expectedVersion` (null: none stored yet); false otherwise. */
  saveLink(link: TicketLink, expectedVersion: number | null): Promise<boolean>;
  /** Links of a watch whose case is not closed. */
  openLinks(tenantId: string, subscriptionId: string): Promise<TicketLink[]>;
}

/** The idempotency key of the case opened from a ticket: one case per tenant and ticket, ever. */
export function openKey(tenantId: string, resourceId: string): string {
  return `azure:${tenantId}:${resourceId.toLowerCase()}`;
}

/** The key of a watch's poll lease and cursor: one per tenant and subscription. */
export function watchKey(tenantId: string, subscriptionId: string): string {
  return `${tenantId}:${subscriptionId.toLowerCase()}`;
}
