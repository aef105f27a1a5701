// The edges of what the core accepts. Everything outside is refused with a coded error before any
// work is done, so no input can make an evaluation slow or reach a library with a value it mishandles.

/** The first instant accepted: 2000-01-01T00:00:00Z. */
export const FIRST_INSTANT = Date.UTC(2000, 0, 1);
/** The first instant no longer accepted: 2100-01-01T00:00:00Z (the range ends with 2099). */
export const END_INSTANT = Date.UTC(2100, 0, 1);
/** The range as people read it, for error messages. */
export const RANGE_TEXT = { first: '2000-01-01T00:00:00Z', last: '2099-12-31T23:59:59Z' } as const;

/** Longest text accepted in any field (plan names, tags, zones, codes): checked before any regex. */
export const TEXT_LIMIT = 100;

/** How much of a refused value an error message repeats. */
const SHOWN_LIMIT = 60;

/** JSON's own type of a value, as error messages name it. */
export type JsonType = 'text' | 'number' | 'boolean' | 'object' | 'list' | 'null' | 'other';

export function jsonType(value: unknown): JsonType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'list';
  switch (typeof value) {
    case 'string':
      return 'text';
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'object':
      return 'object';
    default:
      return 'other';
  }
}

/**
 * A refused value as an error message may repeat it: text and numbers shortened, anything else by
 * its type only (never `String()` on an object: its `toString` may be anything).
 */
export function shown(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value !== 'string') return `(${jsonType(value)})`;
  return value.length > SHOWN_LIMIT ? `${value.slice(0, SHOWN_LIMIT)}…` : value;
}
