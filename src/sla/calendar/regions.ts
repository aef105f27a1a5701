import Holidays from 'date-holidays';
import type { HolidayType } from '../policy/types.js';
import { Lru } from './lru.js';

const zonesByRegion = new Lru<string, readonly string[]>(512);
let countryNames: Record<string, string> | undefined;

/** Every country date-holidays knows, alpha-2 code to name. */
export function knownCountries(): Record<string, string> {
  countryNames ??= new Holidays().getCountries('en');
  return countryNames;
}

/** Subdivisions (states, provinces, Länder) of a country, code to name. */
export function knownSubdivisions(country: string): Record<string, string> {
  return new Holidays().getStates(country, 'en') ?? {};
}

/**
 * A new instance each time: date-holidays caches every year an instance has computed, so a kept
 * instance would grow with each year asked for. Callers cache what they derive from it instead.
 * Only the holiday types asked for are computed (the lunar calendars of TW or VN cost 3x less so).
 */
export function freshRegion(
  country: string,
  subdivision: string | null,
  types?: readonly HolidayType[],
): Holidays {
  const options = types ? { types: [...types] } : {};
  return subdivision ? new Holidays(country, subdivision, options) : new Holidays(country, options);
}

/** The IANA zones date-holidays lists for the region (a subdivision can narrow them to one). */
export function regionZones(country: string, subdivision: string | null): readonly string[] {
  const key = `${country}|${subdivision ?? ''}`;
  const cached = zonesByRegion.get(key);
  if (cached) return cached;
  return zonesByRegion.set(key, Object.freeze([...(freshRegion(country, subdivision).getTimezones() ?? [])]));
}

/** The English names of the holidays date-holidays has rules for in a region (any type). */
export function holidayNames(country: string, subdivision: string | null): ReadonlySet<string> {
  const names = new Set<string>();
  for (const rule of freshRegion(country, subdivision).getRules()) {
    // The rule's names by language; date-holidays' types leave them out.
    const name: unknown = Reflect.get(rule, 'name');
    const english: unknown = typeof name === 'object' && name !== null ? Reflect.get(name, 'en') : name;
    if (typeof english === 'string') names.add(english);
  }
  return names;
}
