import type { Assessment, SlaErrorInfo, SlaInput } from '../sla/index.js';
import type { CaseRecord, Platform } from '../store/records.js';

export type { StoredInput, Tracking } from '../store/records.js';

/** A person acting in a chat platform. */
export interface Actor {
  readonly id: string;
  readonly name?: string;
  /** The person's interface locale (Slack user locale, Teams activity locale). */
  readonly locale: string;
  /**
   * Nobody saw this change happen in a chat (the Azure watcher, an import): the bot says it in the
   * case's thread and renders the card again. A chat button does both in its own request.
   */
  readonly announce?: boolean;
}

export interface Clock {
  now(): number;
}

export interface OpenCaseRequest {
  readonly tenantId: string;
  readonly platform: Platform;
  readonly channelId: string;
  /** Opaque to the core: where the case's card and thread live (set again once the card is posted). */
  readonly conversation: unknown;
  readonly caseNumber: string;
  readonly title: string;
  readonly input: SlaInput;
  readonly openedBy: Actor;
  /** A retried chat delivery carries the same key and opens nothing twice. */
  readonly idempotencyKey?: string;
  /**
   * Who posts the case's card: the dispatcher (default; `conversation` then says where, e.g.
   * `{ channel }` for Slack), or the chat request that opened it, which then calls `attachConversation`.
   * Either way the notices due at opening wait until the card is there.
   */
  readonly card?: 'queued' | 'posted_by_caller';
}

/** First response recorded: met at or before the deadline, else breached, and by how much. */
export interface Outcome {
  readonly respondedAt: number;
  readonly met: boolean;
  /** Real minutes between the response and the deadline (always positive). */
  readonly marginMinutes: number;
}

/** Microsoft's own clock for a case opened from an Azure ticket (SLA-RULES §10–§11), beside ours. */
export interface MicrosoftSide {
  readonly ticketNumber: string;
  /** Microsoft's first-response deadline (`serviceLevelAgreement.expirationTime`), epoch ms. */
  readonly deadline: number | null;
  /** Ours minus Microsoft's; `reason` as `compareWithMicrosoft` gives it (null, ticket_target, mid_change, disagrees, no_microsoft_deadline). */
  readonly agreement: {
    readonly differenceMinutes: number | null;
    readonly agrees: boolean | null;
    readonly reason: string | null;
  };
}

export interface CaseView {
  readonly record: CaseRecord;
  readonly assessment: Assessment;
  readonly outcome: Outcome | null;
  readonly microsoft?: MicrosoftSide;
}

/** A stored case the core no longer evaluates (e.g. stored before a policy change), and why. */
export interface UnevaluableCase {
  readonly record: CaseRecord;
  readonly assessment: null;
  readonly outcome: null;
  readonly problem: SlaErrorInfo;
}

/** What a list shows: each case evaluated, or the reason it cannot be. */
export type ListedCase = CaseView | UnevaluableCase;

export type CaseErrorCode =
  | 'not_found'
  | 'invalid_state'
  | 'conflict'
  | 'duplicate'
  | 'invalid_case'
  /** Registered with an opening later than now (beyond a few minutes of clock skew). */
  | 'opened_in_future'
  /** A first response later than now (beyond the clock skew). */
  | 'response_in_future'
  /** A first response before the case was opened. */
  | 'response_before_opening';

export type CaseFailure =
  | { readonly kind: 'sla'; readonly error: SlaErrorInfo }
  | { readonly kind: 'case'; readonly code: CaseErrorCode; readonly params: Record<string, string> };

export type CaseResult = { ok: true; view: CaseView } | { ok: false; failure: CaseFailure };
