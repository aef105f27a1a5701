// The dates of holiday adjustments: `YYYY-MM-DD` (one day) or `MM-DD` (every year), as day numbers.

const DAY = 86_400_000;
const FULL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const YEARLY_DATE = /^(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a real calendar date, or NaN (30 February is not a date). */
export function dayNumber(year: number, month: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  const real =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return real ? date.getTime() / DAY : Number.NaN;
}

/** `YYYY-MM-DD` as a day number, or NaN. */
export function fullDate(text: string): number {
  const m = FULL_DATE.exec(text);
  return m ? dayNumber(Number(m[1]), Number(m[2]), Number(m[3])) : Number.NaN;
}

/** `MM-DD` as month and day, or null; 02-29 counts (it closes leap years only). */
export function yearlyDate(text: string): { month: number; day: number } | null {
  const m = YEARLY_DATE.exec(text);
  if (!m) return null;
  const month = Number(m[1]);
  const day = Number(m[2]);
  return Number.isNaN(dayNumber(2000, month, day)) ? null : { month, day };
}
