// Property tests: the SLA core against the naive minute-stepping reference (test/sla/naive-reference.ts),
// plus invariants of the core on its own. The contract is /work/shared/SLA-RULES.md.
//
// Reproduce a failure: the seeds are fixed below (override with SLA_PROP_SEED=<n>); fast-check prints
// `seed` and `path` on failure, replay exactly with SLA_PROP_SEED=<seed> SLA_PROP_PATH=<path>.
// Scale the number of runs with SLA_PROP_SCALE (e.g. 0.1 for a quick look, 5 for a soak).
// vitest.config.ts runs this file twice, under TZ=UTC and TZ=Pacific/Auckland; each process time zone
// gets its own fixed seed, so the two runs explore different cases (and neither may depend on TZ).

import Holidays from 'date-holidays';
import fc from 'fast-check';
import countries from 'i18n-iso-countries';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { azurePolicy, evaluate } from '../../src/sla/index.js';
import type { Assessment, Evaluation, SlaInput } from '../../src/sla/types.js';
import {
  MINUTE,
  type NaiveCase,
  type NaivePick,
  type NaiveStatus,
  naiveDeadline,
  naiveIsOpenMinute,
  naiveStatus,
} from './naive-reference.js';

/** The fixed seeds, per process time zone. */
const SEEDS: Record<string, number> = { UTC: 20_250_611, 'Pacific/Auckland': 20_250_612 };
const SEED = Number(process.env.SLA_PROP_SEED ?? SEEDS[process.env.TZ ?? 'UTC'] ?? 20_250_611);
const PATH = process.env.SLA_PROP_PATH;
const SCALE = Number(process.env.SLA_PROP_SCALE ?? 1);
const runs = (n: number): number => Math.max(1, Math.round(n * SCALE));
const fcParams = (numRuns: number): fc.Parameters<unknown> => ({
  seed: SEED,
  numRuns: runs(numRuns),
  ...(PATH === undefined ? {} : { path: PATH }),
  verbose: 1,
});

const DAY = 86_400_000;
const START = Date.UTC(2024, 0, 1);
const END = Date.UTC(2031, 0, 1); // exclusive: openedAt in the years 2024–2030
const TOTAL_MINUTES = (END - START) / MINUTE;
const TOTAL_DAYS = (END - START) / DAY;

// ---------------------------------------------------------------------------------------------
// Where cases come from

interface Place {
  country: string;
  subdivision?: string;
  /** Zones a customer there may give; the first is the usual one. */
  zones: readonly string[];
}

const PLACES: readonly Place[] = [
  {
    country: 'US',
    zones: [
      'America/New_York',
      'America/Chicago',
      'America/Denver',
      'America/Los_Angeles',
      'Pacific/Honolulu',
    ],
  },
  { country: 'US', subdivision: 'CA', zones: ['America/Los_Angeles'] },
  { country: 'US', subdivision: 'NY', zones: ['America/New_York'] },
  { country: 'CA', zones: ['America/Toronto', 'America/Vancouver', 'America/Halifax'] },
  { country: 'CA', subdivision: 'QC', zones: ['America/Toronto'] },
  { country: 'JP', zones: ['Asia/Tokyo'] },
  { country: 'GB', zones: ['Europe/London'] },
  { country: 'GB', subdivision: 'SCT', zones: ['Europe/London'] },
  { country: 'DE', zones: ['Europe/Berlin'] },
  { country: 'DE', subdivision: 'BY', zones: ['Europe/Berlin'] },
  { country: 'FR', zones: ['Europe/Paris'] },
  { country: 'NL', zones: ['Europe/Amsterdam'] },
  { country: 'ES', zones: ['Europe/Madrid'] },
  { country: 'ES', subdivision: 'MD', zones: ['Europe/Madrid'] },
  { country: 'ES', subdivision: 'CN', zones: ['Atlantic/Canary'] },
  { country: 'IT', zones: ['Europe/Rome'] },
  { country: 'PT', zones: ['Europe/Lisbon', 'Atlantic/Azores'] },
  { country: 'BR', zones: ['America/Sao_Paulo', 'America/Manaus'] },
  { country: 'BR', subdivision: 'SP', zones: ['America/Sao_Paulo'] },
  {
    country: 'AU',
    zones: ['Australia/Sydney', 'Australia/Perth', 'Australia/Brisbane', 'Australia/Adelaide'],
  },
  { country: 'AU', subdivision: 'NSW', zones: ['Australia/Sydney'] },
  { country: 'AU', subdivision: 'VIC', zones: ['Australia/Melbourne'] },
  { country: 'NZ', zones: ['Pacific/Auckland'] },
  { country: 'IN', zones: ['Asia/Kolkata'] },
  { country: 'SG', zones: ['Asia/Singapore'] },
  { country: 'KR', zones: ['Asia/Seoul'] },
  { country: 'TW', zones: ['Asia/Taipei'] },
  { country: 'MX', zones: ['America/Mexico_City', 'America/Tijuana', 'America/Cancun'] },
  { country: 'ZA', zones: ['Africa/Johannesburg'] },
  { country: 'SE', zones: ['Europe/Stockholm'] },
  { country: 'PL', zones: ['Europe/Warsaw'] },
  { country: 'IE', zones: ['Europe/Dublin'] },
  { country: 'CH', zones: ['Europe/Zurich'] },
  { country: 'CH', subdivision: 'ZH', zones: ['Europe/Zurich'] },
  { country: 'AT', zones: ['Europe/Vienna'] },
  { country: 'BE', zones: ['Europe/Brussels'] },
  { country: 'DK', zones: ['Europe/Copenhagen'] },
  { country: 'NO', zones: ['Europe/Oslo'] },
  { country: 'FI', zones: ['Europe/Helsinki'] },
];

