import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { retryDelayMs } from '../../src/reminders/backoff.js';
import type { DispatcherLogger } from '../../src/reminders/dispatcher.js';
import { NotifierError, toNotifierError } from '../../src/reminders/notifier.js';

describe('retryDelayMs', () => {
  it('doubles from 30 s per attempt and stops at one hour', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 50].map((n) => retryDelayMs(n))).toEqual([
      30_000, 60_000, 120_000, 240_000, 480_000, 960_000, 1_920_000, 3_600_000, 3_600_000,
    ]);
  });

  it('uses Retry-After when the platform sent one', () => {
    expect(retryDelayMs(5, 7000)).toBe(7000);
    expect(retryDelayMs(1, 0)).toBe(0);
    expect(retryDelayMs(1, -5)).toBe(0);
  });
});

describe('NotifierError', () => {
  it('carries kind, reason and Retry-After; unknown errors become transient', () => {
    const e = NotifierError.transient('rate_limited', { retryAfterMs: 1000 });
    expect([e.kind, e.reason, e.retryAfterMs, e.name]).toEqual([
      'transient',
      'rate_limited',
      1000,
      'NotifierError',
    ]);
    expect(e).toBeInstanceOf(Error);
    expect(toNotifierError(e)).toBe(e);
    const wrapped = toNotifierError(new TypeError('fetch failed'));
    expect([wrapped.kind, wrapped.reason, wrapped.message]).toEqual(['transient', 'unknown', 'fetch failed']);
    expect(toNotifierError('boom').message).toBe('boom');
    expect(NotifierError.permanent('is_archived').kind).toBe('permanent');
  });

  it('accepts a pino logger as the dispatcher logger', () => {
    const logger: DispatcherLogger = pino({ enabled: false });
    expect(() => logger.info({ n: 1 }, 'ok')).not.toThrow();
  });
});
