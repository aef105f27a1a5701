import { alpha2From3 } from '../calendar/country-facts.js';
import { knownCountries, knownSubdivisions } from '../calendar/regions.js';
import { SlaFailure } from '../errors.js';
import { textField } from './fields.js';
import { shown } from './limits.js';

export interface Region {
  readonly country: string;
  readonly subdivision: string | null;
}

/** Regions already read, by the checked text of country and subdivision; bounded. */
const regions = new Map<string, Region>();
const REGIONS_KEPT = 5_000;

/** Country (alpha-2 or alpha-3) and optional subdivision ("BY" or "DE-BY"), checked against date-holidays. */
export function readRegion(countryValue: unknown, subdivisionValue: unknown): Region {
  const countryText = textField(countryValue, 'country', 'unknown_country');
  if (countryText === undefined) throw new SlaFailure('unknown_country', { value: '' });
  const subdivisionText = subdivisionField(countryText, subdivisionValue);
  const key = `${countryText}|${subdivisionText ?? ''}`;
  const cached = regions.get(key);
  if (cached) return cached;
  const country = readCountry(countryText);
  const region: Region = Object.freeze({ country, subdivision: readSubdivision(country, subdivisionText) });
  if (regions.size >= REGIONS_KEPT) regions.clear();
  regions.set(key, region);
  return region;
}

/** The subdivision's text; a wrong country is reported before a wrong subdivision. */
function subdivisionField(countryText: string, value: unknown): string | undefined {
  try {
    return textField(value, 'subdivision', 'unknown_subdivision');
  } catch (error) {
    readCountry(countryText);
    throw error;
  }
}

function readCountry(text: string): string {
  const code = text.toUpperCase();
  const alpha2 = code.length === 3 ? alpha2From3(code) : code;
  if (!alpha2 || !Object.hasOwn(knownCountries(), alpha2)) {
    throw new SlaFailure('unknown_country', { value: shown(text) });
  }
  return alpha2;
}

function readSubdivision(country: string, text: string | undefined): string | null {
  if (text === undefined) return null;
  const states = knownSubdivisions(country);
  const upper = text.toUpperCase();
  const code = upper.startsWith(`${country}-`) ? upper.slice(country.length + 1) : upper;
  if (!Object.hasOwn(states, code)) {
    throw new SlaFailure('unknown_subdivision', {
      country,
      value: shown(text),
      accepted: Object.keys(states),
    });
  }
  return code;
}