const PLAN_SPELLINGS: readonly (readonly string[])[] = [
  ['developer', 'dev', 'Developer'],
  ['standard', 'std', 'STANDARD'],
  ['professional-direct', 'prodirect', 'pro-direct', 'professional direct', 'Professional_Direct'],
  ['premier', 'Premier'],
  ['rapid-response', 'arr', 'azure rapid response', 'azure-rapid-response', 'Azure_Rapid_Response'],
];
const SEVERITIES = ['A', 'B', 'C', 'a', 'b', 'c'] as const;
const LANGUAGES = [
  undefined,
  'en',
  'en-US',
  'en-GB',
  'es',
  'es-MX',
  'fr',
  'fr-CA',
  'de',
  'de-DE',
  'de-CH',
  'it',
  'pt',
  'pt-BR',
  'pt-br',
  'zh-TW',
  'zh-tw',
  'zh-HK',
  'zh-Hant',
  'zh-Hant-TW',
  'ko',
  'ko-KR',
  'ja',
  'ja-JP',
  'ja-jp',
  'nl',
  'pl',
  'sv',
  'zh-CN',
  'zh-Hans',
] as const;

/** The zone the business hours are read in (only used to aim the generator at interesting instants). */
function hoursZoneOf(place: Place, timeZone: string | undefined): string {
  if (place.country === 'US' || place.country === 'CA') return 'America/Los_Angeles';
  if (place.country === 'JP') return 'Asia/Tokyo';
  return timeZone ?? place.zones[0] ?? 'UTC';
}
function hoursOf(place: Place): { open: number; close: number } {
  if (place.country === 'US' || place.country === 'CA') return { open: 360, close: 1080 };
  if (place.country === 'JP') return { open: 540, close: 1050 };
  if (place.country === 'AT') return { open: 480, close: 1020 };
  return { open: 540, close: 1020 };
}

const dstDaysCache = new Map<string, number[]>();
/** UTC midnights of the days on which `zone` changes its offset, 2024–2030. */
function dstDays(zone: string): number[] {
  let days = dstDaysCache.get(zone);
  if (days === undefined) {
    days = [];
    let previous = DateTime.fromMillis(START - DAY / 2, { zone }).offset;
    for (let d = 0; d < TOTAL_DAYS; d++) {
      const offset = DateTime.fromMillis(START + d * DAY + DAY / 2, { zone }).offset;
      if (offset !== previous) days.push(START + d * DAY);
      previous = offset;
    }
    dstDaysCache.set(zone, days);
  }
  return days;
}

