// The Azure ticket watcher's life: a poll of every watched subscription each interval, one replica
// per subscription at a time (a lease in the store), a report of each subscription's health. It never
// throws out of its loop: missing credentials or permissions are a status to report, not a crash.
import { randomUUID } from 'node:crypto';
import type { TicketSource } from './arm-client.js';
import { discoverTickets } from './discover.js';
import { sleep } from './gate.js';
import { emptyReport, type PollContext, type PollReport, type PollTuning } from './poll-context.js';
import { type CaseSink, type TicketReader, type Watch, type WatchStore, watchKey } from './ports.js';
import { classify, type WatchHealth, type WatchProblem } from './problems.js';
import { refreshOpenTickets } from './refresh.js';

export interface WatcherLog {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
}

export interface AzureWatcherOptions {
  readonly source: TicketSource;
  readonly store: WatchStore;
  readonly sink: CaseSink;
  readonly read: TicketReader;
  readonly pollMs: number;
  readonly tuning?: Partial<PollTuning>;
  /** This replica's name in leases and claims (default: a random id per process). */
  readonly holder?: string;
  readonly now?: () => number;
  readonly log?: WatcherLog;
  /** Words for the log from an `azure` namespace key; without it the log carries the keys. */
  readonly describe?: (key: string, params: Record<string, string>) => string;
}

export interface WatchStatus {
  readonly tenantId: string;
  readonly subscriptionId: string;
  readonly health: WatchHealth;
  readonly problem: WatchProblem | null;
  readonly lastPollAt: number | null;
  readonly lastSuccessAt: number | null;
  readonly last: PollReport | null;
}

export interface WatcherStatus {
  readonly running: boolean;
  /** Every watched subscription was read at its last poll (none yet counts as ready). */
  readonly ready: boolean;
  readonly watches: WatchStatus[];
}

export const DEFAULT_TUNING: PollTuning = {
  overlapMs: 15 * 60_000,
  claimLeaseMs: 2 * 60_000,
  sweepMs: 15 * 60_000,
  readFloor: 25,
};

export class AzureWatcher {
  private readonly states = new Map<string, WatchStatus>();
  /** This replica's name in leases and claims. */
  readonly holder: string;
  private readonly now: () => number;
  private readonly tuning: PollTuning;
  private controller: AbortController | null = null;
  private loop: Promise<void> | null = null;

  constructor(private readonly options: AzureWatcherOptions) {
    this.holder = options.holder ?? `sla-bot-${randomUUID()}`;
    this.now = options.now ?? Date.now;
    this.tuning = { ...DEFAULT_TUNING, ...options.tuning };
  }

  start(): void {
    if (this.loop) return;
    const controller = new AbortController();
    this.controller = controller;
    this.loop = (async () => {
      while (!controller.signal.aborted) {
        const started = this.now();
        await this.pollOnce(controller.signal).catch((error: unknown) =>
          this.options.log?.warn({ err: error }, 'azure poll failed'),
        );
        const wait = Math.max(0, started + this.options.pollMs - this.now());
        await sleep(wait, controller.signal).catch(() => undefined);
      }
    })();
  }

  /** Ends the loop, the waits and the requests in flight; gives the leases back to other replicas. */
  async stop(): Promise<void> {
    this.controller?.abort(new Error('stopped'));
    await this.loop;
    this.loop = null;
    this.controller = null;
    for (const watch of await this.options.store.watches().catch(() => []))
      await this.options.store.releasePoll(watchKey(watch.tenantId, watch.subscriptionId), this.holder);
  }

  /** One poll of every watched subscription this replica holds the lease for. */
  async pollOnce(signal?: AbortSignal): Promise<void> {
    let watches: Watch[];
    try {
      watches = await this.options.store.watches();
    } catch (error) {
      this.options.log?.warn({ err: error }, 'azure watches could not be read');
      return;
    }
    await Promise.all(watches.map((watch) => this.pollWatch(watch, signal)));
  }

  status(): WatcherStatus {
    const watches = [...this.states.values()];
    return {
      running: this.loop !== null,
      ready: watches.every((watch) => watch.health === 'ok' || watch.health === 'pending'),
      watches,
    };
  }

  private async pollWatch(watch: Watch, signal?: AbortSignal): Promise<void> {
    const key = watchKey(watch.tenantId, watch.subscriptionId);
    const previous = this.states.get(key) ?? initial(watch);
    const gate = this.options.source.gate(watch.subscriptionId);
    const now = this.now();
    if (watch.conversation === null || watch.conversation === undefined) {
      const problem = { health: 'channelUnknown', key: 'problem.channelUnknown' } as const;
      const params = { subscription: watch.subscriptionId, channel: watch.channelId };
      return this.record(previous, { health: 'channelUnknown', problem: { ...problem, params } });
    }
    if (gate.pausedUntil > now) return;
    const report = emptyReport();
    const context: PollContext = {
      watch,
      source: this.options.source,
      store: this.options.store,
      sink: this.options.sink,
      read: this.options.read,
      holder: this.holder,
      now: this.now,
      tuning: this.tuning,
      signal,
      report,
    };
    try {
      // Just under one interval: each interval one replica polls, and this one renews its own lease.
      if (!(await this.options.store.leasePoll(key, this.holder, now, this.options.pollMs * 0.9))) return;
      await discoverTickets(context);
      await refreshOpenTickets(context);
      this.record(previous, {
        health: 'ok',
        problem: null,
        lastPollAt: now,
        lastSuccessAt: now,
        last: report,
      });
    } catch (error) {
      if (signal?.aborted) return;
      const problem = classify(error, watch.subscriptionId);
      this.record(previous, { health: problem.health, problem, lastPollAt: now, last: report }, error);
    }
  }

  private record(previous: WatchStatus, next: Partial<WatchStatus>, error?: unknown): void {
    const status = { ...previous, ...next };
    this.states.set(watchKey(status.tenantId, status.subscriptionId), status);
    if (status.health === previous.health) return;
    const fields: Record<string, unknown> = {
      tenantId: status.tenantId,
      subscription: status.subscriptionId,
      health: status.health,
    };
    // Our own failure (the store, a bug) is logged with its error; Azure's answers are said in words.
    if (status.health === 'failed') fields.err = error;
    const describe = this.options.describe ?? ((key: string) => `azure:${key}`);
    if (status.problem) this.options.log?.warn(fields, describe(status.problem.key, status.problem.params));
    else this.options.log?.info(fields, describe('log.reading', { subscription: status.subscriptionId }));
  }
}

function initial(watch: Watch): WatchStatus {
  return {
    tenantId: watch.tenantId,
    subscriptionId: watch.subscriptionId,
    health: 'pending',
    problem: null,
    lastPollAt: null,
    lastSuccessAt: null,
    last: null,
  };
}
