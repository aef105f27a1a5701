// Writes src/sla/calendar/country-table.ts: what the core asks date-holidays about a country (not a
// subdivision), worked out once here instead of in every process. date-holidays computes a year of a
// lunisolar calendar (Hong Kong, Taiwan, Korea, China) in 30–100 ms, so a run over the countries of a
// realistic batch spent one to two seconds on holidays before answering; the table answers in
// microseconds and loads none of date-holidays. test/sla/country-table.test.ts checks every entry
// against the installed date-holidays, so an upgrade that changes any day fails until this is run again:
//
//   node bin/country-table.mjs
//
// Per country and per subdivision (date-holidays' states): its name, its IANA zones, the names of its
// holiday rules (any type), and its public holidays for FIRST_YEAR–LAST_YEAR as date-holidays gives
// them (local date, days closed, name).
// Also alpha-3 to alpha-2 from i18n-iso-countries' code list, so the core needs neither package to read
// a country. Encoding (kept small: the table is part of every command's start):
// - numbers as base64url digits, most significant first; a name is its index in `names` (2 digits);
// - per country, `rules` and `holidays`: names, 2 digits each; `holidays` lists those its holidays carry;
// - a year: its holidays, 3 digits each: day of the year x 8 + days closed (2; at most 7 days), and
//   the name's place in the country's `holidays` (1);
// - `years`: one such run per year, FIRST_YEAR first, separated by spaces;
// - `states`: code:name pairs separated by |; each subdivision's row as a country's, except that a
//   year holds what it adds to the country's holidays, then `.` and those it does not keep (if any).

import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

// The core's whole accepted range (src/sla/input/limits.ts: 2000–2099) and the year either side (an
// instant of 2000-01-01 is still 1999 west of UTC; a deadline can fall in 2100): no year an answer can
// need is left to date-holidays, whose lunisolar years hold the event loop for up to 100 ms each.
const FIRST_YEAR = 1999;
const LAST_YEAR = 2100;
const TYPES = ['public'];
const DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const DAY = 86_400_000;
const OUTPUT = fileURLToPath(new URL('../src/sla/calendar/country-table.ts', import.meta.url));

const require = createRequire(import.meta.url);
// The same build of date-holidays the core loads (its CommonJS entry).
const Holidays = require('date-holidays');
const codes = require('i18n-iso-countries/codes.json');
const version = (name) => JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')).version;

const names = [];
const nameIndex = new Map();
function nameNumber(name) {
  if (name.includes('|')) throw new Error(`a holiday name with "|": ${name}`);
  let index = nameIndex.get(name);
  if (index === undefined) {
    index = names.length;
    names.push(name);
    nameIndex.set(name, index);
  }
  return index;
}

function digits(value, width) {
  if (!Number.isInteger(value) || value < 0 || value >= DIGITS.length ** width) {
    throw new Error(`${value} does not fit in ${width} digits`);
  }
  let text = '';
  for (let i = width - 1; i >= 0; i -= 1)
    text += DIGITS[Math.floor(value / DIGITS.length ** i) % DIGITS.length];
  return text;
}

/** Exactly what src/sla/calendar/holidays.ts makes of date-holidays' answer for a year. */
function holidaysOf(region, year) {
  const found = [];
  for (const holiday of region.getHolidays(year, 'en') || []) {
    if (!TYPES.includes(holiday.type)) continue;
    const [y, m, d] = holiday.date.slice(0, 10).split('-').map(Number);
    if (y !== year) throw new Error(`${year}: ${holiday.name} dated ${holiday.date}`);
    const span = Math.max(1, Math.round((holiday.end.getTime() - holiday.start.getTime()) / DAY));
    if (span > 7) throw new Error(`${year}: ${holiday.name} closes ${span} days`);
    found.push({
      dayOfYear: Date.UTC(y, m - 1, d) / DAY - Date.UTC(year, 0, 1) / DAY,
      span,
      name: holiday.name,
    });
  }
  return found;
}

/** Holidays as 3-digit entries; `local` collects the names they use. */
function entriesText(holidays, local) {
  let text = '';
  for (const { dayOfYear, span, name } of holidays) {
    if (!local.includes(name)) local.push(name);
    text += digits(dayOfYear * 8 + span, 2) + digits(local.indexOf(name), 1);
  }
  return text;
}

