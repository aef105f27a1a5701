// The generated country table (bin/country-table.mjs) says exactly what date-holidays and
// i18n-iso-countries say, entry by entry, so answers are the same whichever of the two the core asks.
// After upgrading either package this fails until `node bin/country-table.mjs` is run again.
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
  tableZones,
} from '../../src/sla/calendar/country-facts.js';
import { COUNTRY_TABLE } from '../../src/sla/calendar/country-table.js';
import { computedHolidays } from '../../src/sla/calendar/holidays.js';

const require = createRequire(import.meta.url);
const installed = (name: string): string =>
  JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')).version;
const codes = Object.keys(new Holidays().getCountries('en'));

describe('the country table', () => {
  test('was generated from the installed date-holidays', () => {
    expect(COUNTRY_TABLE.dateHolidays, 'run node bin/country-table.mjs').toBe(installed('date-holidays'));
  });

  test("lists date-holidays' countries with their names, and nothing inherited", () => {
    expect({ ...tableCountries() }).toEqual(new Holidays().getCountries('en'));
    expect(Object.hasOwn(tableCountries(), 'constructor')).toBe(false);
    for (const key of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      expect(tableZones(key)).toBeUndefined();
      expect(tableRuleNames(key)).toBeUndefined();
      expect(tableHolidays(key, 2026, ['public'])).toBeUndefined();
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

  test("gives each country's zones and holiday rule names as date-holidays does", () => {
    for (const code of codes) {
      const region = new Holidays(code);
      expect(tableZones(code), code).toEqual(region.getTimezones() ?? []);
      const names = new Set<string>();
      for (const rule of region.getRules()) {
        const name: unknown = Reflect.get(rule, 'name');
        const english: unknown = typeof name === 'object' && name !== null ? Reflect.get(name, 'en') : name;
        if (typeof english === 'string') names.add(english);
      }
      expect(tableRuleNames(code), code).toEqual(names);
    }
  });

  test('holds every public holiday of every country and year exactly as date-holidays computes it', () => {
    const { firstYear, lastYear } = COUNTRY_TABLE;
    let compared = 0;
    for (const code of codes) {
      for (let year = firstYear; year <= lastYear; year += 1) {
        const listed = tableHolidays(code, year, ['public']);
        expect(listed, `${code} ${year}`).toEqual(computedHolidays(code, null, ['public'], year));
        compared += listed?.length ?? 0;
      }
    }
    expect(compared).toBeGreaterThan(50_000);
  }, 120_000);

  test('answers only what it holds: other types and years are left to date-holidays', () => {
    const { firstYear, lastYear } = COUNTRY_TABLE;
    expect(tableHolidays('DE', firstYear - 1, ['public'])).toBeUndefined();
    expect(tableHolidays('DE', lastYear + 1, ['public'])).toBeUndefined();
    expect(tableHolidays('DE', 2026, ['public', 'bank'])).toBeUndefined();
    expect(tableHolidays('DE', 2026, ['bank'])).toBeUndefined();
    expect(tableHolidays('DE', 2026, ['public', 'public'])).toBeDefined();
  });
});
