// A deliberately naive reference for the SLA core (SLA-RULES.md §1–§6, and the hours and holiday
// corrections of §11), written without looking at src/sla. It imports nothing from src/ except types.
//
// Method: walk forward one minute at a time from `openedAt` (which must be on a whole minute). A
// minute [t, t+1min) is open when, converted with luxon to the business hours' zone, t falls on
// Monday–Friday, its HH:mm lies in [open, close), and its local date is not a public holiday. All
// zones in use have whole-minute UTC offsets, so "open" cannot change inside an epoch minute.
// Nothing here is clever: correctness by inspection, not speed.

import Holidays from 'date-holidays';
import countries from 'i18n-iso-countries';
import { DateTime } from 'luxon';
import type { Coverage, PlanId, Severity, SlaErrorCode, SupportLanguage } from '../../src/sla/types.js';

export const MINUTE = 60_000;
const DAY = 86_400_000;
/** A walk that runs longer than this is a bug in the caller (or a calendar without any open day). */
const MAX_WALK_MINUTES = 120 * 24 * 60;

// ---------------------------------------------------------------------------------------------
// §1–§2: plans, severities, targets

const PLAN_ALIASES: Record<string, PlanId> = {
  developer: 'developer',
  dev: 'developer',
  standard: 'standard',
  std: 'standard',
  'professional-direct': 'professional-direct',
  prodirect: 'professional-direct',
  'pro-direct': 'professional-direct',
  premier: 'premier',
  'rapid-response': 'rapid-response',
  arr: 'rapid-response',
  'azure-rapid-response': 'rapid-response',
};

export function naivePlan(spelling: string): PlanId | null {
  // case-insensitive; spaces and underscores are treated like hyphens
  const key = spelling
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
  return PLAN_ALIASES[key] ?? null;
}

export function naiveSeverity(spelling: string): Severity | null {
  const s = spelling.trim().toUpperCase();
  return s === 'A' || s === 'B' || s === 'C' ? s : null;
}

/** First-response targets in minutes; null = not offered. */
const TARGETS: Record<PlanId, Record<Severity, number | null>> = {
  developer: { A: null, B: null, C: 480 },
  standard: { A: 60, B: 240, C: 480 },
  'professional-direct': { A: 60, B: 120, C: 240 },
  premier: { A: 60, B: 120, C: 240 },
  'rapid-response': { A: 15, B: 120, C: 240 },
};

// ---------------------------------------------------------------------------------------------
// §4: languages

/** Maps a BCP 47 tag onto a support language; anything else is served in English. */
export function naiveLanguage(tag: string | undefined): SupportLanguage {
  if (tag === undefined) return 'en';
  const parts = tag.toLowerCase().split(/[-_]/);
  const primary = parts[0];
  if (primary === 'zh') {
    const second = parts[1];
    if (second === 'hant' || second === 'tw' || second === 'hk') return 'zh-Hant';
    return 'en';
  }
  switch (primary) {
    case 'en':
    case 'es':
    case 'fr':
    case 'de':
    case 'it':
    case 'pt':
    case 'ko':
    case 'ja':
      return primary;
    default:
      return 'en';
  }
}

// ---------------------------------------------------------------------------------------------
// §5: business-hours calendars

export interface NaiveCalendar {
  /** ISO 3166-1 alpha-2, upper case. */
  country: string;
  subdivision: string | undefined;
  /** The zone the hours (and the holidays' local dates) are read in. */
  zone: string;
  /** Minutes after local midnight. */
  openMinute: number;
  closeMinute: number;
}

export function naiveCountryCode(country: string): string {
  const c = country.trim().toUpperCase();
  if (c.length === 3) return countries.alpha3ToAlpha2(c) ?? c;
  return c;
}

const holidaysByPlace = new Map<string, Holidays>();
function holidaysFor(country: string, subdivision: string | undefined): Holidays {
  const key = `${country}|${subdivision ?? ''}`;
  let hd = holidaysByPlace.get(key);
  if (hd === undefined) {
    hd = subdivision === undefined ? new Holidays(country) : new Holidays(country, subdivision);
    holidaysByPlace.set(key, hd);
  }
  return hd;
}

