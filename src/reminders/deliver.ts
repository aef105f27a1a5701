// Posts one claimed reminder and records the outcome. Every mark is fenced by the owner, so a
// dispatcher whose lease was taken over records nothing ('fenced').
import type { CaseView, UnevaluableCase } from '../cases/types.js';
import type { CaseRecord, Platform, ReminderRow } from '../store/records.js';
import type { ClaimedReminder, Store } from '../store/store.js';
import { retryDelayMs } from './backoff.js';
import { type Notice, noticeSpec } from './notices.js';
import { type Notifier, NotifierError, toNotifierError } from './notifier.js';

export type Outcome = 'sent' | 'retried' | 'failed' | 'cancelled' | 'fenced';

/** How the dispatcher sees a case: evaluated now, or why it no longer evaluates. */
export interface CaseViewer {
  viewAt(record: CaseRecord, at: number): CaseView | UnevaluableCase;
}

export interface DeliveryContext {
  store: Store;
  notifiers: Partial<Record<Platform, Notifier>>;
  cases: CaseViewer;
  now(): number;
  owner: string;
  maxAttempts: number;
  postTimeoutMs: number;
}

/** Whether a notice still goes out while the case is in `state`. */
export function shouldPost(notice: Notice, state: string): boolean {
  return state === 'open' || noticeSpec(notice).postsAfterClosing;
}

export async function deliver(claimed: ClaimedReminder, ctx: DeliveryContext): Promise<Outcome> {
  const { reminder, caseRecord } = claimed;
  const { store, owner } = ctx;
  const { notice } = reminder;
  if (!caseRecord) return fenced(await store.markCancelled(reminder.id, owner, 'case_missing'), 'cancelled');
  if (notice.kind === 'unreadable') {
    const detail = `unreadable: ${notice.storedKind}: ${notice.problem}`.slice(0, 500);
    return fenced(await store.markFailed(reminder.id, owner, detail), 'failed');
  }
  if (!shouldPost(notice, caseRecord.state)) {
    return fenced(await store.markCancelled(reminder.id, owner, `case_${caseRecord.state}`), 'cancelled');
  }
  try {
    const notifier = ctx.notifiers[caseRecord.platform];
    if (!notifier)
      throw NotifierError.transient('platform_disabled', { message: `no ${caseRecord.platform} notifier` });
    if (notice.kind === 'card' || notice.kind === 'card_update' || notice.kind === 'card_at_deadline')
      throw NotifierError.permanent('not_supported', { message: `${notice.kind} is not posted yet` });
    const view = ctx.cases.viewAt(caseRecord, ctx.now());
    const timeZone = view.assessment?.timeZone ?? 'UTC';
    await withTimeout(notifier.post({ record: caseRecord, reminder, notice, timeZone }), ctx.postTimeoutMs);
  } catch (error) {
    return onFailure(reminder, toNotifierError(error), ctx);
  }
  return fenced(await store.markSent(reminder.id, owner, ctx.now()), 'sent');
}

async function onFailure(
  reminder: ReminderRow,
  error: NotifierError,
  ctx: DeliveryContext,
): Promise<Outcome> {
  const { store, owner } = ctx;
  const detail = `${error.reason}: ${error.message}`.slice(0, 500);
  if (error.kind === 'permanent') {
    const applied = await store.markFailed(reminder.id, owner, detail);
    if (applied) await store.flagCase(reminder.tenantId, reminder.caseId, error.reason, ctx.now());
    return fenced(applied, 'failed');
  }
  if (reminder.attempts >= ctx.maxAttempts) {
    const gaveUp = `gave up after ${reminder.attempts} attempts: ${detail}`;
    return fenced(await store.markFailed(reminder.id, owner, gaveUp), 'failed');
  }
  const next = ctx.now() + retryDelayMs(reminder.attempts, error.retryAfterMs);
  return fenced(await store.markRetry(reminder.id, owner, next, detail), 'retried');
}

function fenced(applied: boolean, outcome: Outcome): Outcome {
  return applied ? outcome : 'fenced';
}

/** A post that hangs must not outlive the lease, or another dispatcher would post it again. */
async function withTimeout(work: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(NotifierError.transient('timeout', { message: `post took over ${ms} ms` })),
      ms,
    );
    timer.unref();
  });
  try {
    await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
