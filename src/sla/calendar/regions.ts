import { createRequire } from 'node:module';
import type Holidays from 'date-holidays';
import type { HolidayType } from '../policy/types.js';
import { tableCountries, tableRuleNames, tableSubdivisions, tableZones } from './country-facts.js';
import { Lru } from './lru.js';

const zonesByRegion = new Lru<string, readonly string[]>(512);
let countryNames: Record<string, string> | undefined;

// date-holidays is loaded the first time the generated country table cannot answer (a year outside
// the table, other holiday types): most runs never need it, and loading it is the larger
// part of a command's start. Loading a module is not I/O on data: the core stays pure.
const load = createRequire(import.meta.url);
let library: typeof Holidays | undefined;

function holidaysLibrary(): typeof Holidays {
  library ??= load('date-holidays') as typeof Holidays;
  return library;
}

/** Every country date-holidays knows, alpha-2 code to name. */
export function knownCountries(): Record<string, string> {
  // The table lists exactly date-holidays' countries (its test checks that).
  countryNames ??= tableCountries();
  return countryNames;
}

/** Subdivisions (states, provinces, Länder) of a country, code to name. */
export function knownSubdivisions(country: string): Readonly<Record<string, string>> {
  return tableSubdivisions(country) ?? new (holidaysLibrary())().getStates(country, 'en') ?? {};
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
  const Library = holidaysLibrary();
  const options = types ? { types: [...types] } : {};
  return subdivision ? new Library(country, subdivision, options) : new Library(country, options);
}

/** The IANA zones date-holidays lists for the region (a subdivision can narrow them to one). */
export function regionZones(country: string, subdivision: string | null): readonly string[] {
  const listed = tableZones(country, subdivision);
  if (listed) return listed;
  const key = `${country}|${subdivision ?? ''}`;
  const cached = zonesByRegion.get(key);
  if (cached) return cached;
  return zonesByRegion.set(key, Object.freeze([...(freshRegion(country, subdivision).getTimezones() ?? [])]));
}

/** The English names of the holidays date-holidays has rules for in a region (any type). */
export function holidayNames(country: string, subdivision: string | null): ReadonlySet<string> {
  const listed = tableRuleNames(country, subdivision);
  if (listed) return listed;
  const names = new Set<string>();
  for (const rule of freshRegion(country, subdivision).getRules()) {
    // The rule's names by language; date-holidays' types leave them out.
    const name: unknown = Reflect.get(rule, 'name');
    const english: unknown = typeof name === 'object' && name !== null ? Reflect.get(name, 'en') : name;
    if (typeof english === 'string') names.add(english);
  }
  return names;
}
