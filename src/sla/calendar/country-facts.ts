// What date-holidays says about a country, read from the table bin/country-table.mjs generates from it
// (src/sla/calendar/country-table.ts; test/sla/country-table.test.ts checks it against date-holidays).
// Every answer here is date-holidays' own; undefined means "not in the table: ask date-holidays".
import { COUNTRY_TABLE } from './country-table.js';

/** The generated table's shape (its encoding is described in bin/country-table.mjs). */
export interface CountryTable {
  readonly dateHolidays: string;
  readonly types: readonly string[];
  readonly firstYear: number;
  readonly lastYear: number;
  readonly alpha3: string;
  readonly names: string;
  readonly countries: Readonly<Record<string, CountryRow>>;
}

/** A region's row: a subdivision's years hold what it adds to its country's, then `.` and what it drops. */
export interface RegionRow {
  readonly zones: string;
  readonly rules: string;
  readonly holidays: string;
  readonly years: string;
}

export interface CountryRow extends RegionRow {
  readonly name: string;
  /** `code:name` of each subdivision, separated by `|`. */
  readonly states?: string;
  readonly subdivisions?: Readonly<Record<string, RegionRow>>;
}

/** A holiday as the calendar uses it: its local date (days since 1970-01-01), days closed, English name. */
export interface TableHoliday {
  readonly day: number;
  readonly span: number;
  readonly name: string;
}

const DAY = 86_400_000;
const DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const DIGIT_VALUE = new Map([...DIGITS].map((digit, value) => [digit, value]));
const ENTRY = 3;

let countryNames: Readonly<Record<string, string>> | undefined;
let alpha3: ReadonlyMap<string, string> | undefined;
let names: readonly string[] | undefined;
const statesOf = new Map<string, Readonly<Record<string, string>>>();
const zonesOf = new Map<string, readonly string[]>();
const ruleNamesOf = new Map<string, ReadonlySet<string>>();
/** Per region, its holidays' names and its years' encoded holidays; each year decoded on first use. */
const yearsOf = new Map<string, { readonly names: readonly string[]; readonly years: readonly string[] }>();
const holidaysOf = new Map<string, readonly TableHoliday[]>();

/** Every country date-holidays knows, alpha-2 code to English name (no inherited keys). */
export function tableCountries(): Readonly<Record<string, string>> {
  countryNames ??= record(Object.entries(COUNTRY_TABLE.countries).map(([code, row]) => [code, row.name]));
  return countryNames;
}

/** A country's subdivisions (date-holidays' states), code to name; undefined for a country not in the table. */
export function tableSubdivisions(country: string): Readonly<Record<string, string>> | undefined {
  const row = own(COUNTRY_TABLE.countries, country);
  if (!row) return undefined;
  let states = statesOf.get(country);
  if (!states) {
    const pairs = row.states ? row.states.split('|') : [];
    states = record(
      pairs.map((pair) => [pair.slice(0, pair.indexOf(':')), pair.slice(pair.indexOf(':') + 1)]),
    );
    statesOf.set(country, states);
  }
  return states;
}

/** The alpha-2 code of an ISO 3166-1 alpha-3 code (`AUT` → `AT`), as i18n-iso-countries maps it. */
export function alpha2From3(code: string): string | undefined {
  if (!alpha3) {
    const map = new Map<string, string>();
    for (let i = 0; i < COUNTRY_TABLE.alpha3.length; i += 5) {
      map.set(COUNTRY_TABLE.alpha3.slice(i, i + 3), COUNTRY_TABLE.alpha3.slice(i + 3, i + 5));
    }
    alpha3 = map;
  }
  return alpha3.get(code);
}

/** The region's IANA zones, as date-holidays lists them; undefined for a region not in the table. */
export function tableZones(country: string, subdivision: string | null): readonly string[] | undefined {
  const row = rowOf(country, subdivision);
  if (!row) return undefined;
  const key = `${country}|${subdivision ?? ''}`;
  let zones = zonesOf.get(key);
  if (!zones) {
    zones = Object.freeze(row.zones === '' ? [] : row.zones.split(' '));
    zonesOf.set(key, zones);
  }
  return zones;
}

/** The English names of the region's holiday rules (any type); undefined for a region not in the table. */
export function tableRuleNames(country: string, subdivision: string | null): ReadonlySet<string> | undefined {
  const row = rowOf(country, subdivision);
  if (!row) return undefined;
  const key = `${country}|${subdivision ?? ''}`;
  let found = ruleNamesOf.get(key);
  if (!found) {
    found = new Set(numbers(row.rules, 2).map(nameOf));
    ruleNamesOf.set(key, found);
  }
  return found;
}

