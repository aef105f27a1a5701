// A realistic, reproducible mix of support cases for the core benchmark.

/** Deterministic PRNG (mulberry32), so every run benchmarks the same cases. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function weighted(random, entries) {
  const total = entries.reduce((sum, [, w]) => sum + w, 0);
  let x = random() * total;
  for (const [value, w] of entries) {
    x -= w;
    if (x < 0) return value;
  }
  return entries[entries.length - 1][0];
}

/** 30 countries: relative case volume, the zones customers there give, and the languages they ask for. */
export const COUNTRIES = [
  {
    country: 'US',
    weight: 20,
    zones: ['America/New_York', 'America/Chicago', 'America/Denver', 'America/Los_Angeles'],
    languages: ['en', 'en-US', 'es-US'],
  },
  {
    country: 'CA',
    weight: 4,
    zones: ['America/Toronto', 'America/Vancouver', 'America/Edmonton'],
    languages: ['en-CA', 'fr-CA'],
  },
  { country: 'JP', weight: 6, zones: ['Asia/Tokyo'], languages: ['ja', 'ja-JP', 'en'] },
  { country: 'GB', weight: 8, zones: ['Europe/London'], languages: ['en-GB'] },
  { country: 'DE', weight: 6, zones: ['Europe/Berlin'], languages: ['de', 'de-DE', 'en'] },
  { country: 'DE', subdivision: 'BY', weight: 2, zones: ['Europe/Berlin'], languages: ['de', 'en'] },
  { country: 'FR', weight: 5, zones: ['Europe/Paris'], languages: ['fr', 'fr-FR', 'en'] },
  { country: 'NL', weight: 3, zones: ['Europe/Amsterdam'], languages: ['nl', 'en'] },
  { country: 'ES', weight: 3, zones: ['Europe/Madrid'], languages: ['es', 'es-ES', 'en'] },
  { country: 'IT', weight: 3, zones: ['Europe/Rome'], languages: ['it', 'en'] },
  { country: 'PT', weight: 1, zones: ['Europe/Lisbon'], languages: ['pt', 'pt-PT', 'en'] },
  { country: 'BR', weight: 3, zones: ['America/Sao_Paulo', 'America/Manaus'], languages: ['pt-BR', 'en'] },
  {
    country: 'AU',
    weight: 4,
    zones: ['Australia/Sydney', 'Australia/Melbourne', 'Australia/Perth', 'Australia/Brisbane'],
    languages: ['en-AU'],
  },
  { country: 'NZ', weight: 1, zones: ['Pacific/Auckland'], languages: ['en-NZ'] },
  { country: 'IN', weight: 5, zones: ['Asia/Kolkata'], languages: ['en-IN', 'hi'] },
  { country: 'SG', weight: 2, zones: ['Asia/Singapore'], languages: ['en-SG', 'zh-CN'] },
  { country: 'KR', weight: 2, zones: ['Asia/Seoul'], languages: ['ko', 'ko-KR', 'en'] },
  { country: 'TW', weight: 2, zones: ['Asia/Taipei'], languages: ['zh-TW', 'en'] },
  { country: 'HK', weight: 1, zones: ['Asia/Hong_Kong'], languages: ['zh-HK', 'en'] },
  {
    country: 'MX',
    weight: 2,
    zones: ['America/Mexico_City', 'America/Tijuana', 'America/Monterrey'],
    languages: ['es-MX', 'en'],
  },
  { country: 'ZA', weight: 1, zones: ['Africa/Johannesburg'], languages: ['en-ZA'] },
  { country: 'SE', weight: 1, zones: ['Europe/Stockholm'], languages: ['sv', 'en'] },
  { country: 'PL', weight: 1, zones: ['Europe/Warsaw'], languages: ['pl', 'en'] },
  { country: 'IE', weight: 1, zones: ['Europe/Dublin'], languages: ['en-IE'] },
  { country: 'CH', weight: 1, zones: ['Europe/Zurich'], languages: ['de-CH', 'fr-CH', 'it-CH'] },
  { country: 'AT', weight: 1, zones: ['Europe/Vienna'], languages: ['de-AT', 'en'] },
  { country: 'BE', weight: 1, zones: ['Europe/Brussels'], languages: ['nl-BE', 'fr-BE', 'en'] },
  { country: 'DK', weight: 1, zones: ['Europe/Copenhagen'], languages: ['da', 'en'] },
  { country: 'NO', weight: 1, zones: ['Europe/Oslo'], languages: ['nb', 'en'] },
  { country: 'FI', weight: 1, zones: ['Europe/Helsinki'], languages: ['fi', 'en'] },
  { country: 'CZ', weight: 1, zones: ['Europe/Prague'], languages: ['cs', 'en'] },
];

const PLANS = [
  ['developer', 10],
  ['standard', 30],
  ['professional-direct', 30],
  ['premier', 25],
  ['rapid-response', 5],
];
const SEVERITIES = [
  ['A', 15],
  ['B', 35],
  ['C', 50],
];

const MINUTE = 60_000;
const DAY = 86_400_000;
export const FROM = Date.UTC(2025, 0, 1);
export const TO = Date.UTC(2027, 0, 1);

/**
 * `count` cases opened on whole minutes spread uniformly over 2025–2026, each looked at a uniformly random
 * moment (ms) in the 3 days after it was opened. Every case is valid (Developer only gets C).
 */
export function makeCases(count, seed = 42) {
  const random = prng(seed);
  const places = COUNTRIES.map((c) => [c, c.weight]);
  const cases = [];
  for (let i = 0; i < count; i++) {
    const place = weighted(random, places);
    const plan = weighted(random, PLANS);
    const severity = plan === 'developer' ? 'C' : weighted(random, SEVERITIES);
    const timeZone = place.zones[Math.floor(random() * place.zones.length)];
    const language = random() < 0.7 ? place.languages[Math.floor(random() * place.languages.length)] : 'en';
    const openedAt = FROM + Math.floor(random() * ((TO - FROM) / MINUTE)) * MINUTE;
    const at = openedAt + Math.floor(random() * 3 * DAY);
    const input = { plan, severity, country: place.country, timeZone, language, openedAt };
    if (place.subdivision) input.subdivision = place.subdivision;
    if (severity === 'B' && random() < 0.3) input.commit24x7 = true;
    if (severity === 'A' && random() < 0.2) input.commit24x7 = false;
    cases.push({ input, at });
  }
  return cases;
}

/** The same cases opened (and looked at) `years` calendar years later. */
export function shiftYears(cases, years) {
  return cases.map(({ input, at }) => {
    const d = new Date(input.openedAt);
    d.setUTCFullYear(d.getUTCFullYear() + years);
    const openedAt = d.getTime();
    return { input: { ...input, openedAt }, at: openedAt + (at - input.openedAt) };
  });
}