const holidayDatesCache = new Map<string, string[]>();
/** Local dates of the place's public holidays, 2024–2030 (with repeats, to weigh the unusual ones). */
function holidayDates(place: Place): string[] {
  const key = `${place.country}|${place.subdivision ?? ''}`;
  let dates = holidayDatesCache.get(key);
  if (dates === undefined) {
    const hd =
      place.subdivision === undefined
        ? new Holidays(place.country)
        : new Holidays(place.country, place.subdivision);
    dates = [];
    for (let y = 2024; y <= 2030; y++) {
      for (const h of hd.getHolidays(y)) {
        if (h.type !== 'public') continue;
        // entries that do not last exactly 24 h (multi-day, or a day with a DST change) weigh 5 times
        const weight = h.end.getTime() - h.start.getTime() === DAY ? 1 : 5;
        for (let i = 0; i < weight; i++) dates.push(h.date.slice(0, 10));
      }
    }
    holidayDatesCache.set(key, dates);
  }
  return dates;
}

const ANCHORS = ['uniform', 'dst', 'holiday', 'weekend', 'edge'] as const;
type Anchor = (typeof ANCHORS)[number];

/** The raw, shrinkable description of a case. */
interface CaseRecord {
  place: number;
  zoneChoice: number;
  omitZone: boolean;
  plan: number;
  planSpelling: number;
  severity: (typeof SEVERITIES)[number];
  language: (typeof LANGUAGES)[number];
  commit24x7: boolean | undefined;
  countrySpelling: 'alpha2' | 'alpha3' | 'lower';
  openedAtForm: 'number' | 'iso-z' | 'iso-offset';
  anchor: Anchor;
  a: number;
  b: number;
  c: number;
}

const caseRecord: fc.Arbitrary<CaseRecord> = fc.record({
  place: fc.nat(PLACES.length - 1),
  zoneChoice: fc.nat(20),
  omitZone: fc.nat(9).map((n) => n < 2), // 20%: no timeZone given
  plan: fc.nat(PLAN_SPELLINGS.length - 1),
  planSpelling: fc.nat(10),
  severity: fc.constantFrom(...SEVERITIES),
  language: fc.constantFrom(...LANGUAGES),
  commit24x7: fc.constantFrom(undefined, true, false),
  countrySpelling: fc.constantFrom('alpha2', 'alpha2', 'alpha2', 'alpha3', 'lower'),
  openedAtForm: fc.constantFrom('number', 'number', 'iso-z', 'iso-offset'),
  anchor: fc.constantFrom(...ANCHORS),
  a: fc.nat(),
  b: fc.nat(),
  c: fc.nat(),
});

interface BuiltCase {
  input: SlaInput;
  naive: NaiveCase;
  hoursZone: string;
}

function wholeMinuteInRange(t: number): number {
  const m = Math.floor(t / MINUTE) * MINUTE;
  return Math.min(Math.max(m, START), END - MINUTE);
}

function openedAtOf(r: CaseRecord, place: Place, zone: string): number {
  const { open, close } = hoursOf(place);
  const localDay = (dayIndex: number): DateTime =>
    DateTime.fromMillis(START + dayIndex * DAY + DAY / 2, { zone }).startOf('day');
  switch (r.anchor) {
    case 'uniform':
      return START + (r.a % TOTAL_MINUTES) * MINUTE;
    case 'dst': {
      const days = dstDays(zone);
      const day = days[r.a % Math.max(1, days.length)];
      if (day === undefined) return START + (r.a % TOTAL_MINUTES) * MINUTE; // zone without DST
      return wholeMinuteInRange(day - 3 * DAY + (r.b % (7 * 1440)) * MINUTE);
    }
    case 'holiday': {
      const dates = holidayDates(place);
      const date = dates[r.a % Math.max(1, dates.length)];
      if (date === undefined) return START + (r.a % TOTAL_MINUTES) * MINUTE;
      const midnight = DateTime.fromISO(date, { zone }).toMillis();
      return wholeMinuteInRange(midnight - 2 * DAY + (r.b % (5 * 1440)) * MINUTE);
    }
    case 'weekend': {
      // from Friday 12:00 to Tuesday 12:00 local
      const friday = localDay(r.a % TOTAL_DAYS).set({ weekday: 5, hour: 12 });
      return wholeMinuteInRange(friday.toMillis() + (r.b % (4 * 1440)) * MINUTE);
    }
    case 'edge': {
      // within two hours of an opening or a closing
      const edge = r.b % 2 === 0 ? open : close;
      const at = localDay(r.a % TOTAL_DAYS).plus({ minutes: edge });
      return wholeMinuteInRange(at.toMillis() + ((r.c % 241) - 120) * MINUTE);
    }
  }
}

