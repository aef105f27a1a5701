// Claims due notices in small leased batches and delivers each through its platform's notifier.
// Several dispatchers may share one database: the store's claim hands each row to one of them, and
// a heartbeat keeps the leases of posts still in flight, so none is handed to another attempt.
import type { Platform } from '../store/records.js';
import type { CaseStore, ClaimedReminder, DedupStore, ReminderQueue } from '../store/store.js';
import type { Random } from './backoff.js';
import { type CaseViewer, type DeliveryContext, deliver, type Outcome } from './deliver.js';
import { keepLeases, type LeaseKeeper } from './leases.js';
import { NOTICE_KINDS, type NoticeKind } from './notices.js';
import type { Notifier } from './notifier.js';
import { createPacer } from './pacer.js';

export interface Clock {
  now(): number;
}

/** The subset of pino the dispatcher uses. */
export interface DispatcherLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** What the dispatcher needs of the store: the queue, a case's flag and card, and the dedup upkeep. */
export type DispatcherStore = ReminderQueue &
  Pick<CaseStore, 'flagCase' | 'attachConversation'> &
  Pick<DedupStore, 'forget'>;

export interface DispatcherOptions {
  store: DispatcherStore;
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
  /** Transient failures after which a reminder is marked failed (429s and waits do not count). */
  maxAttempts?: number;
  /**
   * The longest one post is kept alive by the heartbeat (default 5 leases). Past it the post is left
   * to its lease, and the row comes back as uncertain: checked on the platform before posting again.
   */
  postTimeoutMs?: number;
  /** How long a notice waits for its case's card before the case is flagged (default 10 min). */
  threadWaitMs?: number;
  /** A channel with more posts queued than fit in this wait gives the row back for later (default 5 s). */
  maxPacingWaitMs?: number;
  /** For the jitter on retries; tests pass a fixed one. */
  random?: Random;
  /** The pacing's time (real time by default; a test that moves its clock passes the same clock). */
  pacingNow?: () => number;
  /**
   * How long remembered dedup keys (retried chat deliveries) are kept: 7 days by default, far longer
   * than Slack or Teams retry a delivery. The running dispatcher drops older ones every `upkeepEveryMs`.
   */
  dedupRetentionMs?: number;
  /** How often the running dispatcher does its upkeep (default hourly). */
  upkeepEveryMs?: number;
  /**
   * How long `stop` waits for posts in flight (default 8 s, inside a 10 s shutdown budget). A post
   * still running then is left to its lease, and its row comes back as uncertain.
   */
  stopGraceMs?: number;
  logger: DispatcherLogger;
}

export interface DispatcherStats {
  sent: number;
  failed: number;
  retried: number;
  /** Given back without using an attempt: waiting for the card, or the channel busy. */
  deferred: number;
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
  /** Stops claiming, gives back rows still waiting for their channel, and waits for posts in flight. */
  stop(): Promise<void>;
  stats(): DispatcherStats;
}

