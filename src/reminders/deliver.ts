// Delivers one claimed notice and records the outcome. Every mark is fenced by the owner, so a
// dispatcher whose lease was taken over records nothing ('fenced'). A notice goes only into its
// case's thread: while the card is not posted yet it waits, without using up an attempt.
import type { CaseView, UnevaluableCase } from '../cases/types.js';
import type { ThreadNotice } from '../messages/reminder-text.js';
import type { CaseRecord, Platform, ReminderRow } from '../store/records.js';
import type { CaseStore, ClaimedReminder, ReminderQueue } from '../store/store.js';
import { jittered, type Random, retryDelayMs, threadWaitDelayMs } from './backoff.js';
import { type Notice, noticeSpec } from './notices.js';
import { type Notifier, NotifierError, toNotifierError } from './notifier.js';
import { type Pacer, PacingStopped, type Turn } from './pacer.js';

/** `deferred`: given back without using an attempt (its card not posted yet, its channel busy). */
export type Outcome = 'sent' | 'retried' | 'deferred' | 'failed' | 'cancelled' | 'fenced';

/** How the dispatcher sees a case: evaluated now, or why it no longer evaluates. */
export interface CaseViewer {
  viewAt(record: CaseRecord, at: number): CaseView | UnevaluableCase;
}

export interface DeliveryContext {
  readonly store: ReminderQueue & Pick<CaseStore, 'flagCase' | 'attachConversation'>;
  readonly notifiers: Partial<Record<Platform, Notifier>>;
  readonly cases: CaseViewer;
  readonly pacer: Pacer;
  now(): number;
  readonly owner: string;
  readonly maxAttempts: number;
  /** How long a notice waits for its case's card before the case is flagged `card_not_posted`. */
  readonly threadWaitMs: number;
  readonly random: Random;
}

export interface Delivered {
  readonly outcome: Outcome;
  /** The case as it is after this delivery (its conversation, once its card is posted). */
  readonly record: CaseRecord | null;
}

/** Whether a notice still goes out while the case is in `state`. */
export function shouldPost(notice: Notice, state: string): boolean {
  return state === 'open' || noticeSpec(notice).postsAfterClosing;
}

/** One try: the row, its case, and whether this try already looked on the platform. */
interface Tried {
  readonly reminder: ReminderRow;
  readonly record: CaseRecord;
  /** This try looked on the platform (after an uncertain one) and found it not posted. */
  readonly checked: boolean;
}

interface Attempt extends Tried {
  record: CaseRecord;
  readonly notifier: Notifier;
  checked: boolean;
}

export async function deliver(claimed: ClaimedReminder, ctx: DeliveryContext): Promise<Delivered> {
  try {
    return await deliverOnce(claimed, ctx);
  } catch (error) {
    // The store failed while marking: the lease runs out and the row comes back (as uncertain).
    throw error instanceof StoreFailure ? error.cause : error;
  }
}

async function deliverOnce(claimed: ClaimedReminder, ctx: DeliveryContext): Promise<Delivered> {
  const { reminder, caseRecord: record } = claimed;
  const { notice } = reminder;
  const mark = (outcome: Promise<Outcome>) => outcome.then((o) => ({ outcome: o, record }));
  if (!record) return mark(cancel(reminder, 'case_missing', ctx));
  if (notice.kind === 'unreadable')
    return mark(fail(reminder, `unreadable: ${notice.storedKind}: ${notice.problem}`, ctx));
  if (!shouldPost(notice, record.state)) return mark(cancel(reminder, `case_${record.state}`, ctx));
  const notifier = ctx.notifiers[record.platform];
  if (!notifier) {
    const off = NotifierError.transient('platform_disabled', { message: `no ${record.platform} notifier` });
    return mark(onFailure({ reminder, record, checked: false }, off, ctx));
  }
  const attempt: Attempt = { reminder, record, notifier, checked: false };
  try {
    const outcome =
      notice.kind === 'card'
        ? await postCard(attempt, ctx)
        : notice.kind === 'card_update' || notice.kind === 'card_at_deadline'
          ? await refreshCard(attempt, ctx)
          : await postNotice(attempt, notice, ctx);
    return { outcome, record: attempt.record };
  } catch (error) {
    if (error instanceof StoreFailure) throw error;
    if (error instanceof PacingStopped) return mark(defer(attempt, 0, 'dispatcher stopping', ctx));
    const failure = toNotifierError(error);
    const outcome = await onFailure(attempt, failure, ctx);
    // The rest of the case's batch sees the flag (its notices stop waiting for a card that will not come).
    const flagged = outcome === 'failed' && failure.kind === 'permanent';
    return { outcome, record: flagged ? { ...attempt.record, flag: failure.reason } : attempt.record };
  }
}

