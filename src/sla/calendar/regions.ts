import Holidays from 'date-holidays';
import { Lru } from './lru.js';

// date-holidays parses its rules on construction: one instance per region, made once.
const regions = new Lru<string, Holidays>(512);
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

export function region(country: string, subdivision: string | null): Holidays {
  const key = `${country}|${subdivision ?? ''}`;
  return (
    regions.get(key) ??
    regions.set(key, subdivision ? new Holidays(country, subdivision) : new Holidays(country))
  );
}

/** The IANA zones date-holidays lists for the region (a subdivision can narrow them to one). */
export function regionZones(country: string, subdivision: string | null): readonly string[] {
  return region(country, subdivision).getTimezones() ?? [];
}
