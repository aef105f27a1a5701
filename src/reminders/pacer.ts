// Spaces posts into one channel (Slack allows about one message per second per channel), across
// every batch of this process. Real time, not the dispatcher's clock: it paces HTTP calls.

export type Slot = { readonly waitMs: number } | { readonly deferMs: number };

export class PacingStopped extends Error {
  override readonly name = 'PacingStopped';
}

export interface Pacer {
  /**
   * Reserves the next free moment to post into `channel`: wait `waitMs` first, or, when that is
   * further than the longest wait, nothing is reserved and the post should come back in `deferMs`.
   */
  reserve(channel: string, intervalMs: number): Slot;
  /** Waits for a reserved slot; rejects with PacingStopped when the dispatcher stops meanwhile. */
  wait(ms: number): Promise<void>;
  /** The platform said to slow down in this channel (429 with Retry-After). */
  pause(channel: string, ms: number): void;
  /** Ends every wait (the dispatcher is stopping) until `resume`. */
  stop(): void;
  resume(): void;
}

export function createPacer(maxWaitMs: number, now: () => number = () => performance.now()): Pacer {
  const nextFree = new Map<string, number>();
  const waiting = new Set<() => void>();
  let stopped = false;

  function forgetPast(at: number): void {
    // Channels that have been quiet for a while need no memory.
    if (nextFree.size < 1000) return;
    for (const [channel, free] of nextFree) if (free < at) nextFree.delete(channel);
  }

  return {
    reserve(channel, intervalMs) {
      const at = now();
      forgetPast(at);
      const free = Math.max(at, nextFree.get(channel) ?? at);
      const waitMs = free - at;
      if (waitMs > maxWaitMs) return { deferMs: waitMs };
      if (intervalMs > 0) nextFree.set(channel, free + intervalMs);
      return { waitMs };
    },
    wait(ms) {
      if (stopped) return Promise.reject(new PacingStopped('dispatcher stopping'));
      if (ms <= 0) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const abort = () => {
          clearTimeout(timer);
          waiting.delete(abort);
          reject(new PacingStopped('dispatcher stopping'));
        };
        const timer = setTimeout(() => {
          waiting.delete(abort);
          resolve();
        }, ms);
        waiting.add(abort);
      });
    },
    pause(channel, ms) {
      const until = now() + Math.max(0, ms);
      nextFree.set(channel, Math.max(until, nextFree.get(channel) ?? 0));
    },
    stop() {
      stopped = true;
      for (const abort of [...waiting]) abort();
    },
    resume() {
      stopped = false;
    },
  };
}