async function postNotice(attempt: Attempt, notice: ThreadNotice, ctx: DeliveryContext): Promise<Outcome> {
  const { reminder, record, notifier } = attempt;
  if (!notifier.hasThread(record)) return waitForThread(attempt, ctx);
  const view = ctx.cases.viewAt(record, ctx.now());
  const post = { record, reminder, notice, timeZone: view.assessment?.timeZone ?? zoneOf(record) };
  if (reminder.uncertain && notifier.findPost) {
    if (await notifier.findPost(post)) return sent(attempt, ctx);
    attempt.checked = true;
  }
  const turn = await paced(attempt, ctx);
  if (!('release' in turn)) return turn.deferred;
  try {
    await notifier.post(post);
  } finally {
    turn.release();
  }
  return sent(attempt, ctx);
}

/** Posts the card of a case opened without a chat request, and stores where it lives. */
async function postCard(attempt: Attempt, ctx: DeliveryContext): Promise<Outcome> {
  const { record, notifier } = attempt;
  if (notifier.hasThread(record)) return sent(attempt, ctx); // posted already (e.g. in the chat request)
  const view = ctx.cases.viewAt(record, ctx.now());
  if (!view.assessment) throw unevaluable(view);
  const card = { record, view };
  if (attempt.reminder.uncertain && notifier.findCard) {
    const found = await notifier.findCard(card);
    if (found) return attach(attempt, found, ctx);
    attempt.checked = true;
  }
  const turn = await paced(attempt, ctx);
  if (!('release' in turn)) return turn.deferred;
  let conversation: unknown;
  try {
    conversation = await notifier.postCard(card);
  } finally {
    turn.release();
  }
  return attach(attempt, conversation, ctx);
}

/** Renders the card again (a change nobody made in the chat, the deadline passing): idempotent. */
async function refreshCard(attempt: Attempt, ctx: DeliveryContext): Promise<Outcome> {
  const { record, notifier } = attempt;
  if (!notifier.hasThread(record)) return waitForThread(attempt, ctx);
  const view = ctx.cases.viewAt(record, ctx.now());
  if (!view.assessment) return cancel(attempt.reminder, `unevaluable: ${view.problem.code}`, ctx);
  const turn = await paced(attempt, ctx);
  if (!('release' in turn)) return turn.deferred;
  try {
    await notifier.updateCard({ record, view });
  } finally {
    turn.release();
  }
  return sent(attempt, ctx);
}

/** The card is not there yet: look again soon, or flag the case once it is clear it never will be. */
async function waitForThread(attempt: Attempt, ctx: DeliveryContext): Promise<Outcome> {
  const { reminder, record } = attempt;
  const now = ctx.now();
  if (record.flag) return fail(reminder, `no_thread: ${record.flag}`, ctx);
  const waited = now - Math.max(reminder.dueAt, record.createdAt);
  if (waited >= ctx.threadWaitMs) {
    const minutes = Math.round(ctx.threadWaitMs / 60_000);
    const failed = await fail(reminder, `no_thread: the card was not posted within ${minutes} min`, ctx);
    if (failed === 'failed')
      await store(ctx.store.flagCase(record.tenantId, record.id, 'card_not_posted', now));
    return failed;
  }
  return defer(attempt, threadWaitDelayMs(waited, ctx.random), 'waiting for the card to be posted', ctx);
}

/** Waits for this channel's turn; a channel with too many posts queued gives the row back. */
async function paced(attempt: Attempt, ctx: DeliveryContext): Promise<Turn | { deferred: Outcome }> {
  const { record, notifier } = attempt;
  const turn = await ctx.pacer.acquire(channelKey(record), notifier.perChannelIntervalMs);
  if ('release' in turn) return turn;
  return { deferred: await defer(attempt, jittered(turn.deferMs, ctx.random), 'channel busy', ctx) };
}

