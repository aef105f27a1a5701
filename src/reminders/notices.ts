// The reminder vocabulary: every kind of notice the bot posts for a case, its typed payload and its
// rules. Adding a kind means adding it to `Notice` and to `NOTICE_KINDS`; the compiler then points at
// every switch that has to say what the new kind means.
import { z } from 'zod';
import type { DowngradeReason, WarningCode } from '../sla/index.js';

/** A share of the target used: "50% used, 1 hour left". */
export interface FractionNotice {
  readonly kind: 'fraction';
  readonly fraction: number;
  readonly remainingMinutes: number;
  readonly deadline: number;
}

/** A fixed time before the deadline: "15 minutes left". */
export interface BeforeNotice {
  readonly kind: 'before';
  readonly remainingMinutes: number;
  readonly deadline: number;
}

/** The deadline passed without a response; `overdueMinutes` > 0 when it was planned after the fact. */
export interface BreachNotice {
  readonly kind: 'breach';
  readonly deadline: number;
  readonly overdueMinutes?: number;
}

/** A severity-downgrade risk or a contact note of the case's situation (SLA-RULES §7). */
export interface WarningNotice {
  readonly kind: 'warning';
  readonly code: WarningCode;
  /** downgrade_risk: the severity it may be lowered to. */
  readonly to: string | null;
  readonly reason: DowngradeReason | null;
}

/** Microsoft has been waiting on us for a while. */
export interface WaitingNotice {
  readonly kind: 'waiting';
  readonly since: number;
  /** The severity the case may be lowered to, if any. */
  readonly to: string | null;
}

/** Who did what, said in the thread when nobody did it in the chat (the Azure watcher, an import). */
export interface NoteNotice {
  readonly kind: 'note';
  readonly event: NoteEvent;
  /** The name shown for who did it. */
  readonly actor: string;
  readonly data: Readonly<Record<string, string>>;
}

/**
 * Microsoft's own deadline for the support request the case follows is more than 3 minutes from ours
 * (SLA-RULES §10–§11): said once per case.
 */
export interface DisagreementNotice {
  readonly kind: 'disagreement';
  /** Our deadline. */
  readonly ours: number;
  /** Microsoft's (`serviceLevelAgreement.expirationTime`). */
  readonly microsoft: number;
}

/** Post the case's card in its channel (cases opened without a chat request). */
export interface CardNotice {
  readonly kind: 'card';
}

/** Re-render the card after a change made outside the chat; the latest one wins. */
export interface CardUpdateNotice {
  readonly kind: 'card_update';
  readonly version: number;
}

/** Re-render the card when the deadline passes, so it shows the breach by itself. */
export interface CardAtDeadlineNotice {
  readonly kind: 'card_at_deadline';
  readonly deadline: number;
}

export type Notice =
  | FractionNotice
  | BeforeNotice
  | BreachNotice
  | WarningNotice
  | WaitingNotice
  | NoteNotice
  | DisagreementNotice
  | CardNotice
  | CardUpdateNotice
  | CardAtDeadlineNotice;

export type NoticeKind = Notice['kind'];
export type NoticeOf<K extends NoticeKind> = Extract<Notice, { kind: K }>;

/** The notes the thread can carry: the `reminders:note.*` texts. */
export const NOTE_EVENTS = [
  'opened',
  'responded',
  'severity_changed',
  'commitment_changed',
  'available',
  'not_available',
  'waiting_on_us',
  'we_answered',
  'closed',
  'reopened',
] as const;
export type NoteEvent = (typeof NOTE_EVENTS)[number];

/**
 * How a new row meets the case's pending ones: `planned` rows are the case's plan and are replaced as
 * a set on every change; a `latest` row cancels the pending rows of its kind; a `once` row is only
 * ever added.
 */
export type Lifecycle = 'planned' | 'latest' | 'once';

export interface NoticeSpec<N extends Notice> {
  /** The key's middle part: the same point planned again gets the same key, so re-planning is idempotent. */
  label(notice: N): string;
  /** Checks a payload read back from the store. */
  readonly payload: z.ZodType<Omit<N, 'kind'>>;
  /** Left out of a plan once its time has passed, rather than posted late (a case opened late). */
  readonly skippableWhenPast: boolean;
  /** Still posted after the case was answered or closed (else only while it is open). */
  readonly postsAfterClosing: boolean;
  readonly lifecycle: Lifecycle;
  /** A reply in the case's thread, or the card itself. */
  readonly target: 'thread' | 'card';
}

// Every warning code, so that a code the core adds without a word here fails to compile.
const WARNING_CODES = {
  downgrade_risk: true,
  contact_details: true,
  business_hours_contact_only: true,
  other_channel_terms: true,
} as const satisfies Record<WarningCode, true>;
const DOWNGRADE_REASONS = {
  not_available_24x7: true,
  waiting_on_customer: true,
} as const satisfies Record<DowngradeReason, true>;

