// The storage port. Every method is async and never reads the clock: instants come in as `now`.
import type { CaseEvent, CaseRecord, CaseState, Platform, ReminderRow } from './records.js';
import type { WatchStore } from './watches.js';

export type { WatchStore } from './watches.js';

export type Dialect = 'sqlite' | 'postgres';

export interface CaseQuery {
  tenantId: string;
  channelId?: string;
  openedBy?: string;
  states?: readonly CaseState[];
}

export interface ClaimOptions {
  now: number;
  limit: number;
  /** Who holds the lease; the mark* methods only apply for this owner (fencing). */
  owner: string;
  leaseMs: number;
}

/** A claimed reminder with its case (null if the case no longer exists). */
export interface ClaimedReminder {
  reminder: ReminderRow;
  caseRecord: CaseRecord | null;
}

export interface MigrationStatus {
  applied: number[];
  pending: number[];
}

export interface StoreStats {
  openCases: number;
  remindersPending: number;
  remindersSent: number;
  remindersFailed: number;
  /** now − the oldest due pending reminder's dueAt; 0 when nothing is overdue. */
  oldestDueLagMs: number;
}

/** A case written together with what follows from it, in one transaction. */
export interface CaseChange {
  readonly record: CaseRecord;
  /** null: a new case (insert). Otherwise the stored version this change was made from. */
  readonly expectedVersion: number | null;
  readonly event: CaseEvent | null;
  /** The case's whole plan now (its `planned` notices): pending planned rows not in it are cancelled. */
  readonly plan: readonly ReminderRow[];
  /** One-off notices to add (a card to post, a card update, a note); a `latest` one supersedes. */
  readonly notices: readonly ReminderRow[];
}

/** How a claimed reminder is given back for a later try. */
export interface Retry {
  readonly nextAttemptAt: number;
  readonly error: string;
  /** False when the try never reached the platform (429, thread not there yet): the attempt is given back. */
  readonly countsAsAttempt: boolean;
  /** The try may have posted after all: check before posting again. */
  readonly uncertain: boolean;
}

/** The database itself: its schema, its health, its end. */
export interface StoreAdmin {
  readonly dialect: Dialect;
  /** Applies pending migrations (up to `to`, for tests); safe to run on every start and concurrently. */
  migrate(options?: { to?: number }): Promise<MigrationStatus>;
  migrationStatus(): Promise<MigrationStatus>;
  /** Resolves when the database answers; rejects otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
  stats(now: number): Promise<StoreStats>;
}

/** Cases, their events and their plans: what the case service needs. */
export interface CaseStore {
  /**
   * Writes a case, its event, its re-planned reminders and its one-off notices atomically, so a crash
   * can never leave a case without its reminders. False (nothing written) when the stored version
   * is not `expectedVersion`, or, for a new case, when the tenant already has its `openKey`.
   */
  saveCase(change: CaseChange, now: number): Promise<boolean>;
  /**
   * Writes new cases (`expectedVersion` null) with their events, plans and notices, in one
   * transaction: the bulk path. One answer per change: false where the tenant already has a case
   * with that `openKey` (nothing of it is written).
   */
  saveNewCases(changes: readonly CaseChange[], now: number): Promise<boolean[]>;
  getCase(tenantId: string, id: string): Promise<CaseRecord | null>;
  /** The tenant's case opened with this key, or null. */
  findCaseByOpenKey(tenantId: string, openKey: string): Promise<CaseRecord | null>;
  /** Soonest deadline first, cases without a deadline last. */
  listCases(query: CaseQuery): Promise<CaseRecord[]>;
  /** Sets the case's flag and bumps its version, so a stale writer cannot erase it. */
  flagCase(tenantId: string, caseId: string, flag: string | null, now: number): Promise<boolean>;
  /** Stores where the case's card lives once it is posted, and bumps the version. */
  attachConversation(tenantId: string, caseId: string, conversation: unknown, now: number): Promise<boolean>;
  listEvents(tenantId: string, caseId: string): Promise<CaseEvent[]>;
}

/** The reminder queue: what the dispatcher needs (and flagging the case of a permanent failure). */
export interface ReminderQueue {
  /** Leases up to `limit` due, unleased pending reminders (attempts + 1), oldest due first. */
  claimDue(options: ClaimOptions): Promise<ClaimedReminder[]>;
  /** Keeps the leases of posts still running alive (only this owner's); returns how many. */
  extendLeases(ids: readonly string[], owner: string, leaseUntil: number): Promise<number>;
  markSent(id: string, owner: string, now: number): Promise<boolean>;
  /** Releases the lease; the row is claimable again from `retry.nextAttemptAt`. */
  markRetry(id: string, owner: string, retry: Retry): Promise<boolean>;
  markFailed(id: string, owner: string, error: string): Promise<boolean>;
  /** For a claimed reminder that should not be posted any more (case closed or responded). */
  markCancelled(id: string, owner: string, reason: string): Promise<boolean>;
  /** When the next pending reminder falls due after `now` (null: none), so a dispatcher can wake for it. */
  nextDueAfter(now: number): Promise<number | null>;
}

/** Keys seen once: idempotency for retried chat deliveries. */
export interface DedupStore {
  /** True the first time `key` is seen. */
  remember(key: string, now: number): Promise<boolean>;
  /** Drops keys first seen before `before`; returns how many (the dispatcher's upkeep calls it). */
  forget(before: number): Promise<number>;
}

/** Per-workspace app installations (Slack OAuth). */
export interface InstallationStore {
  saveInstallation(platform: Platform, key: string, json: unknown): Promise<void>;
  getInstallation(platform: Platform, key: string): Promise<unknown | null>;
  deleteInstallation(platform: Platform, key: string): Promise<boolean>;
}

/** Every role at once: what `openStore` gives. Code that needs one role asks for that role. */
export interface Store
  extends StoreAdmin,
    CaseStore,
    ReminderQueue,
    DedupStore,
    InstallationStore,
    WatchStore {}