export type NaiveCalendarResult = { ok: true; calendar: NaiveCalendar } | { ok: false; code: SlaErrorCode };

/**
 * The business-hours calendar of a case. `openedAt` only matters when no time zone is given and the
 * country's zones must be compared at that instant.
 */
export function naiveCalendar(
  countryInput: string,
  subdivision: string | undefined,
  timeZone: string | undefined,
  openedAt: number,
): NaiveCalendarResult {
  const country = naiveCountryCode(countryInput);
  const sub = subdivision === undefined ? undefined : subdivision.trim().toUpperCase();
  if (country === 'US' || country === 'CA') {
    return {
      ok: true,
      calendar: {
        country,
        subdivision: sub,
        zone: 'America/Los_Angeles',
        openMinute: 6 * 60,
        closeMinute: 18 * 60,
      },
    };
  }
  if (country === 'JP') {
    return {
      ok: true,
      calendar: {
        country,
        subdivision: sub,
        zone: 'Asia/Tokyo',
        openMinute: 9 * 60,
        closeMinute: 17 * 60 + 30,
      },
    };
  }
  // §11: Austria opens at 08:00 (closing 17:00), in the customer's zone like every other country.
  const openMinute = country === 'AT' ? 8 * 60 : 9 * 60;
  let zone = timeZone;
  if (zone === undefined) {
    // the zones date-holidays lists for the place (the subdivision's, when one is given)
    const zones = holidaysFor(country, sub).getTimezones();
    const first = zones[0];
    if (first === undefined) return { ok: false, code: 'time_zone_required' };
    const offsets = new Set(zones.map((z) => DateTime.fromMillis(openedAt, { zone: z }).offset));
    if (offsets.size !== 1) return { ok: false, code: 'time_zone_required' };
    zone = first;
  }
  return {
    ok: true,
    calendar: { country, subdivision: sub, zone, openMinute, closeMinute: 17 * 60 },
  };
}

/** §11: Microsoft's US list leaves these federal holidays open (and their substitute days). */
const OPEN_ON = new Set(['US|Columbus Day', 'US|Veterans Day', 'US|Veterans Day (substitute day)']);

/** Local dates ("YYYY-MM-DD") closed for public holidays, from the entries date-holidays gives for `year`. */
const closedDatesCache = new Map<string, Set<string>>();
function closedDatesFromEntriesOf(
  country: string,
  subdivision: string | undefined,
  year: number,
): Set<string> {
  const key = `${country}|${subdivision ?? ''}|${year}`;
  let dates = closedDatesCache.get(key);
  if (dates !== undefined) return dates;
  dates = new Set<string>();
  const hd = holidaysFor(country, subdivision);
  const holidayZone = hd.getTimezones()[0]; // the zone date-holidays computes start/end in
  for (const h of hd.getHolidays(year, 'en')) {
    if (h.type !== 'public' || OPEN_ON.has(`${country}|${h.name}`)) continue;
    dates.add(h.date.slice(0, 10));
    if (h.end.getTime() - h.start.getTime() > DAY) {
      // a multi-day entry: every local date that [start, end) touches. NB for entries that start in the
      // evening (TR/AE/SA feasts begin at 18:00 the day before `date`) this closes that eve as well,
      // which the core does not do; the property tests leave those countries out until that is decided.

      let d = DateTime.fromMillis(h.start.getTime(), { zone: holidayZone }).startOf('day');
      const last = DateTime.fromMillis(h.end.getTime() - 1, { zone: holidayZone }).toISODate();
      for (;;) {
        const iso = d.toISODate();
        if (iso === null || last === null) throw new Error(`bad holiday entry ${JSON.stringify(h)}`);
        dates.add(iso);
        if (iso >= last) break;
        d = d.plus({ days: 1 });
      }
    }
  }
  closedDatesCache.set(key, dates);
  return dates;
}

export function naiveIsHoliday(cal: NaiveCalendar, localDate: string): boolean {
  const year = Number(localDate.slice(0, 4));
  return (
    closedDatesFromEntriesOf(cal.country, cal.subdivision, year - 1).has(localDate) ||
    closedDatesFromEntriesOf(cal.country, cal.subdivision, year).has(localDate)
  );
}