function buildCase(r: CaseRecord): BuiltCase {
  const place = PLACES[r.place] as Place;
  const timeZone = r.omitZone ? undefined : place.zones[r.zoneChoice % place.zones.length];
  const hoursZone = hoursZoneOf(place, timeZone);
  const openedAt = openedAtOf(r, place, hoursZone);
  const spellings = PLAN_SPELLINGS[r.plan] as readonly string[];
  const plan = spellings[r.planSpelling % spellings.length] as string;
  const country =
    r.countrySpelling === 'alpha3'
      ? (countries.alpha2ToAlpha3(place.country) ?? place.country)
      : r.countrySpelling === 'lower'
        ? place.country.toLowerCase()
        : place.country;
  const openedAtInput =
    r.openedAtForm === 'number'
      ? openedAt
      : r.openedAtForm === 'iso-z'
        ? new Date(openedAt).toISOString()
        : (DateTime.fromMillis(openedAt, { zone: timeZone ?? hoursZone }).toISO() as string);
  const input: SlaInput = { plan, severity: r.severity, country, openedAt: openedAtInput };
  const naive: NaiveCase = { plan, severity: r.severity, country, openedAt };
  if (place.subdivision !== undefined) input.subdivision = naive.subdivision = place.subdivision;
  if (timeZone !== undefined) input.timeZone = naive.timeZone = timeZone;
  if (r.language !== undefined) input.language = naive.language = r.language;
  if (r.commit24x7 !== undefined) input.commit24x7 = naive.commit24x7 = r.commit24x7;
  return { input, naive, hoursZone };
}

/** The same case opened `ms` later (openedAt need not stay on a whole minute: core-only properties). */
function shifted(c: BuiltCase, ms: number): BuiltCase {
  const openedAt = c.naive.openedAt + ms;
  const form = typeof c.input.openedAt === 'number' ? openedAt : new Date(openedAt).toISOString();
  return { ...c, input: { ...c.input, openedAt: form }, naive: { ...c.naive, openedAt } };
}

/** Where to look at the clock, relative to openedAt and the (expected) deadline. */
interface AtRecord {
  mode: number;
  frac: number;
  jitter: number;
}
const atRecord: fc.Arbitrary<AtRecord> = fc.record({
  mode: fc.nat(6),
  frac: fc.nat(1_000_000),
  jitter: fc.nat(3 * DAY),
});
function atOf(r: AtRecord, openedAt: number, deadline: number): number {
  switch (r.mode) {
    case 0:
      return openedAt - 1 - (r.jitter % (2 * DAY)); // before the case was opened
    case 1:
      return openedAt;
    case 2:
      return openedAt + Math.floor((r.frac / 1_000_000) * (deadline - openedAt));
    case 3:
      return deadline;
    case 4:
      return deadline - MINUTE + (r.jitter % (2 * MINUTE + 1)); // within a minute of the deadline
    case 5:
      return deadline + 1 + (r.jitter % (2 * DAY)); // after it
    default:
      return openedAt + (r.jitter % (3 * DAY));
  }
}

// ---------------------------------------------------------------------------------------------
// Reporting

function show(t: number | null | undefined, zone: string): string {
  if (t === null || t === undefined) return String(t);
  return `${t} = ${new Date(t).toISOString()} = ${DateTime.fromMillis(t, { zone }).toFormat('ccc yyyy-MM-dd HH:mm:ss.SSS ZZ')} ${zone}`;
}

