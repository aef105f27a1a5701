import { DateTime, IANAZone } from 'luxon';
import { describe, expect, test, vi } from 'vitest';
import { isoInZone, offsetText } from '../../src/messages/format.js';
import { evaluate } from '../../src/sla/index.js';
import { azurePolicy } from '../../src/sla/policy/azure.js';
import type { Policy } from '../../src/sla/policy/types.js';
import { intlOffsetReader } from '../../src/sla/time/offset-year.js';
import { ianaZone, offsetAt, type TimeZone, timeZone, wallToInstant } from '../../src/sla/time/zone.js';

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

const HOUR = 3_600_000;
// `format` is a getter on Intl.DateTimeFormat.prototype (it returns a bound function).
const dateFormatPrototype = Intl.DateTimeFormat.prototype as unknown as { format: unknown };
/** Luxon reads offsets with one Intl call each: the independent reference for the tables. */
const intlOffset = (name: string, instant: number) => IANAZone.create(name).offset(instant) * 60_000;
// DST both ways, half-hour DST, 45-minute offsets, Ramadan suspensions, negative DST, local mean time.
const ZONES = [
  'Europe/Berlin',
  'America/New_York',
  'Australia/Lord_Howe',
  'Asia/Kathmandu',
  'Pacific/Chatham',
  'Africa/Casablanca',
  'Europe/Dublin',
  'America/Sao_Paulo',
  'Asia/Tehran',
  'Africa/Monrovia',
];

describe('a zone answers its offset from a table', () => {
  test('the same offset Intl gives, every few hours over years near and far', () => {
    const ranges = [
      [Date.UTC(2024, 0, 1), Date.UTC(2028, 0, 1)],
      [Date.UTC(1900, 0, 1), Date.UTC(1901, 0, 1)],
      [Date.UTC(1971, 0, 1), Date.UTC(1973, 0, 1)],
      [Date.UTC(2199, 0, 1), Date.UTC(2200, 0, 1)],
    ] as const;
    for (const name of ZONES) {
      const zone = timeZone(name) as TimeZone;
      for (const [from, to] of ranges) {
        // 7 h 13 min apart: every hour of the day and every weekday gets its turn.
        for (let instant = from; instant < to; instant += 7 * HOUR + 13 * 60_000) {
          expect(zone.offsetAt(instant), `${name} ${new Date(instant).toISOString()}`).toBe(
            intlOffset(name, instant),
          );
        }
      }
    }
  });

  test("every zone's table has each of Intl's changes, to the second, and no other", () => {
    // Tables are sampled six days apart and narrowed hour first: checked here against Intl itself,
    // every three days, for every zone Node knows, in a year of local mean time and a recent one.
    // (luxon counts in minutes: its local mean time is rounded to the second it was read in.)
    const intlSeconds = (name: string, instant: number) =>
      Math.round(intlOffset(name, instant) / 1000) * 1000;
    for (const name of Intl.supportedValuesOf('timeZone')) {
      const zone = timeZone(name) as TimeZone;
      for (const year of [1901, 2026]) {
        const from = Date.UTC(year, 0, 1);
        const to = Date.UTC(year + 1, 0, 1);
        for (let instant = from; instant < to; instant += 72 * HOUR) {
          expect(zone.offsetAt(instant), `${name} ${new Date(instant).toISOString()}`).toBe(
            intlSeconds(name, instant),
          );
        }
        // Each change in the table is a change in Intl at that second.
        for (let instant = from + HOUR; instant < to; ) {
          const change = nextChange(zone, instant, to);
          if (change === null) break;
          expect(intlSeconds(name, change - 1000), `${name} before ${change}`).toBe(
            zone.offsetAt(change - 1000),
          );
          expect(intlSeconds(name, change), `${name} at ${change}`).toBe(zone.offsetAt(change));
          expect(zone.offsetAt(change)).not.toBe(zone.offsetAt(change - 1000));
          instant = change + 1000;
        }
      }
    }
  }, 60_000);

  test('a transition is found to the millisecond', () => {
    // Berlin springs forward at 01:00 UTC on 29 March 2026; Monrovia left local mean time on 7 January 1972.
    const jump = Date.UTC(2026, 2, 29, 1);
    expect(offsetAt(berlin, jump - 1)).toBe(HOUR);
    expect(offsetAt(berlin, jump)).toBe(2 * HOUR);
    const monrovia = Date.parse('1972-01-07T00:44:30Z');
    expect(offsetAt(zone('Africa/Monrovia'), monrovia - 1)).toBe(-(44 * 60 + 30) * 1000);
    expect(offsetAt(zone('Africa/Monrovia'), monrovia)).toBe(0);
  });

  test('once a year is read, answering asks Intl nothing', () => {
    const tokyo = timeZone('Asia/Tokyo') as TimeZone;
    const start = Date.UTC(2031, 0, 1);
    // wallToInstant looks a day either side: the neighbouring years are read too.
    for (const year of [2030, 2031, 2032]) tokyo.offsetAt(Date.UTC(year, 5, 1));
    const formatToParts = vi.spyOn(Intl.DateTimeFormat.prototype, 'formatToParts');
    const format = vi.spyOn(dateFormatPrototype, 'format', 'get');
    try {
      for (let i = 0; i < 10_000; i += 1) {
        const instant = start + i * 3_000_000;
        tokyo.offsetAt(instant);
        isoInZone(instant, 'Asia/Tokyo');
        wallToInstant(tokyo, instant);
      }
      expect(formatToParts).not.toHaveBeenCalled();
      expect(format).not.toHaveBeenCalled();
    } finally {
      formatToParts.mockRestore();
      format.mockRestore();
    }
  });

  test('every spelling of a zone is one object with one table, and it is typed as luxon types zones', () => {
    expect(timeZone('europe/berlin')).toBe(berlin);
    expect(ianaZone('Asia/Calcutta')?.name).toBe('Asia/Calcutta');
    expect(timeZone('Etc/UTC')).toBe(timeZone('UTC'));
    const typed: IANAZone | null = ianaZone('Europe/Berlin');
    expect(typed?.offset(Date.UTC(2026, 6, 1))).toBe(120);
    expect(typed?.formatOffset(Date.UTC(2026, 0, 1), 'short')).toBe('+01:00');
    expect(offsetAt(IANAZone.create('Asia/Kathmandu'), 0)).toBe(offsetAt(zone('Asia/Kathmandu'), 0));
  });

  test('offsets are read right even if Intl writes en-US dates some other way one day', () => {
    const read = intlOffsetReader('America/New_York');
    const format = vi.spyOn(dateFormatPrototype, 'format', 'get').mockReturnValue(() => '2026年');
    try {
      expect(read(Date.UTC(2026, 6, 1))).toBe(-4 * HOUR);
      expect(read(Date.UTC(1880, 0, 1))).toBe(-(4 * 3600 + 56 * 60 + 2) * 1000);
    } finally {
      format.mockRestore();
    }
  });

  test('far instants outside what dates can hold have no offset', () => {
    expect(offsetAt(berlin, 8.7e15)).toBeNaN();
    expect(offsetAt(berlin, Number.NaN)).toBeNaN();
  });
});

