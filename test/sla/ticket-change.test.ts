// When a ticket's severity changed (SLA-RULES §11): Microsoft's moved `startTime`, else the ticket's
// last modification, never later than now.
import { describe, expect, it } from 'vitest';
import { severityChangedAt } from '../../src/sla/index.js';

const CREATED = Date.parse('2026-03-02T09:00:00Z');
const NOW = Date.parse('2026-03-02T15:00:00Z');
const MINUTE = 60_000;

function ticket(startTime: number | null, modifiedAt: number | null) {
  return { createdAt: CREATED, modifiedAt, microsoft: { startTime, deadline: null, slaMinutes: null } };
}

describe('severityChangedAt', () => {
  it("takes Microsoft's startTime once it moved to the change", () => {
    const change = CREATED + 2 * 60 * MINUTE;
    expect(severityChangedAt(ticket(change, change + 5 * MINUTE), NOW)).toBe(change);
  });

  it('reads a startTime within its usual lag of the creation as the original clock, not a change', () => {
    const modified = CREATED + 90 * MINUTE;
    expect(severityChangedAt(ticket(CREATED + 70_000, modified), NOW)).toBe(modified);
    expect(severityChangedAt(ticket(CREATED + 3 * MINUTE, modified), NOW)).toBe(modified);
    expect(severityChangedAt(ticket(CREATED + 3 * MINUTE + 1, modified), NOW)).toBe(CREATED + 3 * MINUTE + 1);
  });

  it('without a moved clock or a modification, the change is now', () => {
    expect(severityChangedAt(ticket(null, null), NOW)).toBe(NOW);
    expect(severityChangedAt(ticket(CREATED, null), NOW)).toBe(NOW);
  });

  it('never places the change after now (a clock ahead of ours)', () => {
    expect(severityChangedAt(ticket(NOW + 10 * MINUTE, NOW + 10 * MINUTE), NOW)).toBe(NOW);
    expect(severityChangedAt(ticket(null, NOW + MINUTE), NOW)).toBe(NOW);
  });
});
