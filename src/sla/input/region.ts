import countries from 'i18n-iso-countries';
import { knownCountries, knownSubdivisions } from '../calendar/regions.js';
import { SlaFailure } from '../errors.js';

export interface Region {
  readonly country: string;
  readonly subdivision: string | null;
}

const regions = new Map<string, Region>();

/** Country (alpha-2 or alpha-3) and optional subdivision ("BY" or "DE-BY"), checked against date-holidays. */
export function readRegion(countryValue: unknown, subdivisionValue: unknown): Region {
  const key = `${String(countryValue)}|${String(subdivisionValue ?? '')}`;
  const cached = regions.get(key);
  if (cached) return cached;
  const country = readCountry(countryValue);
  const region = { country, subdivision: readSubdivision(country, subdivisionValue) };
  if (regions.size > 5_000) regions.clear();
  regions.set(key, region);
  return region;
}

function readCountry(value: unknown): string {
  const code = typeof value === 'string' ? value.trim().toUpperCase() : '';
  const alpha2 = code.length === 3 ? countries.alpha3ToAlpha2(code) : code;
  if (!alpha2 || !(alpha2 in knownCountries())) {
    throw new SlaFailure('unknown_country', { value: String(value ?? '') });
  }
  return alpha2;
}

function readSubdivision(country: string, value: unknown): string | null {
  if (value === undefined || value === null || value === '') return null;
  const states = knownSubdivisions(country);
  const code =
    typeof value === 'string'
      ? value
          .trim()
          .toUpperCase()
          .replace(new RegExp(`^${country}-`), '')
      : '';
  if (!(code in states)) {
    throw new SlaFailure('unknown_subdivision', {
      country,
      value: String(value),
      accepted: Object.keys(states),
    });
  }
  return code;
}
