import { wallToInstant } from '../time/zone.js';
import type { Zone } from '../zones.js';

const DAY = 86_400_000;
const MINUTE = 60_000;

/** One local year of open intervals as sorted instants, with the open time used up by each end. */
export interface YearIntervals {
  readonly starts: Float64Array;
  readonly ends: Float64Array;
  /** cumulative[i]: open ms from the year's first opening up to ends[i]. */
  readonly cumulative: Float64Array;
  readonly total: number;
  /** UTC day number of `byDay[0]`: the day of the first opening. */
  readonly firstDay: number;
  /**
   * byDay[d]: the first interval that ends after UTC day `firstDay + d` begins. An instant's interval is
   * then at most a step or two from its day's entry: no search over the year on every question.
   */
  readonly byDay: Uint16Array;
}

export interface WeeklyHours {
  /** ISO weekdays, Monday = 1. */
  readonly weekdays: ReadonlySet<number>;
  readonly opensMinute: number;
  readonly closesMinute: number;
}

/** Builds the open intervals of local year `year`: weekdays within hours, holidays closed. */
export function buildYear(
  year: number,
  zone: Zone,
  hours: WeeklyHours,
  closed: ReadonlySet<number>,
): YearIntervals {
  const starts: number[] = [];
  const ends: number[] = [];
  const first = Date.UTC(year, 0, 1) / DAY;
  const last = Date.UTC(year + 1, 0, 1) / DAY;
  for (let day = first; day < last; day += 1) {
    // Day 0, 1970-01-01, was a Thursday (ISO 4).
    const isoWeekday = ((((day + 3) % 7) + 7) % 7) + 1;
    if (!hours.weekdays.has(isoWeekday) || closed.has(day)) continue;
    const opens = wallToInstant(zone, day * DAY + hours.opensMinute * MINUTE);
    const closes = wallToInstant(zone, day * DAY + hours.closesMinute * MINUTE);
    if (closes > opens) {
      starts.push(opens);
      ends.push(closes);
    }
  }
  const cumulative = new Float64Array(starts.length);
  let total = 0;
  for (let i = 0; i < starts.length; i += 1) {
    total += (ends[i] as number) - (starts[i] as number);
    cumulative[i] = total;
  }
  const endsArray = Float64Array.from(ends);
  const firstDay = starts.length ? Math.floor((starts[0] as number) / DAY) : 0;
  return {
    starts: Float64Array.from(starts),
    ends: endsArray,
    cumulative,
    total,
    firstDay,
    byDay: dayIndex(endsArray, firstDay),
  };
}

/** For each UTC day from `firstDay` to the day after the last end, the first interval ending after it begins. */
function dayIndex(ends: Float64Array, firstDay: number): Uint16Array {
  if (ends.length === 0) return new Uint16Array(0);
  const days = Math.floor((ends[ends.length - 1] as number) / DAY) - firstDay + 2;
  const byDay = new Uint16Array(days);
  let i = 0;
  for (let day = 0; day < days; day += 1) {
    const begins = (firstDay + day) * DAY;
    while (i < ends.length && (ends[i] as number) <= begins) i += 1;
    byDay[day] = i;
  }
  return byDay;
}

/** Index of the first interval that ends after `at` (the one holding `at`, or the next); length if none. */
export function intervalAfter(year: YearIntervals, at: number): number {
  const { ends, byDay } = year;
  const day = Math.floor(at / DAY) - year.firstDay;
  // Before the first opening every interval ends later; after the last day none does.
  if (day < 0) return 0;
  if (!(day < byDay.length)) return ends.length;
  let i = byDay[day] as number;
  while (i < ends.length && (ends[i] as number) <= at) i += 1;
  return i;
}

/** Index of the first interval by whose end at least `used` ms of open time have elapsed. */
export function intervalReaching(year: YearIntervals, used: number): number {
  let lo = 0;
  let hi = year.cumulative.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((year.cumulative[mid] as number) >= used) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Open ms of the year elapsed before `at`, where `i` is `intervalAfter(year, at)` (found once). */
export function usedBeforeInterval(year: YearIntervals, i: number, at: number): number {
  if (i === year.ends.length) return year.total;
  const start = year.starts[i] as number;
  const before = (year.cumulative[i] as number) - ((year.ends[i] as number) - start);
  return before + Math.max(0, at - start);
}
