import type { IANAZone, ZoneOffsetFormat, ZoneOffsetOptions } from 'luxon';
import { intlOffsetReader, type OffsetReader, type OffsetYear, offsetIn, offsetYear } from './offset-year.js';
import { utcYearOf } from './utc-year.js';

const MINUTE = 60_000;
const DAY = 86_400_000;
const EDGE = 8.64e15;
/** Years kept per zone; far more than any run asks for, bounded so hostile years cannot grow it. */
const YEARS_KEPT = 400;

/**
 * An IANA zone, asked one question: its offset from UTC at an instant (`offsetAt`, in ms). It answers
 * from a table of the zone's transitions, read from Intl once per UTC year, so an answer costs a binary
 * search and no Intl call. It also has the shape of luxon's IANAZone (offsets in minutes), so code
 * typed with luxon's zones keeps working.
 */
export class TimeZone {
  private readonly read: OffsetReader;
  private readonly years = new Map<number, OffsetYear>();
  private last: OffsetYear | undefined;

  constructor(readonly name: string) {
    this.read = intlOffsetReader(name);
  }

  /** Offset from UTC at an instant, in ms (seconds included: local mean time is not whole minutes). */
  offsetAt(instant: number): number {
    const last = this.last;
    if (last !== undefined && instant >= last.start && instant < last.end) return offsetIn(last, instant);
    if (!(Math.abs(instant) <= EDGE)) return Number.NaN;
    const table = this.yearOf(instant);
    this.last = table;
    return offsetIn(table, instant);
  }

  /**
   * The one offset the zone keeps within `span` of `at` (inside the UTC year of `at`), or NaN when it
   * changes there or the span leaves that year.
   */
  steadyOffset(at: number, span: number): number {
    if (!(Math.abs(at) <= EDGE)) return Number.NaN;
    const last = this.last;
    const table = last !== undefined && at >= last.start && at < last.end ? last : this.yearOf(at);
    this.last = table;
    const from = at - span;
    const to = at + span;
    if (from < table.start || to >= table.end) return Number.NaN;
    const { starts, offsets } = table;
    let i = starts.length - 1;
    while (i > 0 && (starts[i] as number) > from) i -= 1;
    const next = starts[i + 1];
    return next !== undefined && next <= to ? Number.NaN : (offsets[i] as number);
  }

  private yearOf(instant: number): OffsetYear {
    const year = utcYearOf(instant);
    let table = this.years.get(year);
    if (table === undefined) {
      if (this.years.size >= YEARS_KEPT) this.years.clear();
      table = offsetYear(this.read, year);
      this.years.set(year, table);
    }
    return table;
  }

  // luxon's Zone interface.
  get type(): 'iana' {
    return 'iana';
  }
  get isUniversal(): false {
    return false;
  }
  get isValid(): true {
    return true;
  }
  /** Minutes, as luxon counts them (fractional for local mean time). */
  offset(ts: number): number {
    return this.offsetAt(ts) / MINUTE;
  }
  offsetName(ts: number, options: ZoneOffsetOptions): string | null {
    const parts = new Intl.DateTimeFormat(options.locale ?? 'en-US', {
      timeZone: this.name,
      timeZoneName: options.format ?? 'short',
    }).formatToParts(ts);
    return parts.find((part) => part.type === 'timeZoneName')?.value ?? null;
  }
  formatOffset(ts: number, format: ZoneOffsetFormat): string {
    const minutes = Math.trunc(this.offset(ts));
    const sign = minutes < 0 ? '-' : '+';
    const hours = Math.trunc(Math.abs(minutes) / 60);
    const rest = Math.abs(minutes) % 60;
    if (format === 'narrow') return `${sign}${hours}${rest > 0 ? `:${rest}` : ''}`;
    const separator = format === 'techie' ? '' : ':';
    return `${sign}${pad2(hours)}${separator}${pad2(rest)}`;
  }
  equals(other: { type: string; name: string }): boolean {
    return other.type === 'iana' && other.name === this.name;
  }
}

function pad2(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

const known = new Map<string, TimeZone | null>();
const canonical = new Map<string, TimeZone>();

/**
 * The IANA zone by name, typed as the core's callers have always held it (luxon's IANAZone shape); it is
 * a TimeZone, so `offsetAt` and `wallToInstant` answer it from its table.
 */
export function ianaZone(name: string): IANAZone | null {
  return timeZone(name);
}

/** The IANA zone by name (any letter case), or null when the name is not a zone. Cached per name. */
export function timeZone(name: string): TimeZone | null {
  let zone = known.get(name);
  if (zone === undefined) {
    zone = findZone(name);
    if (known.size > 2_000) known.clear();
    known.set(name, zone);
  }
  return zone;
}

function findZone(name: string): TimeZone | null {
  // Offsets such as "+01:00" are not places: they carry no DST or holidays.
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(name)) return null;
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
  // One object (and one table) per zone, whatever spelling found it.
  let zone = canonical.get(resolved);
  if (!zone) {
    zone = new TimeZone(resolved);
    canonical.set(resolved, zone);
  }
  return zone;
}

/** A zone as the core's callers may hold it: ours, or any with luxon's `offset` in minutes. */
export type ZoneLike = TimeZone | Pick<IANAZone, 'name' | 'offset'>;

/** The zone's offset from UTC at an instant, in milliseconds. */
export function offsetAt(zone: ZoneLike, instant: number): number {
  return zone instanceof TimeZone ? zone.offsetAt(instant) : zone.offset(instant) * MINUTE;
}

/**
 * The instant a local wall-clock time names. `wall` is the wall time written as if it were UTC.
 * In a DST gap the wall time does not exist: the first valid instant after it is the moment the
 * clocks jump. In a DST overlap the wall time happens twice: the earlier instant wins.
 */
export function wallToInstant(zone: ZoneLike, wall: number): number {
  // Most days of most zones: one offset for two days either side, so the wall time names one instant
  // (what the steps below find, in one table look-up; a business calendar asks this twice a day).
  if (zone instanceof TimeZone) {
    const steady = zone.steadyOffset(wall, 2 * DAY);
    if (!Number.isNaN(steady)) return wall - steady;
  }
  const guess = wall - offsetAt(zone, wall);
  const before = offsetAt(zone, guess - DAY);
  const after = offsetAt(zone, guess + DAY);
  const early = wall - before;
  const late = wall - after;
  const earlyValid = offsetAt(zone, early) === before;
  // The same instant when the offset a day either side agrees (most days of most zones).
  const lateValid = before === after ? earlyValid : offsetAt(zone, late) === after;
  if (earlyValid && lateValid) return Math.min(early, late);
  if (earlyValid) return early;
  if (lateValid) return late;
  return transitionBetween(zone, Math.min(early, late), Math.max(early, late), after);
}

/** The first instant in [from, to] at which the zone already keeps `offsetAfter`. */
function transitionBetween(zone: ZoneLike, from: number, to: number, offsetAfter: number): number {
  let lo = from;
  let hi = to;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (offsetAt(zone, mid) === offsetAfter) hi = mid;
    else lo = mid;
  }
  return offsetAt(zone, lo) === offsetAfter ? lo : hi;
}
