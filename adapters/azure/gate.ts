// Every read of one subscription goes through its gate, so the watcher stays within Azure Resource
// Manager's read limits: a few requests at a time, spaced out, and all of them paused when ARM
// answers 429 until its Retry-After has passed (one throttled request means the bucket is empty).

export interface GateOptions {
  /** Requests in flight at once for the subscription. */
  readonly concurrency: number;
  /** Least time between two request starts (spreads a poll's reads over time). */
  readonly spacingMs: number;
  /** Attempts after a 429 or a passing failure before the error goes to the caller. */
  readonly retries: number;
  /** A Retry-After longer than this ends the poll instead of waiting inside it. */
  readonly maxInlineWaitMs: number;
  readonly now: () => number;
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** What a request reports back: its status and headers (from the SDK's onResponse, or an error). */
export interface Observed {
  readonly status: number;
  header(name: string): string | undefined;
}

/** Thrown when ARM keeps throttling: the subscription's polls wait until `until`. */
export class ThrottledError extends Error {
  constructor(readonly until: number) {
    super(`throttled until ${new Date(until).toISOString()}`);
    this.name = 'ThrottledError';
  }
}

const DEFAULT_RETRY_AFTER_MS = 10_000;
const MAX_RETRY_AFTER_MS = 60 * 60_000;
const TRANSIENT_BASE_MS = 1_000;

export class SubscriptionGate {
  private inFlight = 0;
  private nextStart = 0;
  private readonly waiting: Array<() => void> = [];
  /** No request starts before this instant (Retry-After). */
  pausedUntil = 0;
  /** `x-ms-ratelimit-remaining-subscription-reads` from the latest answer. */
  remainingReads: number | null = null;

  constructor(private readonly options: GateOptions) {}

  get concurrency(): number {
    return this.options.concurrency;
  }

  /**
   * Runs one request. `request` gets a callback to report what came back; a thrown error with a
   * `statusCode` of 429 or 5xx (or no status: the network) is retried as the options say.
   */
  async run<T>(request: (observe: (seen: Observed) => void) => Promise<T>, signal?: AbortSignal): Promise<T> {
    for (let attempt = 0; ; attempt += 1) {
      await this.acquire(signal);
      try {
        return await request((seen) => this.observe(seen));
      } catch (error) {
        const status = statusOf(error);
        const seen = observedOf(error);
        if (seen) this.observe(seen);
        if (status === 429) {
          if (
            attempt >= this.options.retries ||
            this.pausedUntil - this.options.now() > this.options.maxInlineWaitMs
          )
            throw new ThrottledError(this.pausedUntil);
        } else if (!isTransient(status, error) || attempt >= this.options.retries) {
          throw error;
        } else {
          await this.options.sleep(TRANSIENT_BASE_MS * 2 ** attempt, signal);
        }
      } finally {
        this.release();
      }
    }
  }

  private observe(seen: Observed): void {
    const remaining = Number(seen.header('x-ms-ratelimit-remaining-subscription-reads'));
    if (
      seen.header('x-ms-ratelimit-remaining-subscription-reads') !== undefined &&
      Number.isFinite(remaining)
    )
      this.remainingReads = remaining;
    if (seen.status === 429) {
      const wait = retryAfterMs(seen.header('retry-after'), this.options.now());
      this.pausedUntil = Math.max(this.pausedUntil, this.options.now() + wait);
    }
  }

  private async acquire(signal?: AbortSignal): Promise<void> {
    while (this.inFlight >= this.options.concurrency) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    this.inFlight += 1;
    try {
      for (;;) {
        const now = this.options.now();
        const start = Math.max(this.pausedUntil, this.nextStart);
        if (start <= now) break;
        await this.options.sleep(start - now, signal);
      }
      this.nextStart = this.options.now() + this.options.spacingMs;
    } catch (error) {
      this.release();
      throw error;
    }
  }

  private release(): void {
    this.inFlight -= 1;
    this.waiting.shift()?.();
  }
}

/** Retry-After in seconds or as an HTTP date; ARM sends seconds. Capped, never negative. */
export function retryAfterMs(value: string | undefined, now: number): number {
  if (value === undefined || value.trim() === '') return DEFAULT_RETRY_AFTER_MS;
  const seconds = Number(value);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(value) - now;
  if (!Number.isFinite(ms)) return DEFAULT_RETRY_AFTER_MS;
  return Math.min(MAX_RETRY_AFTER_MS, Math.max(0, ms));
}

function statusOf(error: unknown): number | undefined {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' ? status : undefined;
}

function observedOf(error: unknown): Observed | undefined {
  const response = (
    error as { response?: { status?: number; headers?: { get(name: string): string | undefined } } }
  )?.response;
  if (!response || typeof response.status !== 'number' || !response.headers) return undefined;
  const { status, headers } = response;
  return { status, header: (name) => headers.get(name) };
}

function isTransient(status: number | undefined, error: unknown): boolean {
  if (status !== undefined) return status >= 500;
  const name = (error as { name?: unknown } | null)?.name;
  // Credentials that cannot be had are not a passing failure; a dropped connection is.
  return name === 'RestError';
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
