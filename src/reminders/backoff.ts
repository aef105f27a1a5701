// When to try a reminder again. Every delay gets up to 20% on top, at random, so that rows that
// failed together (an outage, a burst of 429s) do not all come back in the same instant.

export const baseRetryMs = 30_000;
export const maxRetryMs = 60 * 60_000;
const JITTER = 0.2;
/** A notice whose card is not posted yet looks again soon: first after 2 s, at most every 30 s. */
export const threadRetryMs = { first: 2_000, max: 30_000 };

export type Random = () => number;

/**
 * The platform's Retry-After wins when given; otherwise 30 s doubling per attempt, capped at 1 h.
 * `attempts` counts the attempt that just failed (1 for the first). Never earlier than asked.
 */
export function retryDelayMs(attempts: number, retryAfterMs?: number, random: Random = Math.random): number {
  if (retryAfterMs !== undefined && Number.isFinite(retryAfterMs))
    return jittered(Math.max(0, retryAfterMs), random);
  const exponent = Math.max(0, attempts - 1);
  return jittered(Math.min(maxRetryMs, baseRetryMs * 2 ** Math.min(exponent, 30)), random);
}

/** How soon a notice waiting for its case's card looks again, after waiting `waitedMs` so far. */
export function threadWaitDelayMs(waitedMs: number, random: Random = Math.random): number {
  return jittered(Math.min(threadRetryMs.max, Math.max(threadRetryMs.first, waitedMs / 4)), random);
}

export function jittered(ms: number, random: Random = Math.random): number {
  return Math.round(ms * (1 + JITTER * Math.min(1, Math.max(0, random()))));
}
