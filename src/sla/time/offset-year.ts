// The only place a zone's offsets are read from Intl: once per zone and UTC year, into a table.
import { daysFromCivil, utcYearStart } from './utc-year.js';

const DAY = 86_400_000;
/** Date's own range: Intl cannot say anything outside it. */
const EDGE = 8.64e15;
/**
 * Samples are six days apart. In the tz database as Node has it, the closest two transitions of any
 * zone from 1900 to 2100 are 7 days apart (a scan of all 418 zones every six hours, so at least 6.75
 * days), so a change and its undoing always have a sample between them and cannot hide. Each change
 * found is then narrowed to its second.
 */
const SAMPLE = 6 * DAY;
const HOUR = 3600;

/** One UTC year of a zone: `offsets[i]` (ms east of UTC) holds from `starts[i]` to the next start. */
export interface OffsetYear {
  readonly start: number;
  readonly end: number;
  readonly starts: Float64Array;
  readonly offsets: Float64Array;
}

/** A zone's offset at an instant as Intl reads it: slow (an Intl format), used only to build tables. */
export type OffsetReader = (instant: number) => number;

// en-US writes "3/29/2026 AD, 01:00:00"; parsing that is three times faster than formatToParts.
const EN_US = /^(\d+)\/(\d+)\/(\d+) (AD|BC),? (\d+):(\d+):(\d+)$/;

/** Reads offsets with one Intl.DateTimeFormat per zone; whole seconds, so local mean time is exact. */
export function intlOffsetReader(zoneName: string): OffsetReader {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: zoneName,
    hourCycle: 'h23',
    era: 'short',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  return (instant) => {
    const fields = EN_US.exec(format.format(instant)) ?? fieldsOf(format, instant);
    const year = Number(fields[3]);
    const days = daysFromCivil(fields[4] === 'BC' ? 1 - year : year, Number(fields[1]), Number(fields[2]));
    const wall = days * DAY + ((Number(fields[5]) * 60 + Number(fields[6])) * 60 + Number(fields[7])) * 1000;
    const wholeSecond = instant - (((instant % 1000) + 1000) % 1000);
    // A wall time beyond what a Date holds has no offset, as when it was read with a Date.
    return Math.abs(wall) <= EDGE ? wall - wholeSecond : Number.NaN;
  };
}

/** The same fields from formatToParts, should a future ICU write en-US dates differently. */
function fieldsOf(format: Intl.DateTimeFormat, instant: number): string[] {
  const parts: Record<string, string> = {};
  for (const part of format.formatToParts(instant)) parts[part.type] = part.value;
  const { month = '', day = '', year = '', era = '', hour = '', minute = '', second = '' } = parts;
  return ['', month, day, year, era, hour, minute, second];
}

/** Builds a year's table: samples through the year, each change narrowed to the second. */
export function offsetYear(read: OffsetReader, year: number): OffsetYear {
  const start = utcYearStart(year);
  const end = utcYearStart(year + 1);
  const first = Math.max(start, -EDGE);
  const last = Math.min(end, EDGE + 1);
  const starts = [start];
  const offsets = [read(first)];
  let before = first;
  let offset = offsets[0] as number;
  while (before < last - 1) {
    const after = Math.min(before + SAMPLE, last - 1);
    const next = read(after);
    if (next !== offset) {
      starts.push(firstWith(read, before, after, next));
      offsets.push(next);
      offset = next;
    }
    before = after;
  }
  return { start, end, starts: Float64Array.from(starts), offsets: Float64Array.from(offsets) };
}

/**
 * The first instant in (from, to] at which the zone keeps `offset` (true at `to`). Intl reads whole
 * seconds and the tz database changes offsets on whole seconds, so the search is over seconds.
 */
function firstWith(read: OffsetReader, from: number, to: number, offset: number): number {
  let lo = Math.floor(from / 1000);
  let hi = Math.floor(to / 1000);
  // Only a change inside the last second before `to` could fail this; none falls off a whole second.
  if (hi <= lo || read(hi * 1000) !== offset) return to;
  while (hi - lo > 1) {
    const mid = cut(lo, hi);
    if (read(mid * 1000) === offset) hi = mid;
    else lo = mid;
  }
  return hi * 1000;
}

/**
 * A second strictly between `lo` and `hi` to read next. Any such cut finds the same transition; these
 * find the usual one, on a whole hour, in about 8 reads rather than 18: hours are halved while the
 * window holds any, then the second before the hour that ends it is tried, then seconds are halved.
 */
function cut(lo: number, hi: number): number {
  const firstHour = Math.floor(lo / HOUR) + 1;
  const lastHour = Math.ceil(hi / HOUR) - 1;
  if (firstHour <= lastHour) return Math.floor((firstHour + lastHour) / 2) * HOUR;
  if (hi % HOUR === 0) return hi - 1;
  return Math.floor((lo + hi) / 2);
}

/** The offset a table holds at an instant inside its year: a binary search over its starts. */
export function offsetIn(table: OffsetYear, instant: number): number {
  const { starts, offsets } = table;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if ((starts[mid] as number) <= instant) lo = mid;
    else hi = mid - 1;
  }
  return offsets[lo] as number;
}
