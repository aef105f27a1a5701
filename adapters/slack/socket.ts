// Socket Mode kept connected by us: Bolt's own reconnect gives up (and crashes the process) when
// Slack is unreachable. Here a failure is logged, retried with backoff, and shown on /readyz.
import type { SocketModeReceiver } from '@slack/bolt';
import type { PlatformReadiness } from '../../src/platform.js';

export interface SocketLinkOptions {
  readonly firstDelayMs?: number;
  readonly maxDelayMs?: number;
  /** Told of every failed attempt, with the delay before the next. */
  readonly onFailure?: (reason: string, delayMs: number) => void;
  readonly onConnected?: () => void;
}

export interface SocketLink {
  /** Starts connecting in the background; never throws. */
  start(): void;
  stop(): Promise<void>;
  readiness(): PlatformReadiness;
}

export function socketLink(receiver: SocketModeReceiver, options: SocketLinkOptions = {}): SocketLink {
  const { firstDelayMs = 500, maxDelayMs = 30_000, onFailure, onConnected } = options;
  let state: 'idle' | 'connecting' | 'connected' | 'unreachable' | 'stopped' = 'idle';
  let reason: string | undefined;
  let failures = 0;
  let timer: NodeJS.Timeout | undefined;
  // Read through a function: stop() may change the state while a connection attempt is awaited.
  const stopped = () => state === 'stopped';

  const connect = async () => {
    timer = undefined;
    if (stopped()) return;
    state = failures ? 'unreachable' : 'connecting';
    try {
      await receiver.client.start();
      if (stopped()) return;
      state = 'connected';
      reason = undefined;
      failures = 0;
      onConnected?.();
    } catch (error) {
      if (stopped()) return;
      retryLater(reasonOf(error));
    }
  };
  const retryLater = (why: string) => {
    failures += 1;
    state = 'unreachable';
    reason = why;
    const delay = Math.min(maxDelayMs, firstDelayMs * 2 ** (failures - 1));
    const jittered = Math.round(delay * (0.8 + Math.random() * 0.4));
    onFailure?.(why, jittered);
    timer = setTimeout(() => void connect(), jittered);
    timer.unref();
  };
  // With Bolt's reconnect off, a dropped socket (or Slack asking us to move) ends here.
  receiver.client.on('disconnected', () => {
    if (state === 'connected') retryLater('disconnected');
  });

  return {
    start() {
      if (state === 'idle') void connect();
    },
    async stop() {
      const wasConnected = state === 'connected';
      state = 'stopped';
      if (timer) clearTimeout(timer);
      if (wasConnected) await receiver.client.disconnect();
    },
    readiness() {
      if (state === 'connected') return { ready: true, state };
      return { ready: false, state, ...(reason ? { reason } : {}) };
    },
  };
}

/** A code for the log and /readyz: Slack's own error code when it gave one, else the kind of failure. */
function reasonOf(error: unknown): string {
  const coded = error as { code?: unknown; data?: { error?: unknown } };
  if (typeof coded?.data?.error === 'string') return coded.data.error;
  if (typeof coded?.code === 'string') return coded.code;
  return 'unreachable';
}
