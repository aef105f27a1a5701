import type { HolidayAdjustment, HolidayType, Policy } from '../policy/types.js';
import { type TableHoliday, tableHolidays } from './country-facts.js';
import { dayNumber, fullDate, yearlyDate } from './holiday-dates.js';
import { Lru } from './lru.js';
import { freshRegion } from './regions.js';

const DAY = 86_400_000;
const SUBSTITUTE = ' (substitute day)';
// Per policy (its holiday types and adjustments decide), enough for every region's recent years;
// bounded so memory stays flat as the years go by.
const closedByPolicy = new WeakMap<Policy, Lru<string, ReadonlySet<number>>>();
const YEARS_KEPT = 512;

/**
 * The local dates closed all day in a year, as day numbers (days since 1970-01-01 of the local date):
 * date-holidays' days of the policy's types, corrected by the policy's adjustments for the country and
 * for the subdivision. Built once per policy, region and year.
 */
export function holidayDays(
  policy: Policy,
  country: string,
  subdivision: string | null,
  year: number,
): ReadonlySet<number> {
  let closed = closedByPolicy.get(policy);
  if (!closed) {
    closed = new Lru(YEARS_KEPT);
    closedByPolicy.set(policy, closed);
  }
  const key = `${country}|${subdivision ?? ''}|${year}`;
  const cached = closed.get(key);
  if (cached) return cached;
  const adjustments = policy.holidayAdjustments.filter(
    (adjustment) => adjustment.region === country || adjustment.region === `${country}-${subdivision}`,
  );
  const dropped = new Set(adjustments.flatMap((adjustment) => adjustment.drop));
  const days = new Set<number>();
  for (const holiday of holidaysIn(country, subdivision, policy.holidayTypes, year)) {
    if (isDropped(holiday.name, dropped)) continue;
    for (let day = 0; day < holiday.span; day += 1) days.add(holiday.day + day);
  }
  for (const adjustment of adjustments) adjust(days, adjustment, year);
  return closed.set(key, days);
}

/**
 * date-holidays' holidays of the types in a year: from the generated country table when it holds them
 * (recent and coming years), else computed by date-holidays. A holiday of several
 * days closes each.
 */
function holidaysIn(
  country: string,
  subdivision: string | null,
  types: readonly HolidayType[],
  year: number,
): readonly TableHoliday[] {
  return (
    tableHolidays(country, subdivision, year, types) ?? computedHolidays(country, subdivision, types, year)
  );
}

/** The same from date-holidays itself: what the table holds, computed (its test compares the two). */
export function computedHolidays(
  country: string,
  subdivision: string | null,
  types: readonly HolidayType[],
  year: number,
): readonly TableHoliday[] {
  const holidays: TableHoliday[] = [];
  for (const holiday of freshRegion(country, subdivision, types).getHolidays(year, 'en') || []) {
    if (!types.includes(holiday.type)) continue;
    const span = Math.max(1, Math.round((holiday.end.getTime() - holiday.start.getTime()) / DAY));
    holidays.push({ day: localDayNumber(holiday.date), span, name: holiday.name });
  }
  return holidays;
}

/** A dropped name takes its substitute day with it ("Veterans Day (substitute day)"). */
function isDropped(name: string, dropped: ReadonlySet<string>): boolean {
  return dropped.has(name) || (name.endsWith(SUBSTITUTE) && dropped.has(name.slice(0, -SUBSTITUTE.length)));
}

/** Dropped dates open, added dates close (a date both dropped and added is closed). */
function adjust(days: Set<number>, adjustment: HolidayAdjustment, year: number): void {
  for (const drop of adjustment.drop) {
    const day = fullDate(drop);
    if (!Number.isNaN(day)) days.delete(day);
  }
  for (const added of adjustment.add) {
    const yearly = yearlyDate(added.date);
    if (!yearly) {
      const day = fullDate(added.date);
      if (new Date(day * DAY).getUTCFullYear() === year) days.add(day);
    } else if (year >= (added.since ?? year) && year <= (added.until ?? year)) {
      const day = dayNumber(year, yearly.month, yearly.day);
      if (!Number.isNaN(day)) days.add(day);
    }
  }
}

/** "2026-12-25 00:00:00" (date-holidays' local date) to its day number. */
function localDayNumber(date: string): number {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  return Date.UTC(year, month - 1, day) / DAY;
}
