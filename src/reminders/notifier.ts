// The port each chat adapter implements: post a case's card and keep it current, and post notices
// as replies in the card's thread.
import type { CaseView } from '../cases/types.js';
import type { ThreadNotice } from '../messages/reminder-text.js';
import type { CaseRecord, Platform, ReminderRow } from '../store/records.js';

/** One notice to post as a reply in its case's thread. */
export interface ThreadPost {
  readonly record: CaseRecord;
  /** The stored row: its key identifies the post (Slack keeps it in the message's metadata). */
  readonly reminder: ReminderRow;
  readonly notice: ThreadNotice;
  /** The zone the customer reads times in, as the core decided it for this case. */
  readonly timeZone: string;
}

/** A case's card, evaluated now, to post or to render again in place. */
export interface CardPost {
  readonly record: CaseRecord;
  readonly view: CaseView;
}

export interface Notifier {
  readonly platform: Platform;
  /** Posts into one channel are spaced by this much (Slack allows about one message a second). */
  readonly perChannelIntervalMs: number;
  /** Whether the case's card is posted, so its thread exists. */
  hasThread(record: CaseRecord): boolean;
  /** A reply in the case's thread; never anywhere else. */
  post(post: ThreadPost): Promise<void>;
  /** Posts the case's card in its channel; resolves with where it lives (the case's new `conversation`). */
  postCard(card: CardPost): Promise<unknown>;
  /** Renders the posted card again in place. */
  updateCard(card: CardPost): Promise<void>;
  /** After an uncertain try: whether the notice is already in the thread. Absent: the platform cannot tell. */
  findPost?(post: ThreadPost): Promise<boolean>;
  /** After an uncertain try: where the card already is, or null. Absent: the platform cannot tell. */
  findCard?(card: CardPost): Promise<unknown | null>;
}

export type NotifierErrorKind = 'transient' | 'permanent';

/** Known reasons; adapters may use others. */
export type NotifierReason =
  | 'rate_limited'
  | 'server_error'
  | 'timeout'
  | 'network'
  | 'channel_not_found'
  | 'not_in_channel'
  | 'is_archived'
  | 'bot_removed'
  | 'unknown'
  | (string & {});

interface TransientOptions {
  message?: string;
  retryAfterMs?: number;
  cause?: unknown;
  /** Whether the platform may have posted it after all; default: yes unless it was rate limited. */
  maybePosted?: boolean;
}

/** Transient: try again later (Retry-After if given). Permanent: give up and flag the case. */
export class NotifierError extends Error {
  override readonly name = 'NotifierError';
  /** From the platform's Retry-After, when it sent one. */
  readonly retryAfterMs?: number;
  /** The try may have reached the platform (a timeout, a lost answer, a 5xx): check before posting again. */
  readonly maybePosted: boolean;

  constructor(
    readonly kind: NotifierErrorKind,
    readonly reason: NotifierReason,
    options: TransientOptions = {},
  ) {
    super(options.message ?? `${kind} notifier failure: ${reason}`, { cause: options.cause });
    this.retryAfterMs = options.retryAfterMs;
    this.maybePosted = kind === 'transient' && (options.maybePosted ?? reason !== 'rate_limited');
  }

  static transient(reason: NotifierReason, options?: TransientOptions) {
    return new NotifierError('transient', reason, options);
  }

  static permanent(reason: NotifierReason, options?: { message?: string; cause?: unknown }) {
    return new NotifierError('permanent', reason, options);
  }
}

/** Wraps anything thrown once: errors we do not know are transient, so nothing is dropped on a hunch. */
export function toNotifierError(error: unknown): NotifierError {
  if (error instanceof NotifierError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return NotifierError.transient('unknown', { message, cause: error });
}
