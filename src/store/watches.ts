// What the Azure ticket watcher keeps in the store: which subscription's tickets go to which channel,
// how far discovery got, which replica polls, and which ticket became which case. The store knows
// these as plain records; the watcher (adapters/azure) decides what they mean.
import type { Platform } from './records.js';

/** Where a watched subscription's cases live: one channel per (tenant, subscription). */
export interface Watch {
  /** Slack team id or Teams tenant id: the case's tenant. */
  readonly tenantId: string;
  /** Lower-case GUID. */
  readonly subscriptionId: string;
  readonly platform: Platform;
  readonly channelId: string;
  /**
   * Where the channel's platform posts a card without a chat request (the case's first
   * `conversation`): `{ channel }` for Slack, the channel's card place for Teams. Null while unknown
   * (a Teams channel named in AZURE_WATCH, before anyone connected it from the channel).
   */
  readonly conversation: unknown;
  /** The language of the cards and notices of its cases. */
  readonly locale: string;
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

/** Storage for the watcher; every method is atomic on its own (one SQL statement, a map entry). */
export interface WatchStore {
  watches(): Promise<Watch[]>;
  /**
   * Adds a watch, or moves a watched subscription to another channel keeping its `since` and cursor.
   * A watch given without a `conversation` keeps the stored one while it names the same channel.
   */
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