/**
 * The region's holidays of exactly these types in a year, as date-holidays gives them; undefined when
 * the table does not hold them (another set of types, a year outside it, a region not in it).
 */
export function tableHolidays(
  country: string,
  subdivision: string | null,
  year: number,
  types: readonly string[],
): readonly TableHoliday[] | undefined {
  if (year < COUNTRY_TABLE.firstYear || year > COUNTRY_TABLE.lastYear || !sameTypes(types)) return undefined;
  const row = rowOf(country, subdivision);
  if (!row) return undefined;
  const key = `${country}|${subdivision ?? ''}|${year}`;
  let holidays = holidaysOf.get(key);
  if (!holidays) {
    const [added = '', dropped = ''] = encodedYear(key, row, year).split('.');
    if (subdivision === null) {
      holidays = Object.freeze(decodeYear(added, year, row));
    } else {
      const base = tableHolidays(country, null, year, types) ?? [];
      const kept = without(base, decodeYear(dropped, year, row));
      holidays = Object.freeze([...kept, ...decodeYear(added, year, row)]);
    }
    holidaysOf.set(key, holidays);
  }
  return holidays;
}

function rowOf(country: string, subdivision: string | null): RegionRow | undefined {
  const row = own(COUNTRY_TABLE.countries, country);
  if (!row || subdivision === null) return row;
  return row.subdivisions ? own(row.subdivisions, subdivision) : undefined;
}

function own<T>(rows: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(rows, key) ? rows[key] : undefined;
}

/** A record with no prototype, so `constructor` or `__proto__` is never a key it seems to have. */
function record(entries: readonly (readonly [string, string])[]): Readonly<Record<string, string>> {
  return Object.freeze(
    Object.assign(Object.create(null) as Record<string, string>, Object.fromEntries(entries)),
  );
}

function sameTypes(types: readonly string[]): boolean {
  const given = new Set(types);
  return given.size === COUNTRY_TABLE.types.length && COUNTRY_TABLE.types.every((type) => given.has(type));
}

function encodedYear(regionKey: string, row: RegionRow, year: number): string {
  const key = regionKey.slice(0, regionKey.lastIndexOf('|'));
  let encoded = yearsOf.get(key);
  if (!encoded) {
    encoded = { names: numbers(row.holidays, 2).map(nameOf), years: row.years.split(' ') };
    yearsOf.set(key, encoded);
  }
  return encoded.years[year - COUNTRY_TABLE.firstYear] ?? '';
}

function decodeYear(text: string, year: number, row: RegionRow): TableHoliday[] {
  const localNames = numbers(row.holidays, 2);
  const jan1 = Date.UTC(year, 0, 1) / DAY;
  const holidays: TableHoliday[] = [];
  for (let i = 0; i + ENTRY <= text.length; i += ENTRY) {
    const dayAndSpan = number(text, i, 2);
    const local = localNames[number(text, i + 2, 1)];
    if (local === undefined) throw new RangeError(`country table: a holiday of ${year} has no name`);
    holidays.push(
      Object.freeze({ day: jan1 + Math.floor(dayAndSpan / 8), span: dayAndSpan % 8, name: nameOf(local) }),
    );
  }
  return holidays;
}

/** The holidays less those dropped, one for one. */
function without(holidays: readonly TableHoliday[], dropped: readonly TableHoliday[]): TableHoliday[] {
  const kept = [...holidays];
  for (const gone of dropped) {
    const at = kept.findIndex((h) => h.day === gone.day && h.span === gone.span && h.name === gone.name);
    if (at !== -1) kept.splice(at, 1);
  }
  return kept;
}

function nameOf(index: number): string {
  names ??= COUNTRY_TABLE.names.split('|');
  const name = names[index];
  if (name === undefined) throw new RangeError(`country table: no holiday name ${index}`);
  return name;
}

function numbers(text: string, width: number): number[] {
  const values: number[] = [];
  for (let i = 0; i + width <= text.length; i += width) values.push(number(text, i, width));
  return values;
}

function number(text: string, start: number, width: number): number {
  let value = 0;
  for (let i = start; i < start + width; i += 1) {
    const digit = DIGIT_VALUE.get(text[i] as string);
    if (digit === undefined) throw new RangeError(`country table: "${text[i]}" is not a digit`);
    value = value * DIGITS.length + digit;
  }
  return value;
}