/**
 * Is the minute [t, t + 1 min) inside business hours? (t on a whole minute) Answers are remembered per
 * calendar object (a pure function memoised: the deadline walk and the elapsed walk of one case visit
 * the same minutes); the memo dies with the calendar.
 */
const openMemo = new WeakMap<NaiveCalendar, Map<number, boolean>>();
export function naiveIsOpenMinute(cal: NaiveCalendar, t: number): boolean {
  let memo = openMemo.get(cal);
  if (memo === undefined) {
    memo = new Map();
    openMemo.set(cal, memo);
  }
  let open = memo.get(t);
  if (open === undefined) {
    open = isOpenMinuteUncached(cal, t);
    memo.set(t, open);
  }
  return open;
}

function isOpenMinuteUncached(cal: NaiveCalendar, t: number): boolean {
  const local = DateTime.fromMillis(t, { zone: cal.zone });
  if (local.weekday === 6 || local.weekday === 7) return false; // Saturday, Sunday
  const minuteOfDay = local.hour * 60 + local.minute;
  if (minuteOfDay < cal.openMinute || minuteOfDay >= cal.closeMinute) return false;
  const localDate = local.toISODate();
  if (localDate === null) throw new Error(`invalid instant ${t} in ${cal.zone}`);
  return !naiveIsHoliday(cal, localDate);
}

/** The end of the target-th open minute counted from `openedAt`. */
export function naiveBusinessDeadline(cal: NaiveCalendar, openedAt: number, targetMinutes: number): number {
  if (openedAt % MINUTE !== 0) throw new Error('the naive reference needs openedAt on a whole minute');
  let t = openedAt;
  let counted = 0;
  let walked = 0;
  while (counted < targetMinutes) {
    if (naiveIsOpenMinute(cal, t)) counted++;
    t += MINUTE;
    if (++walked > MAX_WALK_MINUTES) throw new Error('naive walk too long');
  }
  return t;
}

/** Business milliseconds in [openedAt, at). */
export function naiveBusinessElapsedMs(cal: NaiveCalendar, openedAt: number, at: number): number {
  if (openedAt % MINUTE !== 0) throw new Error('the naive reference needs openedAt on a whole minute');
  let ms = 0;
  for (let t = openedAt; t < at; t += MINUTE) {
    if (naiveIsOpenMinute(cal, t)) ms += Math.min(MINUTE, at - t);
  }
  return ms;
}

/** Is business time running at the instant `at` (any millisecond)? */
export function naiveIsOpenAt(cal: NaiveCalendar, at: number): boolean {
  return naiveIsOpenMinute(cal, Math.floor(at / MINUTE) * MINUTE);
}

/** The first instant >= at at which business time runs. */
export function naiveNextOpening(cal: NaiveCalendar, at: number): number {
  if (naiveIsOpenAt(cal, at)) return at;
  let t = Math.floor(at / MINUTE) * MINUTE + MINUTE;
  let walked = 0;
  while (!naiveIsOpenMinute(cal, t)) {
    t += MINUTE;
    if (++walked > MAX_WALK_MINUTES) throw new Error('naive walk too long');
  }
  return t;
}

// ---------------------------------------------------------------------------------------------
// §3–§4: the language and clock pick

export interface NaiveCase {
  plan: string;
  severity: string;
  language?: string;
  country: string;
  subdivision?: string;
  timeZone?: string;
  commit24x7?: boolean;
  /** epoch ms on a whole minute */
  openedAt: number;
}

export interface NaiveCandidate {
  responseLanguage: SupportLanguage;
  coverage: Coverage;
  deadline: number;
}

export interface NaivePick {
  plan: PlanId;
  severity: Severity;
  targetMinutes: number;
  requestedLanguage: SupportLanguage;
  /** The business-hours calendar; null when every candidate runs 24x7. */
  calendar: NaiveCalendar | null;
  responseLanguage: SupportLanguage;
  coverage: Coverage;
  deadline: number;
  alternative: NaiveCandidate | null;
}

export type NaiveResult<T> = { ok: true; value: T } | { ok: false; code: SlaErrorCode };