function fail(title: string, c: BuiltCase, at: number, lines: string[], extra?: unknown): never {
  const z = c.hoursZone;
  throw new Error(
    [
      title,
      `  input:      ${JSON.stringify(c.input)}`,
      `  at:         ${show(at, z)}`,
      `  openedAt:   ${show(c.naive.openedAt, z)}`,
      ...lines.map((l) => `  ${l}`),
      ...(extra === undefined ? [] : [`  details:    ${JSON.stringify(extra)}`]),
    ].join('\n'),
  );
}

function assessmentOf(c: BuiltCase, at: number, e: Evaluation): Assessment {
  if (!e.ok) fail('evaluate() failed where it should succeed', c, at, [`error: ${JSON.stringify(e.error)}`]);
  return e.assessment;
}

// ---------------------------------------------------------------------------------------------
// The properties

type Counter = (key: string) => void;

/**
 * Evaluates the case with the core and the naive reference and throws, with a readable report, on
 * the first field where they differ. `atFor` chooses `at` once the expected deadline is known.
 */
function compareWithNaive(
  c: BuiltCase,
  atFor: (openedAt: number, deadline: number) => number,
  count: Counter,
): void {
  const pick = naiveDeadline(c.naive);
  const at = atFor(c.naive.openedAt, pick.ok ? pick.value.deadline : c.naive.openedAt + DAY);
  const got = evaluate(c.input, at, azurePolicy);
  if (!pick.ok) {
    count(`error ${pick.code}`);
    if (got.ok || got.error.code !== pick.code) {
      fail('error expected', c, at, [
        `expected: error ${pick.code}`,
        `got:      ${got.ok ? `ok, deadline ${show(got.assessment.deadline, c.hoursZone)}` : JSON.stringify(got.error)}`,
      ]);
    }
    return;
  }
  const expected: NaivePick = pick.value;
  const status: NaiveStatus = naiveStatus(expected, c.naive.openedAt, at);
  count('assessment');
  count(`${expected.responseLanguage === expected.requestedLanguage ? 'requested' : 'other'} language`);
  count(`coverage ${expected.coverage}`);
  if (expected.alternative !== null) count('with an alternative');
  if (expected.alternative?.deadline === expected.deadline) count('tie');
  if (expected.coverage === 'business-hours' && expected.calendar !== null) {
    if (!naiveIsOpenMinute(expected.calendar, c.naive.openedAt)) count('business clock opened while closed');
    if (expected.deadline - c.naive.openedAt > 3 * DAY) count('business deadline > 3 days out');
  }
  count(status.running ? 'running' : 'not running');
  if (status.breached) count('breached');
  if (at < c.naive.openedAt) count('at before openedAt');

  const a = assessmentOf(c, at, got);
  const z = c.hoursZone;
  const diffs: string[] = [];
  const check = (
    name: string,
    want: unknown,
    have: unknown,
    render = (v: unknown) => JSON.stringify(v),
  ): void => {
    if (JSON.stringify(want) !== JSON.stringify(have)) {
      diffs.push(`${name}:`, `    expected ${render(want)}`, `    got      ${render(have)}`);
    }
  };
  const inst = (v: unknown) => show(v as number, z);
  const cand = (v: unknown) => {
    const x = v as { responseLanguage: string; coverage: string; deadline: number } | null;
    return x === null ? 'null' : `${x.responseLanguage} ${x.coverage} ${show(x.deadline, z)}`;
  };
  check('targetMinutes', expected.targetMinutes, a.targetMinutes);
  check('requestedLanguage', expected.requestedLanguage, a.requestedLanguage);
  check('responseLanguage', expected.responseLanguage, a.responseLanguage);
  check('coverage', expected.coverage, a.coverage);
  check('deadline', expected.deadline, a.deadline, inst);
  const alt =
    a.alternative === null
      ? null
      : {
          responseLanguage: a.alternative.responseLanguage,
          coverage: a.alternative.coverage,
          deadline: a.alternative.deadline,
        };
  check('alternative', expected.alternative, alt, cand);
  check('status.elapsedMinutes', status.elapsedMinutes, a.status.elapsedMinutes);
  check('status.running', status.running, a.status.running);
  check('status.breached', status.breached, a.status.breached);
  check('status.resumesAt', status.resumesAt, a.status.resumesAt, inst);
  if (diffs.length > 0) {
    fail('core and naive reference disagree', c, at, [
      expected.calendar === null
        ? 'no business-hours candidate'
        : `hours zone: ${z} (${expected.calendar.openMinute / 60}h–${expected.calendar.closeMinute / 60}h)`,
      ...diffs,
    ]);
  }
}

