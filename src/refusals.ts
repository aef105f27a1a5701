// One JSON log line per refused request, but never a flood: past a few per minute and reason, the
// rest are counted, and the count is said in one line with the next refusal of that reason after
// the minute (the reasons are a fixed vocabulary, so the counters stay few).
import type { Logger } from 'pino';
import { translator } from './i18n/index.js';

export interface RefusalLogOptions {
  /** Lines per reason and window; the rest are counted. */
  readonly perWindow?: number;
  readonly windowMs?: number;
  readonly now?: () => number;
}

export interface Refusal {
  /** A code: `bad_signature`, `body_too_large`, … (a fixed vocabulary, so the counters stay few). */
  readonly reason: string;
  readonly status: number;
  /** The log message, already in words. */
  readonly message: string;
  readonly fields?: Record<string, unknown>;
}

export type RefusalLog = (refusal: Refusal) => void;

export function refusalLog(logger: Logger, options: RefusalLogOptions = {}): RefusalLog {
  const { perWindow = 10, windowMs = 60_000, now = Date.now } = options;
  const windows = new Map<string, { start: number; logged: number; skipped: number }>();
  const t = translator('en');
  const flush = (reason: string, skipped: number) => {
    if (skipped > 0)
      logger.warn(
        { refusal: reason, skipped, windowSeconds: windowMs / 1000 },
        t('server:log.refusalsSkipped', { count: skipped, reason, seconds: windowMs / 1000 }),
      );
  };
  return ({ reason, status, message, fields }) => {
    const at = now();
    let window = windows.get(reason);
    if (!window || at - window.start >= windowMs) {
      if (window) flush(reason, window.skipped);
      window = { start: at, logged: 0, skipped: 0 };
      windows.set(reason, window);
    }
    if (window.logged >= perWindow) {
      window.skipped += 1;
      return;
    }
    window.logged += 1;
    logger.warn({ ...fields, refusal: reason, status }, message);
  };
}
