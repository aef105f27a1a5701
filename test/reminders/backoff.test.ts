import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { retryDelayMs, threadWaitDelayMs } from '../../src/reminders/backoff.js';
import type { DispatcherLogger } from '../../src/reminders/dispatcher.js';
import { NotifierError, toNotifierError } from '../../src/reminders/notifier.js';

const noJitter = () => 0;

describe('retryDelayMs', () => {
  it('doubles from 30 s per attempt and stops at one hour', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 50].map((n) => retryDelayMs(n, undefined, noJitter))).toEqual([
      30_000, 60_000, 120_000, 240_000, 480_000, 960_000, 1_920_000, 3_600_000, 3_600_000,
    ]);
  });

  it('uses Retry-After when the platform sent one', () => {
    expect(retryDelayMs(5, 7000, noJitter)).toBe(7000);
    expect(retryDelayMs(1, 0, noJitter)).toBe(0);
    expect(retryDelayMs(1, -5, noJitter)).toBe(0);
  });

  it('adds up to 20% at random, never less than asked', () => {
    expect(retryDelayMs(1, undefined, () => 1)).toBe(36_000);
    expect(retryDelayMs(2, 7000, () => 0.5)).toBe(7700);
    const delays = new Set(Array.from({ length: 50 }, () => retryDelayMs(1)));
    expect(delays.size).toBeGreaterThan(1);
    for (const delay of delays) expect(delay >= 30_000 && delay <= 36_000).toBe(true);
  });
});

describe('threadWaitDelayMs', () => {
  it('looks again after 2 s at first, then a quarter of the wait so far, at most every 30 s', () => {
    expect([0, 4_000, 40_000, 600_000].map((waited) => threadWaitDelayMs(waited, noJitter))).toEqual([
      2_000, 2_000, 10_000, 30_000,
    ]);
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
