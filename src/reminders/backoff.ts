// When to try a reminder again after a transient failure.

export const baseRetryMs = 30_000;
export const maxRetryMs = 60 * 60_000;

/**
 * The platform's Retry-After wins when given; otherwise 30 s doubling per attempt, capped at 1 h.
 * `attempts` counts the attempt that just failed (1 for the first).
 */
export function retryDelayMs(attempts: number, retryAfterMs?: number): number {
  if (retryAfterMs !== undefined && Number.isFinite(retryAfterMs)) return Math.max(0, retryAfterMs);
  const exponent = Math.max(0, attempts - 1);
  return Math.min(maxRetryMs, baseRetryMs * 2 ** Math.min(exponent, 30));
}
