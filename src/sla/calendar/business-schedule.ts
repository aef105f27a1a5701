import type { Policy } from '../policy/types.js';
import { utcYearOf, utcYearStart } from '../time/utc-year.js';
import type { Zone } from '../zones.js';
import { holidayDays } from './holidays.js';
import { Lru } from './lru.js';
import type { Schedule } from './schedule.js';
import {
  buildYear,
  intervalAfter,
  intervalReaching,
  usedBeforeInterval,
  type WeeklyHours,
  type YearIntervals,
} from './year-intervals.js';

const DAY = 86_400_000;
/** Years a schedule keeps built: enough for any case's life, few enough to keep memory flat. */
const YEARS_KEPT = 6;
/** A calendar with no opening this many years ahead is misconfigured, not slow. */
const YEARS_SEARCHED = 3;

export interface BusinessCalendarSpec {
  readonly zone: Zone;
  readonly hours: WeeklyHours;
  readonly country: string;
  readonly subdivision: string | null;
  /** Whose holidays: its types and adjustments decide which days close. */
  readonly policy: Policy;
}

interface Position {
  readonly year: number;
  readonly intervals: YearIntervals;
  /** First interval that ends after the instant. */
  readonly index: number;
}

/** Business hours of one region and zone: open intervals per local year, searched by bisection. */
export class BusinessSchedule implements Schedule {
  private readonly years = new Lru<number, YearIntervals>(YEARS_KEPT);
  private lastAt = Number.NaN;
  private lastPosition: Position | undefined;

  constructor(private readonly spec: BusinessCalendarSpec) {}

  add(from: number, ms: number): number {
    if (ms <= 0) return from;
    const start = this.position(from);
    let { year, intervals } = start;
    let used = usedBeforeInterval(intervals, start.index, from) + ms;
    for (let searched = 0; used > intervals.total; searched += 1) {
      if (searched > YEARS_SEARCHED) throw new RangeError('business calendar never opens');
      used -= intervals.total;
      year += 1;
      intervals = this.year(year);
    }
    const i = intervalReaching(intervals, used);
    return (intervals.ends[i] as number) - ((intervals.cumulative[i] as number) - used);
  }

  elapsed(from: number, to: number): number {
    if (to <= from) return 0;
    const start = this.position(from);
    const usedAtStart = usedBeforeInterval(start.intervals, start.index, from);
    const end = this.position(to);
    const usedAtEnd = usedBeforeInterval(end.intervals, end.index, to);
    if (start.year === end.year) return usedAtEnd - usedAtStart;
    let total = start.intervals.total - usedAtStart;
    for (let year = start.year + 1; year < end.year; year += 1) total += this.year(year).total;
    return total + usedAtEnd;
  }

  isOpen(at: number): boolean {
    const { intervals, index } = this.position(at);
    return (intervals.starts[index] as number) <= at;
  }

  nextOpening(at: number): number {
    const { intervals, index } = this.position(at);
    return Math.max(at, intervals.starts[index] as number);
  }

  /** The local year and interval holding `at`, or the next interval to open after it. */
  private position(at: number): Position {
    // An answer asks about the same instant several times in a row (elapsed, open, next opening).
    if (at === this.lastAt && this.lastPosition) return this.lastPosition;
    const position = this.locate(at);
    this.lastAt = at;
    this.lastPosition = position;
    return position;
  }

  private locate(at: number): Position {
    const utcYear = utcYearOf(at);
    // A local year starts up to 14 hours away from the UTC one: the previous year may still hold `at`.
    if (at < utcYearStart(utcYear) + DAY) {
      const previous = this.year(utcYear - 1);
      const index = intervalAfter(previous, at);
      if (index < previous.ends.length) return { year: utcYear - 1, intervals: previous, index };
    }
    for (let year = utcYear; year <= utcYear + YEARS_SEARCHED; year += 1) {
      const intervals = this.year(year);
      const index = intervalAfter(intervals, at);
      if (index < intervals.ends.length) return { year, intervals, index };
    }
    throw new RangeError('business calendar never opens');
  }

  private year(year: number): YearIntervals {
    const cached = this.years.get(year);
    if (cached) return cached;
    const { zone, hours, country, subdivision, policy } = this.spec;
    const closed = holidayDays(policy, country, subdivision, year);
    return this.years.set(year, buildYear(year, zone, hours, closed));
  }
}
