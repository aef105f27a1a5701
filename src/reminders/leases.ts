// The heartbeat of a claimed batch: while a post runs, its lease is extended, so no other dispatcher
// takes over a post still in flight. A post that runs past the cap is no longer kept alive: its
// lease runs out and the row comes back as uncertain (checked on the platform before posting again).
import type { Store } from '../store/store.js';

export interface LeaseKeeperOptions {
  readonly store: Pick<Store, 'extendLeases'>;
  readonly owner: string;
  readonly leaseMs: number;
  /** The longest a single post is kept alive. */
  readonly capMs: number;
  now(): number;
  onError(error: unknown): void;
}

export interface LeaseKeeper {
  /** Keeps these claimed rows' leases alive until `release`. */
  hold(ids: readonly string[]): void;
  /** The row's post starts now: the cap counts from here. */
  start(id: string): void;
  release(id: string): void;
  /** Extends every held lease once (the timer calls it every third of the lease). */
  beat(): Promise<void>;
  /** Stops the timer. */
  close(): void;
}

export function keepLeases(options: LeaseKeeperOptions): LeaseKeeper {
  const { store, owner, leaseMs, capMs } = options;
  const held = new Map<string, number | null>(); // id → when its post started (real time)
  let beating: Promise<void> | null = null;
  const timer = setInterval(() => void keeper.beat(), Math.max(10, Math.floor(leaseMs / 3)));
  timer.unref();

  const keeper: LeaseKeeper = {
    hold(ids) {
      for (const id of ids) held.set(id, null);
    },
    start(id) {
      if (held.has(id)) held.set(id, performance.now());
    },
    release(id) {
      held.delete(id);
    },
    beat() {
      // One heartbeat at a time: a slow database must not pile them up.
      beating ??= (async () => {
        const at = performance.now();
        const alive = [...held].filter(([, started]) => started === null || at - started < capMs);
        if (alive.length === 0) return;
        try {
          await store.extendLeases(
            alive.map(([id]) => id),
            owner,
            options.now() + leaseMs,
          );
        } catch (error) {
          options.onError(error);
        }
      })().finally(() => {
        beating = null;
      });
      return beating;
    },
    close() {
      clearInterval(timer);
    },
  };
  return keeper;
}
