// The port each chat adapter implements to post a reminder into a case's thread.
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

export interface Notifier {
  readonly platform: Platform;
  post(post: ThreadPost): Promise<void>;
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

/** Transient: try again later (Retry-After if given). Permanent: give up and flag the case. */
export class NotifierError extends Error {
  override readonly name = 'NotifierError';
  /** From the platform's Retry-After, when it sent one. */
  readonly retryAfterMs?: number;

  constructor(
    readonly kind: NotifierErrorKind,
    readonly reason: NotifierReason,
    options: { message?: string; retryAfterMs?: number; cause?: unknown } = {},
  ) {
    super(options.message ?? `${kind} notifier failure: ${reason}`, { cause: options.cause });
    this.retryAfterMs = options.retryAfterMs;
  }

  static transient(
    reason: NotifierReason,
    options?: { message?: string; retryAfterMs?: number; cause?: unknown },
  ) {
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
