import { fullDate, yearlyDate } from '../../calendar/holiday-dates.js';
import { holidayNames, knownCountries, knownSubdivisions } from '../../calendar/regions.js';
import { type Data, type Findings, join, own } from '../findings.js';
import type { HolidayType } from '../types.js';

const HOLIDAY_TYPES: readonly HolidayType[] = ['public', 'bank', 'optional', 'school', 'observance'];
const FIRST_YEAR = 2000;
const LAST_YEAR = 2099;

/** Holiday types date-holidays knows; adjustments name real regions, real holidays and real dates. */
export function checkHolidays(findings: Findings, policy: Data): void {
  const types = findings.list(own(policy, 'holidayTypes'), 'holidayTypes');
  if (types?.length === 0) findings.add('holiday_type_known', 'holidayTypes', types);
  types?.forEach((type, index) => {
    if (!HOLIDAY_TYPES.some((known) => known === type)) {
      findings.add('holiday_type_known', join('holidayTypes', index), type);
    }
  });
  const regions = new Set<string>();
  findings.list(own(policy, 'holidayAdjustments'), 'holidayAdjustments')?.forEach((value, index) => {
    const path = join('holidayAdjustments', index);
    const adjustment = findings.record(value, path);
    if (!adjustment) return;
    findings.knownFields(adjustment, path, ['region', 'drop', 'add']);
    const region = checkRegion(findings, own(adjustment, 'region'), join(path, 'region'));
    if (region && regions.has(region.code)) findings.add('region_once', join(path, 'region'), region.code);
    if (region) regions.add(region.code);
    checkDrops(findings, own(adjustment, 'drop'), join(path, 'drop'), region);
    findings.list(own(adjustment, 'add'), join(path, 'add'))?.forEach((added, at) => {
      checkAdded(findings, added, join(join(path, 'add'), at));
    });
  });
}

interface CheckedRegion {
  readonly code: string;
  readonly country: string;
  readonly subdivision: string | null;
}

/** `US` or `AU-NSW`, exactly as date-holidays writes them. */
function checkRegion(findings: Findings, value: unknown, path: string): CheckedRegion | undefined {
  const code = findings.text(value, path);
  if (code === undefined) return undefined;
  const [country = '', subdivision = null, ...rest] = code.split('-');
  const known =
    rest.length === 0 &&
    Object.hasOwn(knownCountries(), country) &&
    (subdivision === null || Object.hasOwn(knownSubdivisions(country), subdivision));
  if (!known) {
    findings.add('region_known', path, code);
    return undefined;
  }
  return { code, country, subdivision };
}

function checkDrops(findings: Findings, value: unknown, path: string, region?: CheckedRegion): void {
  const drops = findings.list(value, path);
  if (!drops || !region) return;
  const names = holidayNames(region.country, region.subdivision);
  drops.forEach((drop, index) => {
    const at = join(path, index);
    const text = findings.text(drop, at);
    if (text === undefined) return;
    if (/^\d/.test(text)) {
      if (Number.isNaN(fullDate(text))) findings.add('date_format', at, text);
    } else if (!names.has(text)) {
      findings.add('holiday_known', at, text);
    }
  });
}

function checkAdded(findings: Findings, value: unknown, path: string): void {
  const added = findings.record(value, path);
  if (!added) return;
  findings.knownFields(added, path, ['name', 'date', 'since', 'until']);
  findings.text(own(added, 'name'), join(path, 'name'));
  const date = findings.text(own(added, 'date'), join(path, 'date'));
  const since = own(added, 'since');
  const until = own(added, 'until');
  const yearly = date !== undefined && yearlyDate(date) !== null;
  if (date !== undefined && !yearly && Number.isNaN(fullDate(date)))
    findings.add('date_format', join(path, 'date'), date);
  for (const [name, year] of [
    ['since', since],
    ['until', until],
  ] as const) {
    if (year === undefined) continue;
    const inRange =
      typeof year === 'number' && Number.isInteger(year) && year >= FIRST_YEAR && year <= LAST_YEAR;
    // Years bound a yearly date only; a full date names its own year.
    if (!inRange || !yearly) findings.add('date_format', join(path, name), year);
  }
  if (typeof since === 'number' && typeof until === 'number' && since > until) {
    findings.add('date_format', join(path, 'until'), until);
  }
}