const same = (a) => (b) => a.dayOfYear === b.dayOfYear && a.span === b.span && a.name === b.name;

/** A subdivision's year as what it adds to its country's, then `.` and what it takes away. */
function differenceText(own, country, local) {
  const removed = [...country];
  const added = [];
  for (const holiday of own) {
    const at = removed.findIndex(same(holiday));
    if (at === -1) added.push(holiday);
    else removed.splice(at, 1);
  }
  const taken = entriesText(removed, local);
  return entriesText(added, local) + (taken ? `.${taken}` : '');
}

/** The English names of the region's rules, as src/sla/calendar/regions.ts reads them. */
function ruleNames(region) {
  const found = new Set();
  for (const rule of region.getRules()) {
    const name = rule.name;
    const english = typeof name === 'object' && name !== null ? name.en : name;
    if (typeof english === 'string') found.add(english);
  }
  return nameList([...found]);
}

function nameList(list) {
  return list.map((name) => digits(nameNumber(name), 2)).join('');
}

function checkedName(name) {
  if (/[|:]/.test(name)) throw new Error(`a name with "|" or ":": ${name}`);
  return name;
}

const countries = {};
for (const [code, name] of Object.entries(new Holidays().getCountries('en'))) {
  const years = [];
  const local = [];
  const byYear = [];
  for (let year = FIRST_YEAR; year <= LAST_YEAR; year += 1) {
    byYear.push(holidaysOf(new Holidays(code, { types: TYPES }), year));
    years.push(entriesText(byYear.at(-1), local));
  }
  const row = {
    name,
    zones: (new Holidays(code).getTimezones() ?? []).join(' '),
    rules: ruleNames(new Holidays(code)),
    holidays: nameList(local),
    years: years.join(' '),
  };
  const states = Object.entries(new Holidays().getStates(code, 'en') ?? {});
  if (states.length) {
    row.states = states
      .map(([state, stateName]) => `${checkedName(state)}:${checkedName(stateName)}`)
      .join('|');
    row.subdivisions = {};
    for (const [state] of states) {
      const stateLocal = [];
      const stateYears = [];
      for (let year = FIRST_YEAR; year <= LAST_YEAR; year += 1) {
        const own = holidaysOf(new Holidays(code, state, { types: TYPES }), year);
        stateYears.push(differenceText(own, byYear[year - FIRST_YEAR], stateLocal));
      }
      row.subdivisions[state] = {
        zones: (new Holidays(code, state).getTimezones() ?? []).join(' '),
        rules: ruleNames(new Holidays(code, state)),
        holidays: nameList(stateLocal),
        years: stateYears.join(' '),
      };
    }
  }
  countries[code] = row;
}
const alpha3 = codes.map(([alpha2, three]) => `${three}${alpha2}`).join('');

const q = JSON.stringify;
const lines = [
  `// Generated by bin/country-table.mjs from date-holidays ${version('date-holidays')} and i18n-iso-countries`,
  `// ${version('i18n-iso-countries')}: do not edit (run it again after upgrading either). The encoding is`,
  '// described there; src/sla/calendar/country-facts.ts reads it.',
  '',
  "import type { CountryTable } from './country-facts.js';",
  '',
  'export const COUNTRY_TABLE: CountryTable = {',
  `  dateHolidays: ${q(version('date-holidays'))},`,
  `  types: ${q(TYPES)},`,
  `  firstYear: ${FIRST_YEAR},`,
  `  lastYear: ${LAST_YEAR},`,
  `  alpha3: ${q(alpha3)},`,
  `  names: ${q(names.join('|'))},`,
  '  countries: {',
  ...Object.entries(countries).map(([code, c]) => `    ${code}: ${q(c)},`),
  '  },',
  '};',
  '',
];
writeFileSync(OUTPUT, lines.join('\n'));
// In the project's own style (quotes, wrapping), so the check of the sources passes as generated.
execFileSync('npx', ['biome', 'format', '--write', OUTPUT], { stdio: 'inherit' });
process.stdout.write(`${OUTPUT}: ${Object.keys(countries).length} countries, ${names.length} names\n`);