describe('an instant written in ISO 8601 in a zone', () => {
  test('is what luxon writes wherever offsets are whole minutes', () => {
    for (const name of ZONES.filter((z) => z !== 'Africa/Monrovia')) {
      for (let instant = Date.UTC(2025, 0, 1); instant < Date.UTC(2027, 0, 1); instant += 5 * HOUR + 1234) {
        expect(isoInZone(instant, name)).toBe(
          DateTime.fromMillis(instant, { zone: name }).toISO({ suppressMilliseconds: true }),
        );
      }
    }
  });

  test('keeps the seconds of an offset that has them (local mean time), so it names the right instant', () => {
    // Monrovia kept -00:44:30 until 1972; New York kept local mean time, -04:56:02, until 1883.
    const monrovia = Date.UTC(1960, 0, 1);
    expect(isoInZone(monrovia, 'Africa/Monrovia')).toBe('1959-12-31T23:15:30-00:44:30');
    expect(isoInZone(Date.UTC(1880, 0, 1), 'America/New_York')).toBe('1879-12-31T19:03:58-04:56:02');
    // Read back by hand (wall time minus offset) it is the same instant.
    const [wall = '', sign, h, m, s] =
      /^(.{19})([+-])(\d\d):(\d\d):(\d\d)$/.exec(isoInZone(monrovia, 'Africa/Monrovia'))?.slice(1) ?? [];
    const offset = (sign === '-' ? -1 : 1) * ((Number(h) * 60 + Number(m)) * 60 + Number(s)) * 1000;
    expect(Date.parse(`${wall}Z`) - offset).toBe(monrovia);
    expect(offsetText(-(44 * 60 + 30) * 1000)).toBe('-00:44:30');
    expect(offsetText(5.75 * HOUR)).toBe('+05:45');
  });

  test('writes UTC as Z, milliseconds only when there are some, and far years with six digits', () => {
    expect(isoInZone(Date.UTC(2026, 2, 27, 10), 'UTC')).toBe('2026-03-27T10:00:00Z');
    expect(isoInZone(Date.UTC(2026, 2, 27, 10, 0, 0, 250), 'Europe/Berlin')).toBe(
      '2026-03-27T11:00:00.250+01:00',
    );
    expect(isoInZone(Date.UTC(12026, 0, 1), 'Europe/Berlin')).toBe('+012026-01-01T01:00:00+01:00');
    expect(isoInZone(0, 'Mars/Olympus')).toBe('1970-01-01T00:00:00.000Z');
  });
});

/** The first instant after `from` (before `to`) at which the zone's table changes offset, by halving. */
function nextChange(zone: TimeZone, from: number, to: number): number | null {
  const offset = zone.offsetAt(from);
  let step = from;
  while (step < to && zone.offsetAt(step) === offset) step += HOUR;
  if (step >= to) return null;
  let lo = step - HOUR;
  let hi = step;
  while (hi - lo > 1000) {
    const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
    if (zone.offsetAt(mid) === offset) lo = mid;
    else hi = mid;
  }
  return hi;
}