async function attach(attempt: Attempt, conversation: unknown, ctx: DeliveryContext): Promise<Outcome> {
  const { record } = attempt;
  const now = ctx.now();
  await store(ctx.store.attachConversation(record.tenantId, record.id, conversation, now));
  attempt.record = { ...record, conversation, version: record.version + 1, updatedAt: now };
  return sent(attempt, ctx);
}

async function onFailure(attempt: Tried, error: NotifierError, ctx: DeliveryContext): Promise<Outcome> {
  const { reminder, record } = attempt;
  const { store: queue, owner } = ctx;
  const now = ctx.now();
  const detail = `${error.reason}: ${error.message}`.slice(0, 500);
  if (error.kind === 'permanent') {
    const applied = await store(queue.markFailed(reminder.id, owner, detail));
    if (applied) await store(queue.flagCase(reminder.tenantId, reminder.caseId, error.reason, now));
    return fenced(applied, 'failed');
  }
  const uncertain = error.maybePosted || (reminder.uncertain && !attempt.checked);
  if (error.reason === 'rate_limited') {
    // The platform refused before posting: slow this channel down, and keep the attempt.
    const wait = retryDelayMs(reminder.attempts, error.retryAfterMs ?? 1000, ctx.random);
    ctx.pacer.pause(channelKey(record), wait);
    const retry = { nextAttemptAt: now + wait, error: detail, countsAsAttempt: false, uncertain };
    return fenced(await store(queue.markRetry(reminder.id, owner, retry)), 'retried');
  }
  if (reminder.attempts >= ctx.maxAttempts) {
    const gaveUp = `gave up after ${reminder.attempts} attempts: ${detail}`;
    return fenced(await store(queue.markFailed(reminder.id, owner, gaveUp)), 'failed');
  }
  const next = now + retryDelayMs(reminder.attempts, error.retryAfterMs, ctx.random);
  const retry = { nextAttemptAt: next, error: detail, countsAsAttempt: true, uncertain };
  return fenced(await store(queue.markRetry(reminder.id, owner, retry)), 'retried');
}

async function defer(attempt: Tried, ms: number, why: string, ctx: DeliveryContext): Promise<Outcome> {
  const { reminder } = attempt;
  const retry = {
    nextAttemptAt: ctx.now() + ms,
    error: `deferred: ${why}`,
    countsAsAttempt: false,
    uncertain: reminder.uncertain && !attempt.checked,
  };
  return fenced(await store(ctx.store.markRetry(reminder.id, ctx.owner, retry)), 'deferred');
}

async function sent(attempt: Attempt, ctx: DeliveryContext): Promise<Outcome> {
  return fenced(await store(ctx.store.markSent(attempt.reminder.id, ctx.owner, ctx.now())), 'sent');
}

async function fail(reminder: ReminderRow, detail: string, ctx: DeliveryContext): Promise<Outcome> {
  return fenced(await store(ctx.store.markFailed(reminder.id, ctx.owner, detail.slice(0, 500))), 'failed');
}

async function cancel(reminder: ReminderRow, reason: string, ctx: DeliveryContext): Promise<Outcome> {
  return fenced(await store(ctx.store.markCancelled(reminder.id, ctx.owner, reason)), 'cancelled');
}

function fenced(applied: boolean, outcome: Outcome): Outcome {
  return applied ? outcome : 'fenced';
}

/** A store failure after the platform accepted the post must not be taken for a failed post. */
class StoreFailure extends Error {}

async function store<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    throw new StoreFailure('store', { cause: error });
  }
}

function unevaluable(view: UnevaluableCase): NotifierError {
  return NotifierError.permanent('unevaluable', {
    message: `the case no longer evaluates: ${view.problem.code}`,
  });
}

function channelKey(record: CaseRecord): string {
  return `${record.platform}:${record.tenantId}:${record.channelId}`;
}

/** The zone a case that no longer evaluates is written in: its own, if it has one. */
function zoneOf(record: CaseRecord): string {
  const zone = record.input.timeZone;
  return typeof zone === 'string' && zone ? zone : 'UTC';
}
