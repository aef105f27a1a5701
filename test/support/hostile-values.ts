// Hostile values for input fields, shared by the core's and the command line's hostile-input tests.
// Framing problems (BOM, lone CR, line length, deep nesting of `id`) are the command line's own tests.

/** A value with a name; `type` is its JSON type ("text", "number", …) as the core's messages call it. */
export interface HostileValue {
  readonly name: string;
  readonly value: unknown;
  readonly type: 'text' | 'number' | 'boolean' | 'object' | 'list' | 'null';
}

const text = (name: string, value: string): HostileValue => ({ name, value, type: 'text' });

export const HOSTILE_VALUES: readonly HostileValue[] = [
  { name: 'object with toString', value: { toString: 1 }, type: 'object' },
  { name: 'object with valueOf', value: { valueOf: 1, toString: null }, type: 'object' },
  { name: 'object with __proto__', value: JSON.parse('{"__proto__":{"plan":"premier"}}'), type: 'object' },
  { name: 'empty object', value: {}, type: 'object' },
  { name: 'empty list', value: [], type: 'list' },
  { name: 'list of a good value', value: ['FR'], type: 'list' },
  { name: 'nested lists', value: [[['DE']]], type: 'list' },
  { name: 'zero', value: 0, type: 'number' },
  { name: 'minus one', value: -1, type: 'number' },
  { name: 'fraction', value: 1.5, type: 'number' },
  { name: 'largest double', value: 1.7976931348623157e308, type: 'number' },
  { name: 'epoch limit', value: 8.64e15, type: 'number' },
  { name: 'before the epoch limit', value: -8.64e15, type: 'number' },
  { name: 'true', value: true, type: 'boolean' },
  { name: 'false', value: false, type: 'boolean' },
  { name: 'null', value: null, type: 'null' },
  text('empty text', ''),
  text('spaces', '   '),
  text('constructor', 'constructor'),
  text('__proto__', '__proto__'),
  text('toString', 'toString'),
  text('hasOwnProperty', 'hasOwnProperty'),
  text('i18next placeholder', '{{value}}'),
  text('i18next nesting', '$t(sla:error.invalid_json)'),
  text('NUL character', '\u0000'),
  text('lone surrogate', '\ud800'),
  text('right-to-left override', '\u202epremier'),
  text('long text', 'x'.repeat(20_000)),
  text('long language-like tag', `en-${'a'.repeat(20_000)}`),
  text('year 0001', '0001-01-01T00:00:00Z'),
  text('year 0099', '0099-12-31T00:00:00+01:00'),
  text('year 1900', '1900-01-01T09:00:00+01:00'),
  text('year 1970', '1970-01-01T00:00:00Z'),
  text('year 9999', '9999-12-31T23:59:59Z'),
  text('local time without offset', '2026-03-30T10:00:00'),
  text('a good instant', '2026-03-30T10:00:00+02:00'),
  text('premier', 'premier'),
  text('A', 'A'),
  text('DE', 'DE'),
  text('BY', 'BY'),
  text('Europe/Berlin', 'Europe/Berlin'),
  text('en-US', 'en-US'),
  text('x-klingon', 'x-klingon'),
  text('i-default', 'i-default'),
  text('advisory', 'advisory'),
  text('other-channel', 'other-channel'),
  text('now', 'now'),
];

/** The fields of an `evaluate` line and the code a value of the wrong JSON type gets there. */
export const FIELD_CODES: Readonly<Record<string, string>> = {
  plan: 'unknown_plan',
  severity: 'unknown_severity',
  language: 'invalid_language',
  country: 'unknown_country',
  subdivision: 'unknown_subdivision',
  timeZone: 'invalid_time_zone',
  openedAt: 'invalid_opened_at',
  clockStartsAt: 'invalid_field',
  at: 'invalid_at',
  issueType: 'invalid_field',
  product: 'invalid_field',
  commit24x7: 'invalid_field',
  available24x7: 'invalid_field',
  waitingOnCustomer: 'invalid_field',
  targetMinutes: 'invalid_field',
};

/** Every error code an answer may carry. */
export const ERROR_CODES = new Set([
  'unknown_plan',
  'unknown_severity',
  'severity_not_available',
  'unknown_country',
  'unknown_subdivision',
  'time_zone_required',
  'invalid_time_zone',
  'invalid_opened_at',
  'invalid_json',
  'out_of_scope',
  'invalid_language',
  'invalid_at',
  'invalid_field',
]);

/** A small deterministic generator (mulberry32), so a failing corpus can be regenerated exactly. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4_294_967_296;
  };
}
