// Domain records shared by the store, the case service and the dispatcher. Instants are epoch ms.
import { type Notice, noticeLabel, type UnreadableNotice } from '../reminders/notices.js';
import type { SlaInput } from '../sla/index.js';

/**
 * The chat platform a case lives in ('slack', 'teams', …): its adapter's name. Any name will do, so
 * a third platform needs no change here; the dispatcher posts through the notifier of that name.
 */
export type Platform = string;
export type CaseState = 'open' | 'responded' | 'closed';

/** What the case itself remembers besides the SLA input: when situations began. */
export interface Tracking {
  /** Microsoft is waiting on the customer since then (null: not waiting). */
  waitingSince?: number | null;
  /** When the 24x7 availability was last withdrawn. */
  availabilityWithdrawnAt?: number | null;
}

/**
 * Where a case came from when it was not typed into a chat: an Azure support ticket, with Microsoft's
 * own first-response clock as last read from it (SLA-RULES §10–§11), kept beside ours.
 */
export interface CaseSource {
  readonly kind: 'azure';
  /** Microsoft's support request number (`supportTicketId`). */
  readonly ticketNumber: string;
  /** The ticket's ARM resource id, lower-case. */
  readonly resourceId: string;
  /** `serviceLevelAgreement` as last read: epoch ms and minutes, null where the ticket has none. */
  readonly microsoft: {
    readonly startTime: number | null;
    readonly deadline: number | null;
    readonly slaMinutes: number | null;
  };
}

/** The SLA input as stored on a case, with its tracking. */
export type StoredInput = SlaInput & { tracking?: Tracking };

export interface CaseRecord {
  id: string;
  /** Slack team id or Teams tenant id: every read and write is scoped by it. */
  tenantId: string;
  platform: Platform;
  channelId: string;
  /** Opaque JSON the adapter understands (thread ts, conversation reference). */
  conversation: unknown;
  caseNumber: string;
  title: string;
  /** The SLA input as stored (checked for its shape when read back; `evaluate` checks the rest). */
  input: StoredInput;
  openedBy: string;
  openedByLocale: string;
  state: CaseState;
  respondedAt: number | null;
  /** Kept for listing soonest-first. */
  deadline: number | null;
  /** Set after a permanent notifier failure, e.g. 'channel_not_found'. */
  flag: string | null;
  createdAt: number;
  updatedAt: number;
  /** Optimistic concurrency; starts at 1. */
  version: number;
  /**
   * The key it was opened with (a chat delivery's id, `azure:<tenant>:<ticket id>`): a tenant has at
   * most one case per key, also with several replicas and across restarts. Absent when none was given.
   */
  openKey?: string;
  /** The Azure ticket the case follows; absent for a case opened in a chat. */
  source?: CaseSource;
}

export interface CaseEvent {
  id?: number;
  caseId: string;
  tenantId: string;
  at: number;
  actor: string;
  kind: string;
  data: Record<string, unknown>;
}

export type ReminderState = 'pending' | 'sent' | 'failed' | 'cancelled';

export interface ReminderRow {
  id: string;
  caseId: string;
  tenantId: string;
  /** What to post, typed by its kind; `unreadable` when the stored row is not one of ours. */
  notice: Notice | UnreadableNotice;
  dueAt: number;
  /** Unique: see `reminderKey`. */
  key: string;
  state: ReminderState;
  attempts: number;
  nextAttemptAt: number | null;
  claimedBy: string | null;
  leaseUntil: number | null;
  lastError: string | null;
  sentAt: number | null;
  /**
   * An earlier attempt may have posted it after all (its lease ran out mid-post, or the platform's
   * answer was lost): check the platform before posting again where it can tell.
   */
  uncertain: boolean;
}

/** The unique key of a planned reminder: re-planning the same point yields the same key. */
export function reminderKey(caseId: string, label: string, dueAt: number): string {
  return `${caseId}:${label}:${dueAt}`;
}

/** A notice planned for a case and not yet posted; its id is its key unless one is given. */
export function pendingReminder(
  caseRecord: Pick<CaseRecord, 'id' | 'tenantId'>,
  notice: Notice,
  dueAt: number,
  key = reminderKey(caseRecord.id, noticeLabel(notice), dueAt),
  id = key,
): ReminderRow {
  return {
    id,
    caseId: caseRecord.id,
    tenantId: caseRecord.tenantId,
    notice,
    dueAt,
    key,
    state: 'pending',
    attempts: 0,
    nextAttemptAt: null,
    claimedBy: null,
    leaseUntil: null,
    lastError: null,
    sentAt: null,
    uncertain: false,
  };
}