const instant = z.number().int().finite();
const minutes = z.number().finite().min(0);
const severity = z.string().min(1).max(8).nullable();

export const NOTICE_KINDS: { readonly [K in NoticeKind]: NoticeSpec<NoticeOf<K>> } = {
  fraction: {
    label: (n) => `fraction:${n.fraction}`,
    payload: z.object({ fraction: z.number().gt(0).lt(1), remainingMinutes: minutes, deadline: instant }),
    skippableWhenPast: true,
    postsAfterClosing: false,
    lifecycle: 'planned',
    target: 'thread',
  },
  before: {
    label: (n) => `before:${n.remainingMinutes}`,
    payload: z.object({ remainingMinutes: minutes, deadline: instant }),
    skippableWhenPast: true,
    postsAfterClosing: false,
    lifecycle: 'planned',
    target: 'thread',
  },
  breach: {
    label: () => 'breach',
    payload: z.object({ deadline: instant, overdueMinutes: minutes.optional() }),
    // A case registered (or reopened) after its deadline still gets one notice that it passed.
    skippableWhenPast: false,
    postsAfterClosing: false,
    lifecycle: 'planned',
    target: 'thread',
  },
  warning: {
    label: (n) => `warning:${n.code}${n.to ? `:${n.to}` : ''}`,
    payload: z.object({
      code: z.enum(Object.keys(WARNING_CODES) as [WarningCode, ...WarningCode[]]),
      to: severity,
      reason: z.enum(Object.keys(DOWNGRADE_REASONS) as [DowngradeReason, ...DowngradeReason[]]).nullable(),
    }),
    // Due when its situation began: a warning is never too old to matter.
    skippableWhenPast: false,
    postsAfterClosing: false,
    lifecycle: 'planned',
    target: 'thread',
  },
  waiting: {
    label: () => 'waiting',
    payload: z.object({ since: instant, to: severity }),
    skippableWhenPast: true,
    postsAfterClosing: false,
    lifecycle: 'planned',
    target: 'thread',
  },
  note: {
    label: (n) => `note:${n.event}`,
    payload: z.object({
      event: z.enum(NOTE_EVENTS),
      actor: z.string().max(200),
      data: z.record(z.string(), z.string().max(200)),
    }),
    skippableWhenPast: false,
    postsAfterClosing: true,
    lifecycle: 'once',
    target: 'thread',
  },
  disagreement: {
    label: () => 'disagreement',
    payload: z.object({ ours: instant, microsoft: instant }),
    skippableWhenPast: false,
    // Worth knowing while the case runs; once answered or closed it changes nothing.
    postsAfterClosing: false,
    lifecycle: 'once',
    target: 'thread',
  },
  card: {
    label: () => 'card',
    payload: z.object({}),
    skippableWhenPast: false,
    postsAfterClosing: true,
    lifecycle: 'once',
    target: 'card',
  },
  card_update: {
    label: (n) => `card_update:${n.version}`,
    payload: z.object({ version: z.number().int().min(1) }),
    skippableWhenPast: false,
    postsAfterClosing: true,
    lifecycle: 'latest',
    target: 'card',
  },
  card_at_deadline: {
    label: () => 'card_at_deadline',
    payload: z.object({ deadline: instant }),
    skippableWhenPast: false,
    postsAfterClosing: false,
    lifecycle: 'planned',
    target: 'card',
  },
};

export function specOf<K extends NoticeKind>(kind: K): NoticeSpec<NoticeOf<K>> {
  return NOTICE_KINDS[kind];
}

export function isNoticeKind(value: string): value is NoticeKind {
  return Object.hasOwn(NOTICE_KINDS, value);
}

/** The label of a notice (`fraction:0.5`, `warning:downgrade_risk:B`, `card`). */
export function noticeLabel(notice: Notice): string {
  return (NOTICE_KINDS[notice.kind] as NoticeSpec<Notice>).label(notice);
}

export function noticeSpec(notice: Notice): NoticeSpec<Notice> {
  return NOTICE_KINDS[notice.kind] as NoticeSpec<Notice>;
}

/** A stored row whose kind or payload is not one of ours (a bug, or a row from a newer version). */
export interface UnreadableNotice {
  readonly kind: 'unreadable';
  readonly storedKind: string;
  readonly problem: string;
}

/** A notice as stored (its kind and its JSON payload), checked. */
export function readNotice(kind: string, payload: unknown): Notice | UnreadableNotice {
  if (!isNoticeKind(kind)) return { kind: 'unreadable', storedKind: kind, problem: 'unknown kind' };
  const parsed = NOTICE_KINDS[kind].payload.safeParse(payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') || 'payload';
    return { kind: 'unreadable', storedKind: kind, problem: `${where}: ${issue?.message ?? 'invalid'}` };
  }
  return { ...parsed.data, kind } as Notice;
}

/** The payload to store: the notice without its kind (the kind has its own column). */
export function noticePayload(notice: Notice): Record<string, unknown> {
  const { kind: _kind, ...payload } = notice;
  return payload;
}
