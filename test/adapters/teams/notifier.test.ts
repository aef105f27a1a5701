// What the Bot Connector answers, mapped onto the Notifier's transient and permanent failures.
import { describe, expect, it } from 'vitest';
import { notifierError } from '../../../adapters/teams/notifier.js';

function restError(statusCode: number, headers: Record<string, string> = {}) {
  return Object.assign(new Error(`status ${statusCode}`), {
    statusCode,
    response: { headers: { get: (name: string) => headers[name] } },
  });
}

describe('notifierError', () => {
  it('429 is transient, with the Retry-After', () => {
    const error = notifierError(restError(429, { 'retry-after': '7' }));
    expect([error.kind, error.reason, error.retryAfterMs]).toEqual(['transient', 'rate_limited', 7000]);
  });

  it('5xx is transient', () => {
    expect([notifierError(restError(503)).kind, notifierError(restError(503)).reason]).toEqual([
      'transient',
      'server_error',
    ]);
  });

  it('403 (bot removed) and 404 (conversation gone) are permanent', () => {
    expect([notifierError(restError(403)).kind, notifierError(restError(403)).reason]).toEqual([
      'permanent',
      'bot_removed',
    ]);
    expect([notifierError(restError(404)).kind, notifierError(restError(404)).reason]).toEqual([
      'permanent',
      'channel_not_found',
    ]);
  });

  it('network failures and timeouts are transient', () => {
    expect(notifierError(new Error('connect ECONNREFUSED 127.0.0.1:1')).reason).toBe('network');
    expect(notifierError(new Error('The operation timed out')).reason).toBe('timeout');
    expect(notifierError('something odd')).toMatchObject({ kind: 'transient', reason: 'unknown' });
  });
});
