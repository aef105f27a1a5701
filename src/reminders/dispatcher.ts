// Claims due reminders in small leased batches and posts each through its platform's notifier.
// Several dispatchers may share one database: the store's claim hands each row to one of them.
import type { Platform } from '../store/records.js';
import type { ClaimedReminder, Store } from '../store/store.js';
import { type CaseViewer, type DeliveryContext, deliver, type Outcome } from './deliver.js';
import { NOTICE_KINDS, type NoticeKind } from './notices.js';
import type { Notifier } from './notifier.js';

export interface Clock {
  now(): number;
}

/** The subset of pino the dispatcher uses. */
export interface DispatcherLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface DispatcherOptions {
  store: Store;
  /** A platform without a notifier (turned off) counts as a transient failure. */
  notifiers: Partial<Record<Platform, Notifier>>;
  /** Evaluates a claimed case (the zone its times are written in, its card). */
  cases: CaseViewer;
  clock: Clock;
  /** Unique per process: the lease holder name that fences the marks. */
  owner: string;
  batchSize?: number;
  leaseMs?: number;
  pollMs?: number;
  /** Transient failures after which a reminder is marked failed. */
  maxAttempts?: number;
  /** Default: a third of the lease, so a hung post gives up long before another dispatcher may claim it. */
  postTimeoutMs?: number;
  logger: DispatcherLogger;
}

export interface DispatcherStats {
  sent: number;
  failed: number;
  retried: number;
  cancelled: number;
  /** Posted notices by kind (e.g. `breach` for the breaches metric). */
  sentByKind: Record<NoticeKind, number>;
  /** How late the oldest reminder of the last non-empty batch was when claimed. */
  lastTickLagMs: number;
}

export interface Dispatcher {
  /** Claims and delivers one batch; resolves with how many were claimed. Never rejects. */
  tick(): Promise<number>;
  /** Polls every `pollMs`, at once again after a full batch. The timer does not hold the process open. */
  start(): void;
  /** Stops claiming and resolves when the posts in flight have been recorded. */
  stop(): Promise<void>;
  stats(): DispatcherStats;
}

export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const { store, clock, owner, logger } = options;
  const batchSize = options.batchSize ?? 50;
  const leaseMs = options.leaseMs ?? 60_000;
  const pollMs = options.pollMs ?? 1000;
  const ctx: DeliveryContext = {
    store,
    notifiers: options.notifiers,
    cases: options.cases,
    now: () => clock.now(),
    owner,
    maxAttempts: options.maxAttempts ?? 8,
    postTimeoutMs: options.postTimeoutMs ?? Math.max(1, Math.floor(leaseMs / 3)),
  };
  const counters: DispatcherStats = {
    sent: 0,
    failed: 0,
    retried: 0,
    cancelled: 0,
    sentByKind: zeroByKind(),
    lastTickLagMs: 0,
  };
  const inFlight = new Set<Promise<number>>();
  let running = false;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;

  function count(outcome: Outcome, claimed: ClaimedReminder): void {
    if (outcome !== 'fenced') counters[outcome] += 1;
    const { notice } = claimed.reminder;
    if (outcome === 'sent' && notice.kind !== 'unreadable') counters.sentByKind[notice.kind] += 1;
  }

  async function deliverOne(claimed: ClaimedReminder): Promise<void> {
    try {
      const outcome = await deliver(claimed, ctx);
      count(outcome, claimed);
      if (outcome === 'fenced') {
        logger.warn({ reminderId: claimed.reminder.id }, 'reminder lease lost before marking');
      } else if (outcome === 'failed') {
        logger.warn({ reminderId: claimed.reminder.id }, 'reminder failed');
      }
    } catch (error) {
      // The store failed while marking: the lease will expire and the reminder comes back.
      logger.error({ err: error, reminderId: claimed.reminder.id }, 'reminder delivery not recorded');
    }
  }

  async function runTick(): Promise<number> {
    const now = clock.now();
    let batch: ClaimedReminder[];
    try {
      batch = await store.claimDue({ now, limit: batchSize, owner, leaseMs });
    } catch (error) {
      logger.error({ err: error }, 'claiming due reminders failed');
      return 0;
    }
    if (batch.length === 0) return 0;
    counters.lastTickLagMs = Math.max(
      0,
      now - Math.min(...batch.map(({ reminder: r }) => r.nextAttemptAt ?? r.dueAt)),
    );
    // One case's reminders go out in due order; different cases go out side by side.
    await Promise.all([...groupByCase(batch).values()].map(postInOrder));
    return batch.length;
  }

  async function postInOrder(group: ClaimedReminder[]): Promise<void> {
    for (const claimed of group) await deliverOne(claimed);
  }

  function tick(): Promise<number> {
    if (stopped) return Promise.resolve(0);
    const work = runTick();
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
    return work;
  }

  async function loop(): Promise<void> {
    timer = undefined;
    const claimed = await tick();
    if (running) schedule(claimed >= batchSize ? 0 : await untilNextDue());
  }

  /** Sleeps until the next reminder falls due when that is sooner than the poll: posts land on time. */
  async function untilNextDue(): Promise<number> {
    try {
      const now = clock.now();
      const next = await store.nextDueAfter(now);
      return next === null ? pollMs : Math.min(pollMs, Math.max(0, next - now));
    } catch {
      return pollMs; // the next claim reports a broken store
    }
  }

  function schedule(delay: number): void {
    timer = setTimeout(() => void loop(), delay);
    timer.unref();
  }

  return {
    tick,
    start() {
      if (running) return;
      running = true;
      stopped = false;
      schedule(0);
    },
    async stop() {
      running = false;
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      await Promise.allSettled([...inFlight]);
    },
    stats: () => ({ ...counters, sentByKind: { ...counters.sentByKind } }),
  };
}

function zeroByKind(): Record<NoticeKind, number> {
  const zero = {} as Record<NoticeKind, number>;
  for (const kind of Object.keys(NOTICE_KINDS) as NoticeKind[]) zero[kind] = 0;
  return zero;
}

function groupByCase(batch: ClaimedReminder[]): Map<string, ClaimedReminder[]> {
  const groups = new Map<string, ClaimedReminder[]>();
  for (const claimed of batch) {
    const group = groups.get(claimed.reminder.caseId);
    if (group) group.push(claimed);
    else groups.set(claimed.reminder.caseId, [claimed]);
  }
  return groups;
}
