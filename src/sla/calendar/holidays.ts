import type { HolidayType } from '../policy/types.js';
import { Lru } from './lru.js';
import { freshRegion } from './regions.js';

const DAY = 86_400_000;
// Enough for every region's recent years; bounded so memory stays flat as the years go by.
const closedDays = new Lru<string, ReadonlySet<number>>(512);

/**
 * The local dates closed all day in a year, as day numbers (days since 1970-01-01 of the local date).
 * Built once per region, year and holiday types; a holiday spanning several days closes each of them.
 */
export function holidayDays(
  country: string,
  subdivision: string | null,
  year: number,
  types: readonly HolidayType[],
): ReadonlySet<number> {
  const key = `${country}|${subdivision ?? ''}|${year}|${types.join(',')}`;
  const cached = closedDays.get(key);
  if (cached) return cached;
  const days = new Set<number>();
  for (const holiday of freshRegion(country, subdivision, types).getHolidays(year) || []) {
    if (!types.includes(holiday.type)) continue;
    const first = localDayNumber(holiday.date);
    const span = Math.max(1, Math.round((holiday.end.getTime() - holiday.start.getTime()) / DAY));
    for (let day = 0; day < span; day += 1) days.add(first + day);
  }
  return closedDays.set(key, days);
}

/** "2026-12-25 00:00:00" (date-holidays' local date) to its day number. */
function localDayNumber(date: string): number {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  return Date.UTC(year, month - 1, day) / DAY;
}
