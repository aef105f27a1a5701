import { createRequire } from 'node:module';
import type * as WindowsIana from 'windows-iana';
import { regionZones } from '../../calendar/regions.js';
import { ianaZone } from '../../time/zone.js';

/**
 * The contact's Windows zone (`Pacific Standard Time`) as IANA, country-aware: the country's own zone
 * for that Windows name when it has one, else the name's usual zone. Null when the name is unknown.
 */
export function displayZone(windowsName: string, country: string): string | null {
  return remembered(`display|${windowsName}|${country}`, () => {
    for (const name of [...findIana(windowsName, country), ...findIana(windowsName)]) {
      const zone = ianaZone(name);
      if (zone) return zone.name;
    }
    return null;
  });
}

/**
 * The zone that may decide a ticket's business hours (SLA-RULES §10): only one of the country's own
 * zones, as date-holidays lists them. A preference elsewhere (an Austrian contact on Pacific time)
 * shows times, never moves the hours.
 */
export function countryZone(windowsName: string, country: string): string | null {
  return remembered(`country|${windowsName}|${country}`, () => {
    const own = new Set(regionZones(country, null));
    for (const name of findIana(windowsName, country)) {
      const zone = ianaZone(name);
      if (zone && (own.has(zone.name) || own.has(name))) return zone.name;
    }
    return null;
  });
}

// windows-iana is loaded the first time a ticket's zone is read: the other commands never need it, and
// it was a tenth of their start. Loading a module is not I/O on data: the core stays pure.
const load = createRequire(import.meta.url);
let windowsIana: typeof WindowsIana | undefined;

function findIana(windowsName: string, country?: string): string[] {
  windowsIana ??= load('windows-iana') as typeof WindowsIana;
  return windowsIana.findIana(windowsName, country);
}

// windows-iana scans its tables on every call: each (name, country) is worked out once. Bounded.
const known = new Map<string, string | null>();
const KEPT = 2_000;

function remembered(key: string, work: () => string | null): string | null {
  const cached = known.get(key);
  if (cached !== undefined) return cached;
  const value = work();
  if (known.size >= KEPT) known.clear();
  known.set(key, value);
  return value;
}
