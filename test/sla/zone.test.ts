import { describe, expect, test } from 'vitest';
import { evaluate } from '../../src/sla/index.js';
import { azurePolicy } from '../../src/sla/policy/azure.js';
import type { Policy } from '../../src/sla/policy/types.js';
import { ianaZone, wallToInstant } from '../../src/sla/time/zone.js';

const wall = (iso: string) => Date.parse(`${iso}Z`);
function zone(name: string) {
  const found = ianaZone(name);
  if (!found) throw new Error(`${name} is not a zone`);
  return found;
}
const berlin = zone('Europe/Berlin');
const newYork = zone('America/New_York');

describe('wall time to instant', () => {
  test('an ordinary wall time is the one instant with that local time', () => {
    expect(new Date(wallToInstant(berlin, wall('2026-03-27T10:00:00'))).toISOString()).toBe(
      '2026-03-27T09:00:00.000Z',
    );
    expect(new Date(wallToInstant(berlin, wall('2026-07-01T10:00:00'))).toISOString()).toBe(
      '2026-07-01T08:00:00.000Z',
    );
  });

  test('DST gap: a wall time that does not exist moves to the first valid instant after it (the jump)', () => {
    // Berlin 2026-03-29: 02:00 CET jumps to 03:00 CEST at 01:00 UTC; 02:30 never happens.
    expect(new Date(wallToInstant(berlin, wall('2026-03-29T02:30:00'))).toISOString()).toBe(
      '2026-03-29T01:00:00.000Z',
    );
    expect(new Date(wallToInstant(berlin, wall('2026-03-29T02:00:00'))).toISOString()).toBe(
      '2026-03-29T01:00:00.000Z',
    );
    // New York 2026-03-08: 02:00 EST jumps to 03:00 EDT at 07:00 UTC.
    expect(new Date(wallToInstant(newYork, wall('2026-03-08T02:15:00'))).toISOString()).toBe(
      '2026-03-08T07:00:00.000Z',
    );
  });

  test('DST overlap: a wall time that happens twice is its earlier instant', () => {
    // Berlin 2026-10-25: 03:00 CEST falls back to 02:00 CET at 01:00 UTC; 02:30 happens at 00:30 and 01:30 UTC.
    expect(new Date(wallToInstant(berlin, wall('2026-10-25T02:30:00'))).toISOString()).toBe(
      '2026-10-25T00:30:00.000Z',
    );
    // New York 2026-11-01: 01:30 happens at 05:30 UTC (EDT) and 06:30 UTC (EST).
    expect(new Date(wallToInstant(newYork, wall('2026-11-01T01:30:00'))).toISOString()).toBe(
      '2026-11-01T05:30:00.000Z',
    );
  });

  test('zone names are checked and canonicalised; offsets are not zones', () => {
    expect(ianaZone('europe/amsterdam')?.name).toBe('Europe/Amsterdam');
    expect(ianaZone('+01:00')).toBeNull();
    expect(ianaZone('Mars/Olympus')).toBeNull();
  });
});

// The built-in hours never open inside a DST gap, so the rule is exercised with a policy that does.
const nightShift: Policy = {
  ...azurePolicy,
  id: 'night-shift',
  businessHours: [
    {
      id: 'night',
      countries: '*',
      weekdays: [1, 2, 3, 4, 5, 6, 7],
      opens: '02:30',
      closes: '04:00',
      timeZone: 'local',
    },
  ],
};

describe('business hours across a DST change (custom policy opening at 02:30)', () => {
  const input = { plan: 'premier', severity: 'C', country: 'DE', language: 'de' };

  test('spring forward: the 02:30 opening moves to 03:00 CEST and the day counts its true 60 minutes', () => {
    // Saturday 28 March 04:00 CET (after closing); Sunday opens at the jump (03:00 CEST) and closes 04:00: 60 min.
    // Monday opens 02:30 CEST. 240 minutes: 60 Sunday + 90 Monday + 90 Tuesday → Tuesday 04:00 CEST.
    const r = evaluate(
      { ...input, openedAt: '2026-03-28T04:00:00+01:00' },
      Date.parse('2026-03-29T03:30:00+02:00'),
      nightShift,
    );
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    expect(new Date(r.assessment.deadline).toISOString()).toBe('2026-03-31T02:00:00.000Z');
    expect(r.assessment.status).toMatchObject({ elapsedMinutes: 30, running: true });
  });

  test('fall back: 02:30 to 04:00 on the long night lasts 150 real minutes', () => {
    // Sunday 25 October: opens at the first 02:30 (CEST, 00:30 UTC), closes 04:00 CET (03:00 UTC): 150 minutes.
    const r = evaluate(
      { ...input, openedAt: '2026-10-25T02:30:00+02:00' },
      Date.parse('2026-10-25T03:00:00Z'),
      nightShift,
    );
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    expect(r.assessment.status.elapsedMinutes).toBe(150);
    // 240: 150 on Sunday, 90 on Monday from 02:30 CET (01:30 UTC) → 04:00 CET exactly at closing.
    expect(new Date(r.assessment.deadline).toISOString()).toBe('2026-10-26T03:00:00.000Z');
  });
});
