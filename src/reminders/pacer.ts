// Spaces posts into one channel (Slack allows about one message per second per channel), across
// every batch of this process: one post at a time per channel, each starting at least an interval
// after the one before. One at a time also bounds what a crash can leave in doubt: at most one post
// per channel is ever in flight. Real time, not the dispatcher's clock: it paces HTTP calls.

export interface Turn {
  /** The post is done (sent or failed): the channel's next post may go. */
  release(): void;
}

export class PacingStopped extends Error {
  override readonly name = 'PacingStopped';
}

export interface Pacer {
  /**
   * Waits for the channel's turn. When that would take longer than the longest wait (a 429's pause,
   * more posts queued than fit), nothing is queued and the post should come back in `deferMs`.
   */
  acquire(channel: string, intervalMs: number): Promise<Turn | { readonly deferMs: number }>;
  /** The platform said to slow down in this channel (429 with Retry-After). */
  pause(channel: string, ms: number): void;
  /** Ends every wait (the dispatcher is stopping) until `resume`. */
  stop(): void;
  resume(): void;
}

interface Channel {
  /** Posts holding or waiting for the channel. */
  queued: number;
  /** Resolves when the last queued post releases the channel. */
  tail: Promise<void>;
  /** The earliest start of the next post (interval since the last start, or a 429's pause). */
  nextStart: number;
}

export function createPacer(maxWaitMs: number, now: () => number = () => performance.now()): Pacer {
  const channels = new Map<string, Channel>();
  const aborts = new Set<() => void>();
  let stopped = false;

  const channelOf = (key: string): Channel => {
    let channel = channels.get(key);
    if (!channel) {
      if (channels.size >= 1000) forgetIdle();
      channel = { queued: 0, tail: Promise.resolve(), nextStart: 0 };
      channels.set(key, channel);
    }
    return channel;
  };

  function forgetIdle(): void {
    const at = now();
    for (const [key, channel] of channels)
      if (channel.queued === 0 && channel.nextStart < at) channels.delete(key);
  }

  /** Resolves after `ms`, or rejects with PacingStopped when the dispatcher stops first. */
  function sleep(ms: number, until?: Promise<void>): Promise<void> {
    if (stopped) return Promise.reject(new PacingStopped('dispatcher stopping'));
    return new Promise<void>((resolve, reject) => {
      const timer = ms > 0 ? setTimeout(done, ms) : undefined;
      const abort = () => {
        clearTimeout(timer);
        aborts.delete(abort);
        reject(new PacingStopped('dispatcher stopping'));
      };
      function done() {
        if (!aborts.has(abort)) return;
        aborts.delete(abort);
        resolve();
      }
      aborts.add(abort);
      if (until) void until.then(done);
      else if (timer === undefined) done();
    });
  }

  return {
    async acquire(key, intervalMs) {
      const channel = channelOf(key);
      // What this post would wait at least: the channel's pause, then one interval per post ahead.
      const ahead = Math.max(0, channel.nextStart - now()) + channel.queued * intervalMs;
      const room = Math.max(1, Math.floor(maxWaitMs / Math.max(intervalMs, 1)));
      if (ahead > maxWaitMs || (channel.queued > 0 && channel.queued >= room))
        return { deferMs: Math.max(ahead, channel.queued * 1000) };
      channel.queued += 1;
      const previous = channel.tail;
      let free = () => {};
      channel.tail = new Promise<void>((resolve) => {
        free = resolve;
      });
      const release = () => {
        channel.queued -= 1;
        free();
      };
      try {
        await sleep(0, previous);
        const wait = channel.nextStart - now();
        if (wait > 0) await sleep(wait);
      } catch (error) {
        release();
        throw error;
      }
      channel.nextStart = now() + intervalMs;
      return { release };
    },
    pause(key, ms) {
      const channel = channelOf(key);
      channel.nextStart = Math.max(channel.nextStart, now() + Math.max(0, ms));
    },
    stop() {
      stopped = true;
      for (const abort of [...aborts]) abort();
    },
    resume() {
      stopped = false;
    },
  };
}
