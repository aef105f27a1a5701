// The generated country table (bin/country-table.mjs) says exactly what date-holidays and
// i18n-iso-countries say, so answers are the same whichever of the two the core asks. It was generated
// from the installed date-holidays (its version is checked: after an upgrade this fails until
// `node bin/country-table.mjs` is run again); every region's list is compared in full, and its holidays
// in two years each, spread so that every year of the table is compared for many regions.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Holidays from 'date-holidays';
import countries from 'i18n-iso-countries';
import { describe, expect, test } from 'vitest';
import {
  alpha2From3,
  tableCountries,
  tableHolidays,
  tableRuleNames,
  tableSubdivisions,
  tableZones,
} from '../../src/sla/calendar/country-facts.js';
import { COUNTRY_TABLE } from '../../src/sla/calendar/country-table.js';
import { computedHolidays } from '../../src/sla/calendar/holidays.js';
import { END_INSTANT, FIRST_INSTANT } from '../../src/sla/input/limits.js';

const require = createRequire(import.meta.url);
const installed = (name: string): string =>
  JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')).version;
const codes = Object.keys(new Holidays().getCountries('en'));
/** Every region the table holds: each country, then each of its subdivisions. */
const regions: [string, string | null][] = codes.flatMap((code) => [
  [code, null] as [string, null],
  ...Object.keys(new Holidays().getStates(code, 'en') ?? {}).map((state): [string, string] => [code, state]),
]);
const sorted = (holidays: readonly { day: number; span: number; name: string }[] | undefined) =>
  [...(holidays ?? [])].sort((a, b) => a.day - b.day || a.name.localeCompare(b.name) || a.span - b.span);

describe('the country table', () => {
  test('was generated from the installed date-holidays', () => {
    expect(COUNTRY_TABLE.dateHolidays, 'run node bin/country-table.mjs').toBe(installed('date-holidays'));
  });

  test("lists date-holidays' countries and subdivisions with their names, and nothing inherited", () => {
    expect({ ...tableCountries() }).toEqual(new Holidays().getCountries('en'));
    for (const code of codes) {
      expect({ ...tableSubdivisions(code) }, code).toEqual(new Holidays().getStates(code, 'en') ?? {});
    }
    expect(Object.hasOwn(tableCountries(), 'constructor')).toBe(false);
    expect(Object.hasOwn(tableSubdivisions('DE') ?? {}, 'constructor')).toBe(false);
    for (const key of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      expect(tableSubdivisions(key)).toBeUndefined();
      expect(tableZones(key, null)).toBeUndefined();
      expect(tableZones('DE', key)).toBeUndefined();
      expect(tableRuleNames(key, null)).toBeUndefined();
      expect(tableHolidays(key, null, 2026, ['public'])).toBeUndefined();
      expect(tableHolidays('US', key, 2026, ['public'])).toBeUndefined();
    }
  });

  test('maps every alpha-3 code as i18n-iso-countries does, and nothing else', () => {
    for (const [, three] of require('i18n-iso-countries/codes.json') as string[][]) {
      expect(alpha2From3(three as string)).toBe(countries.alpha3ToAlpha2(three as string));
    }
    for (const other of ['XXX', 'aut', 'AT', '', 'constructor', '__proto__']) {
      expect(alpha2From3(other)).toBeUndefined();
    }
  });

  test("gives each region's zones and holiday rule names as date-holidays does", () => {
    for (const [code, state] of regions) {
      const region = state === null ? new Holidays(code) : new Holidays(code, state);
      const where = `${code} ${state ?? ''}`;
      expect(tableZones(code, state), where).toEqual(region.getTimezones() ?? []);
      const names = new Set<string>();
      for (const rule of region.getRules()) {
        const name: unknown = Reflect.get(rule, 'name');
        const english: unknown = typeof name === 'object' && name !== null ? Reflect.get(name, 'en') : name;
        if (typeof english === 'string') names.add(english);
      }
      expect(tableRuleNames(code, state), where).toEqual(names);
    }
  });

  test('holds the public holidays of each region as date-holidays computes them', () => {
    const { firstYear, lastYear } = COUNTRY_TABLE;
    const span = lastYear - firstYear + 1;
    const yearsCompared = new Set<number>();
    let compared = 0;
    regions.forEach(([code, state], index) => {
      // A step of 11 (prime to the table's 102 years) reaches every year in turn.
      const first = (index * 11) % span;
      for (const year of [firstYear + first, firstYear + ((first + Math.floor(span / 2)) % span)]) {
        const listed = tableHolidays(code, state, year, ['public']);
        const computed = computedHolidays(code, state, ['public'], year);
        expect(sorted(listed), `${code} ${state ?? ''} ${year}`).toEqual(sorted(computed));
        yearsCompared.add(year);
        compared += computed.length;
      }
    });
    expect(yearsCompared.size).toBe(span);
    expect(compared).toBeGreaterThan(10_000);
  }, 120_000);

  test('covers every year an accepted instant can fall in, anywhere, and a deadline after the last', () => {
    expect(COUNTRY_TABLE.firstYear).toBe(new Date(FIRST_INSTANT).getUTCFullYear() - 1);
    expect(COUNTRY_TABLE.lastYear).toBe(new Date(END_INSTANT).getUTCFullYear());
  });

  test('answers only what it holds: other types and years are left to date-holidays', () => {
    const { firstYear, lastYear } = COUNTRY_TABLE;
    expect(tableHolidays('DE', null, firstYear - 1, ['public'])).toBeUndefined();
    expect(tableHolidays('DE', 'BY', lastYear + 1, ['public'])).toBeUndefined();
    expect(tableHolidays('DE', null, 2026, ['public', 'bank'])).toBeUndefined();
    expect(tableHolidays('DE', 'BY', 2026, ['bank'])).toBeUndefined();
    expect(tableHolidays('DE', 'BY', 2026, ['public', 'public'])).toBeDefined();
    // A region below the subdivisions (date-holidays' regions, e.g. DE-BY-A) is not in the table.
    expect(tableHolidays('DE', 'BY-A', 2026, ['public'])).toBeUndefined();
  });
});
