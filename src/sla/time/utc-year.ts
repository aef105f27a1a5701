// UTC calendar arithmetic asked for on every answer: an instant's year (two table reads, no Date), and
// a date's day number.

const AVERAGE_YEAR = 31_556_952_000;
const FIRST_TABLE_YEAR = 1900;
/** Start of each UTC year 1900–2299; other years are worked out with a Date. */
const YEAR_STARTS = Float64Array.from({ length: 401 }, (_, i) => Date.UTC(FIRST_TABLE_YEAR + i, 0, 1));

/** The first instant of a UTC year (years 0–99 as themselves). */
export function utcYearStart(year: number): number {
  const listed = YEAR_STARTS[year - FIRST_TABLE_YEAR];
  if (listed !== undefined) return listed;
  const date = new Date(0);
  date.setUTCFullYear(year, 0, 1);
  return date.getTime();
}

/**
 * The UTC calendar year of a finite instant within Date's range. The average Gregorian year puts the
 * guess within one year of the answer, whichever year it is.
 */
export function utcYearOf(at: number): number {
  const guess = 1970 + Math.floor(at / AVERAGE_YEAR);
  if (at < utcYearStart(guess)) return guess - 1;
  return at >= utcYearStart(guess + 1) ? guess + 1 : guess;
}

/** Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's days_from_civil); years 0–99 as written. */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}