export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const { store, clock, owner, logger } = options;
  const batchSize = options.batchSize ?? 50;
  const leaseMs = options.leaseMs ?? 60_000;
  const pollMs = options.pollMs ?? 1000;
  const pacer = createPacer(options.maxPacingWaitMs ?? 5_000, options.pacingNow);
  const ctx: DeliveryContext = {
    store,
    notifiers: options.notifiers,
    cases: options.cases,
    pacer,
    now: () => clock.now(),
    owner,
    maxAttempts: options.maxAttempts ?? 8,
    threadWaitMs: options.threadWaitMs ?? 10 * 60_000,
    random: options.random ?? Math.random,
  };
  const counters: DispatcherStats = {
    sent: 0,
    failed: 0,
    retried: 0,
    deferred: 0,
    cancelled: 0,
    sentByKind: zeroByKind(),
    lastTickLagMs: 0,
  };
  const inFlight = new Set<Promise<number>>();
  let running = false;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const upkeepEveryMs = options.upkeepEveryMs ?? 60 * 60_000;
  const dedupRetentionMs = options.dedupRetentionMs ?? 7 * 24 * 60 * 60_000;
  let lastUpkeep = Number.NEGATIVE_INFINITY;

  /** Drops dedup keys past their retention; once per `upkeepEveryMs`, never failing the loop. */
  async function upkeep(): Promise<void> {
    const now = clock.now();
    if (now - lastUpkeep < upkeepEveryMs) return;
    lastUpkeep = now;
    try {
      const forgotten = await store.forget(now - dedupRetentionMs);
      if (forgotten > 0) logger.info({ forgotten }, 'expired dedup keys dropped');
    } catch (error) {
      logger.error({ err: error }, 'dropping expired dedup keys failed');
    }
  }

  function count(outcome: Outcome, claimed: ClaimedReminder): void {
    if (outcome !== 'fenced') counters[outcome] += 1;
    const { notice } = claimed.reminder;
    if (outcome === 'sent' && notice.kind !== 'unreadable') counters.sentByKind[notice.kind] += 1;
  }

  /** Delivers one row; resolves with its case as it is afterwards (its card posted, say). */
  async function deliverOne(claimed: ClaimedReminder, leases: LeaseKeeper) {
    const id = claimed.reminder.id;
    leases.start(id);
    try {
      const { outcome, record } = await deliver(claimed, ctx);
      count(outcome, claimed);
      if (outcome === 'fenced') logger.warn({ reminderId: id }, 'reminder lease lost before marking');
      else if (outcome === 'failed') logger.warn({ reminderId: id }, 'reminder failed');
      return record;
    } catch (error) {
      // The store failed while marking: the lease will expire and the reminder comes back.
      logger.error({ err: error, reminderId: id }, 'reminder delivery not recorded');
      return claimed.caseRecord;
    } finally {
      leases.release(id);
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
    const leases = keepLeases({
      store,
      owner,
      leaseMs,
      capMs: options.postTimeoutMs ?? 5 * leaseMs,
      now: () => clock.now(),
      onError: (error) => logger.error({ err: error }, 'extending reminder leases failed'),
    });
    leases.hold(batch.map(({ reminder }) => reminder.id));
    try {
      // One case's notices go out in order, its card first; different cases go out side by side.
      await Promise.all([...groupByCase(batch).values()].map((group) => postInOrder(group, leases)));
    } finally {
      leases.close();
    }
    return batch.length;
  }

  async function postInOrder(group: ClaimedReminder[], leases: LeaseKeeper): Promise<void> {
    let record = group[0]?.caseRecord ?? null;
    for (const claimed of group) record = await deliverOne({ ...claimed, caseRecord: record }, leases);
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
    await upkeep();
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
      pacer.resume();
      schedule(0);
    },
    async stop() {
      running = false;
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      pacer.stop();
      let grace: NodeJS.Timeout | undefined;
      const waited = new Promise<'late'>((resolve) => {
        grace = setTimeout(() => resolve('late'), options.stopGraceMs ?? 8_000);
        grace.unref();
      });
      const finished = await Promise.race([Promise.allSettled([...inFlight]), waited]);
      clearTimeout(grace);
      if (finished === 'late') logger.warn({ batches: inFlight.size }, 'stopped with posts still in flight');
    },
    stats: () => ({ ...counters, sentByKind: { ...counters.sentByKind } }),
  };
}

function zeroByKind(): Record<NoticeKind, number> {
  const zero = {} as Record<NoticeKind, number>;
  for (const kind of Object.keys(NOTICE_KINDS) as NoticeKind[]) zero[kind] = 0;
  return zero;
}

/** Each case's rows, its card first, then in due order. */
function groupByCase(batch: ClaimedReminder[]): Map<string, ClaimedReminder[]> {
  const groups = new Map<string, ClaimedReminder[]>();
  for (const claimed of batch) {
    const group = groups.get(claimed.reminder.caseId);
    if (group) group.push(claimed);
    else groups.set(claimed.reminder.caseId, [claimed]);
  }
  for (const group of groups.values()) group.sort((a, b) => cardFirst(a) - cardFirst(b));
  return groups;
}

function cardFirst(claimed: ClaimedReminder): number {
  return claimed.reminder.notice.kind === 'card' ? 0 : 1;
}