function summary(seen: Map<string, number>): string {
  return [...seen]
    .sort()
    .map(([k, v]) => `${k}: ${v}`)
    .join(', ');
}

describe('SLA core vs the naive minute-stepping reference', () => {
  it('agrees exactly on language, coverage, deadline, alternative and clock status', {
    timeout: 400_000,
  }, () => {
    const seen = new Map<string, number>(); // what the runs covered, printed at the end
    const count: Counter = (key) => {
      seen.set(key, (seen.get(key) ?? 0) + 1);
    };
    const places = new Set<string>();
    fc.assert(
      fc.property(caseRecord, atRecord, (r, ar) => {
        const c = buildCase(r);
        places.add(`${PLACES[r.place]?.country}${PLACES[r.place]?.subdivision ?? ''}`);
        count(`anchor ${r.anchor}`);
        compareWithNaive(c, (openedAt, deadline) => atOf(ar, openedAt, deadline), count);
      }),
      fcParams(1500),
    );
    console.log(
      `naive comparison (seed ${SEED}, TZ=${process.env.TZ ?? ''}), ${places.size} places: ${summary(seen)}`,
    );
  });

  it('agrees across every public holiday that does not last exactly 24 h (multi-day, DST days), 2024–2030', {
    timeout: 60_000,
  }, () => {
    // Not random: each such entry of each place, a C case on Standard (480 business minutes) opened
    // at 16:00 local the day before the entry, so the deadline walk crosses the whole entry and the
    // days after it; the clock is read 1 min before the deadline.
    const seen = new Map<string, number>();
    const count: Counter = (key) => {
      seen.set(key, (seen.get(key) ?? 0) + 1);
    };
    const done = new Set<string>(); // a country's entry once, even when several places share it
    for (const place of PLACES) {
      const hd =
        place.subdivision === undefined
          ? new Holidays(place.country)
          : new Holidays(place.country, place.subdivision);
      const zone = hoursZoneOf(place, place.zones[0]);
      for (let y = 2024; y <= 2030; y++) {
        for (const h of hd.getHolidays(y)) {
          if (h.type !== 'public' || h.end.getTime() - h.start.getTime() === DAY) continue;
          if (done.has(`${place.country}|${h.date}`)) continue;
          done.add(`${place.country}|${h.date}`);
          const dayBefore = DateTime.fromISO(h.date.slice(0, 10), { zone })
            .minus({ days: 1 })
            .set({ hour: 16 });
          const openedAt = dayBefore.toMillis();
          const input: SlaInput = { plan: 'standard', severity: 'C', country: place.country, openedAt };
          const naive: NaiveCase = { plan: 'standard', severity: 'C', country: place.country, openedAt };
          if (place.subdivision !== undefined) input.subdivision = naive.subdivision = place.subdivision;
          input.timeZone = naive.timeZone = place.zones[0];
          const c: BuiltCase = { input, naive, hoursZone: zone };
          compareWithNaive(c, (_, deadline) => deadline - MINUTE, count);
        }
      }
    }
    console.log(`unusual holiday entries: ${summary(seen)}`);
    expect(seen.get('assessment') ?? 0).toBeGreaterThan(20);
  });
});

