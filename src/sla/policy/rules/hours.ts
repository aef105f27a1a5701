import { knownCountries } from '../../calendar/regions.js';
import { ianaZone } from '../../time/zone.js';
import { checkId, type Data, type Findings, join, own } from '../findings.js';

const HOURS_FIELDS = ['id', 'countries', 'weekdays', 'opens', 'closes', 'timeZone'] as const;
const CLOCK_TIME = /^(\d{2}):(\d{2})$/;

/** Business hours: one `*` entry, each country in one entry, real weekdays, opening before closing, real zones. */
export function checkHours(findings: Findings, policy: Data): void {
  const entries = findings.list(own(policy, 'businessHours'), 'businessHours');
  if (!entries) return;
  const ids: string[] = [];
  const countries = new Set<string>();
  let wildcards = 0;
  entries.forEach((value, index) => {
    const path = join('businessHours', index);
    const hours = findings.record(value, path);
    if (!hours) return;
    findings.knownFields(hours, path, HOURS_FIELDS);
    const id = checkId(findings, own(hours, 'id'), join(path, 'id'));
    if (id !== undefined && ids.includes(id)) findings.add('id_once', join(path, 'id'), id);
    if (id !== undefined) ids.push(id);
    if (own(hours, 'countries') === '*') wildcards += 1;
    else checkCountries(findings, own(hours, 'countries'), join(path, 'countries'), countries);
    checkWeekdays(findings, own(hours, 'weekdays'), join(path, 'weekdays'));
    const opens = clockMinutes(findings, own(hours, 'opens'), join(path, 'opens'));
    const closes = clockMinutes(findings, own(hours, 'closes'), join(path, 'closes'));
    if (opens !== undefined && closes !== undefined && opens >= closes) {
      findings.add('hours_order', join(path, 'opens'), `${own(hours, 'opens')}-${own(hours, 'closes')}`);
    }
    const zone = own(hours, 'timeZone');
    if (zone !== 'local' && (typeof zone !== 'string' || zone.length > 100 || ianaZone(zone) === null)) {
      findings.add('zone_valid', join(path, 'timeZone'), zone);
    }
  });
  if (wildcards !== 1) findings.add('hours_wildcard_once', 'businessHours', `${wildcards} entries with "*"`);
}

function checkCountries(findings: Findings, value: unknown, path: string, seen: Set<string>): void {
  findings.list(value, path)?.forEach((country, index) => {
    const at = join(path, index);
    if (typeof country !== 'string' || !Object.hasOwn(knownCountries(), country)) {
      findings.add('country_known', at, country);
    } else if (seen.has(country)) {
      findings.add('country_once', at, country);
    } else {
      seen.add(country);
    }
  });
}

function checkWeekdays(findings: Findings, value: unknown, path: string): void {
  const days = findings.list(value, path);
  if (!days) return;
  const valid =
    days.length > 0 &&
    days.every((day) => typeof day === 'number' && Number.isInteger(day) && day >= 1 && day <= 7) &&
    new Set(days).size === days.length;
  if (!valid) findings.add('weekdays_valid', path, days);
}

/** `HH:mm` from 00:00 to 24:00, as minutes after midnight. */
function clockMinutes(findings: Findings, value: unknown, path: string): number | undefined {
  const match = typeof value === 'string' ? CLOCK_TIME.exec(value) : null;
  const minutes = match ? Number(match[1]) * 60 + Number(match[2]) : Number.NaN;
  if (!match || Number(match[2]) > 59 || minutes > 1440) {
    findings.add('time_format', path, value);
    return undefined;
  }
  return minutes;
}