export function naiveDeadline(c: NaiveCase): NaiveResult<NaivePick> {
  const plan = naivePlan(c.plan);
  if (plan === null) return { ok: false, code: 'unknown_plan' };
  const severity = naiveSeverity(c.severity);
  if (severity === null) return { ok: false, code: 'unknown_severity' };
  const target = TARGETS[plan][severity];
  if (target === null) return { ok: false, code: 'severity_not_available' };

  const requested = naiveLanguage(c.language);
  const commit = c.commit24x7 ?? severity === 'A';

  // §3: the clock of the requested language
  let clock: Coverage;
  if (severity === 'A') clock = requested === 'en' || requested === 'ja' ? '24x7' : 'business-hours';
  else if (severity === 'B') clock = commit && requested === 'en' ? '24x7' : 'business-hours';
  else clock = 'business-hours';
  // §4.2: English 24x7 as the second candidate
  const offersEnglish24x7 = severity === 'A' || (severity === 'B' && commit);

  // The business-hours calendar is needed only when the requested language runs on business hours. A
  // case that runs 24x7 whatever happens does not need the customer's zone to decide anything (§5: the
  // zone is "required only where it decides the business hours").
  let calendar: NaiveCalendar | null = null;
  if (clock === 'business-hours') {
    const cal = naiveCalendar(c.country, c.subdivision, c.timeZone, c.openedAt);
    if (!cal.ok) return { ok: false, code: cal.code };
    calendar = cal.calendar;
  }
  const businessCalendar = calendar;
  const deadlineOn = (coverage: Coverage): number => {
    if (coverage === '24x7') return c.openedAt + target * MINUTE;
    if (businessCalendar === null) throw new Error('unreachable: business hours without a calendar');
    return naiveBusinessDeadline(businessCalendar, c.openedAt, target);
  };

  const first: NaiveCandidate = { responseLanguage: requested, coverage: clock, deadline: deadlineOn(clock) };
  let chosen = first;
  let alternative: NaiveCandidate | null = null;
  if (clock === 'business-hours' && offersEnglish24x7) {
    const second: NaiveCandidate = { responseLanguage: 'en', coverage: '24x7', deadline: deadlineOn('24x7') };
    if (second.deadline < first.deadline) {
      chosen = second;
      alternative = first;
    } else {
      alternative = second; // tie -> the requested language
    }
  }
  return {
    ok: true,
    value: {
      plan,
      severity,
      targetMinutes: target,
      requestedLanguage: requested,
      calendar,
      responseLanguage: chosen.responseLanguage,
      coverage: chosen.coverage,
      deadline: chosen.deadline,
      alternative,
    },
  };
}

export interface NaiveStatus {
  elapsedMinutes: number;
  running: boolean;
  /** When a stopped clock starts (again): the first running instant >= max(at, openedAt); null while running. */
  resumesAt: number | null;
  breached: boolean;
}

export function naiveStatus(pick: NaivePick, openedAt: number, at: number): NaiveStatus {
  let elapsedMs: number;
  let running: boolean;
  let resumesAt: number | null = null;
  if (pick.coverage === '24x7') {
    elapsedMs = Math.max(0, at - openedAt);
    running = at >= openedAt;
    if (!running) resumesAt = openedAt;
  } else {
    const cal = pick.calendar;
    if (cal === null) throw new Error('unreachable: business hours without a calendar');
    elapsedMs = naiveBusinessElapsedMs(cal, openedAt, at);
    running = at >= openedAt && naiveIsOpenAt(cal, at);
    if (!running) resumesAt = naiveNextOpening(cal, Math.max(at, openedAt));
  }
  return {
    elapsedMinutes: Math.floor(elapsedMs / MINUTE),
    running,
    resumesAt,
    breached: at > pick.deadline,
  };
}

export function naiveEvaluate(c: NaiveCase, at: number): NaiveResult<NaivePick & { status: NaiveStatus }> {
  const pick = naiveDeadline(c);
  if (!pick.ok) return pick;
  return { ok: true, value: { ...pick.value, status: naiveStatus(pick.value, c.openedAt, at) } };
}