describe('SLA core invariants', () => {
  it('deadline >= openedAt, business time at the deadline equals the target, and the deadline is the earliest such instant', {
    timeout: 120_000,
  }, () => {
    fc.assert(
      fc.property(
        caseRecord,
        fc.nat(30 * DAY),
        fc.oneof(fc.constant(0), fc.nat(59_999)),
        (r, atOffset, sub) => {
          const c = shifted(buildCase(r), sub); // openedAt with seconds and milliseconds, half of the time
          const first = evaluate(c.input, c.naive.openedAt, azurePolicy);
          fc.pre(first.ok);
          if (!first.ok) return;
          const { deadline, targetMinutes, openedAt } = first.assessment;
          if (openedAt !== c.naive.openedAt)
            fail('openedAt not read back', c, openedAt, [`got openedAt ${openedAt}`]);
          if (!(deadline >= openedAt))
            fail('deadline before openedAt', c, deadline, [`deadline ${show(deadline, c.hoursZone)}`]);
          const atDeadline = assessmentOf(c, deadline, evaluate(c.input, deadline, azurePolicy));
          const justBefore = assessmentOf(c, deadline - 1, evaluate(c.input, deadline - 1, azurePolicy));
          const justAfter = assessmentOf(c, deadline + 1, evaluate(c.input, deadline + 1, azurePolicy));
          const elsewhere = assessmentOf(
            c,
            openedAt + atOffset,
            evaluate(c.input, openedAt + atOffset, azurePolicy),
          );
          const problems: string[] = [];
          if (atDeadline.status.elapsedMinutes !== targetMinutes)
            problems.push(
              `elapsed at the deadline is ${atDeadline.status.elapsedMinutes}, target ${targetMinutes}`,
            );
          if (justBefore.status.elapsedMinutes !== targetMinutes - 1)
            problems.push(
              `elapsed 1 ms before the deadline is ${justBefore.status.elapsedMinutes}, expected ${targetMinutes - 1}`,
            );
          if (atDeadline.status.breached) problems.push('breached at the deadline itself');
          if (!justAfter.status.breached) problems.push('not breached 1 ms after the deadline');
          if (
            atDeadline.deadline !== deadline ||
            elsewhere.deadline !== deadline ||
            justAfter.deadline !== deadline
          )
            problems.push(
              `the deadline depends on \`at\`: ${deadline} / ${atDeadline.deadline} / ${elsewhere.deadline}`,
            );
          if (JSON.stringify(elsewhere.alternative) !== JSON.stringify(first.assessment.alternative))
            problems.push('the alternative depends on `at`');
          if (problems.length > 0)
            fail('invariant broken', c, deadline, [`deadline: ${show(deadline, c.hoursZone)}`, ...problems]);
        },
      ),
      fcParams(1100),
    );
  });

  it('a later openedAt never gives an earlier deadline', { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(
        caseRecord,
        fc.oneof(fc.constant(0), fc.nat(59_999)),
        fc.oneof(
          fc.integer({ min: 1, max: 2 * MINUTE }),
          fc.integer({ min: 1, max: 90 }).map((m) => m * MINUTE),
          fc.integer({ min: 1, max: 7 * 1440 }).map((m) => m * MINUTE),
        ),
        (r, sub, deltaMs) => {
          const c = shifted(buildCase(r), sub);
          const later = shifted(c, deltaMs);
          const e1 = evaluate(c.input, c.naive.openedAt, azurePolicy);
          const e2 = evaluate(later.input, later.naive.openedAt, azurePolicy);
          fc.pre(e1.ok && e2.ok);
          if (!e1.ok || !e2.ok) return;
          if (e2.assessment.deadline < e1.assessment.deadline) {
            fail('monotonicity broken: the later case is due earlier', c, c.naive.openedAt, [
              `openedAt ${show(c.naive.openedAt, c.hoursZone)} -> deadline ${show(e1.assessment.deadline, c.hoursZone)} (${e1.assessment.responseLanguage} ${e1.assessment.coverage})`,
              `openedAt ${show(later.naive.openedAt, c.hoursZone)} -> deadline ${show(e2.assessment.deadline, c.hoursZone)} (${e2.assessment.responseLanguage} ${e2.assessment.coverage})`,
            ]);
          }
        },
      ),
      fcParams(1100),
    );
  });

  it('errors: Developer offers only C; a multi-offset country needs a time zone', () => {
    const dev = evaluate(
      { plan: 'developer', severity: 'A', country: 'DE', openedAt: START },
      START,
      azurePolicy,
    );
    expect(dev.ok ? null : dev.error.code).toBe('severity_not_available');
    const br = evaluate(
      { plan: 'standard', severity: 'C', country: 'BR', openedAt: START },
      START,
      azurePolicy,
    );
    expect(br.ok ? null : br.error.code).toBe('time_zone_required');
  });
});
