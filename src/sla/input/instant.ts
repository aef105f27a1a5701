import { SlaFailure } from '../errors.js';
import { daysFromCivil } from '../time/utc-year.js';
import type { SlaErrorCode } from '../types.js';
import { END_INSTANT, FIRST_INSTANT, jsonType, RANGE_TEXT, shown } from './limits.js';

/** The longest ISO form: 2026-03-27T10:00:00.123456789+01:00 (35 characters), with room for spaces. */
const ISO_LIMIT = 40;

const FIELD_OF: Partial<Record<SlaErrorCode, string>> = {
  invalid_opened_at: 'openedAt',
  invalid_at: 'at',
};

/**
 * An instant from ISO 8601 with an offset ("2026-03-27T10:00+01:00", "…Z") or epoch milliseconds,
 * within 2000–2099 (UTC). A local time without an offset is refused: it would silently depend on
 * whoever reads it.
 */
export function readInstant(value: unknown, code: SlaErrorCode, field = FIELD_OF[code] ?? 'instant'): number {
  if (typeof value !== 'number' && typeof value !== 'string') {
    if (value === undefined || value === null) throw new SlaFailure(code, { field, value: '' });
    throw new SlaFailure(code, { field, expected: 'instant', got: jsonType(value) });
  }
  const instant = typeof value === 'number' ? epoch(value) : parseIso(value.trim());
  if (Number.isNaN(instant)) throw new SlaFailure(code, { field, value: shown(value), expected: 'instant' });
  if (instant < FIRST_INSTANT || instant >= END_INSTANT) {
    throw new SlaFailure(code, { field, value: shown(value), ...RANGE_TEXT });
  }
  return instant;
}

function epoch(value: number): number {
  return Number.isFinite(value) ? Math.trunc(value) : Number.NaN;
}

const DAY = 86_400_000;
const ZERO = 48;
// The last text read, and its instant: a batch usually asks about one `at` on every line.
let lastText = '';
let lastInstant = Number.NaN;

/**
 * The instant an ISO text names, or NaN. Read character by character (this runs for every line of
 * `sla-bot evaluate`); it accepts exactly what this pattern does, case-insensitively:
 * `YYYY-MM-DD[T ]hh:mm[:ss[(.|,)f{1,9}]](Z|±hh[[:]mm])`.
 */
function parseIso(text: string): number {
  if (text === lastText) return lastInstant;
  const instant = text.length <= ISO_LIMIT ? isoInstant(text) : Number.NaN;
  lastText = text;
  lastInstant = instant;
  return instant;
}

function isoInstant(text: string): number {
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  const hour = digitsAt(text, 11, 2);
  const minute = digitsAt(text, 14, 2);
  const separator = text[10];
  if (
    text[4] !== '-' ||
    text[7] !== '-' ||
    text[13] !== ':' ||
    !(separator === 'T' || separator === 't' || separator === ' ')
  ) {
    return Number.NaN;
  }
  let at = 16;
  let second = 0;
  let millis = 0;
  if (text[at] === ':') {
    second = digitsAt(text, at + 1, 2);
    at += 3;
    if (text[at] === '.' || text[at] === ',') {
      const first = at + 1;
      at = first;
      while (at < text.length && isDigit(text.charCodeAt(at))) at += 1;
      if (at === first || at - first > 9) return Number.NaN;
      millis = fractionMillis(text, first, at);
    }
  }
  const offset = offsetMinutes(text, at);
  if (
    Number.isNaN(year + month + day + hour + minute + second + offset) ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth(year, month) ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    return Number.NaN;
  }
  return (
    daysFromCivil(year, month, day) * DAY + ((hour * 60 + minute - offset) * 60 + second) * 1000 + millis
  );
}

/**
 * Milliseconds of a fraction of a second, truncated. Up to three digits the arithmetic is exact on
 * integers (the same as the decimal reading for every such text: checked for all of them); longer
 * fractions are read as the decimal they write.
 */
function fractionMillis(text: string, first: number, end: number): number {
  const count = end - first;
  if (count <= 3) return digitsAt(text, first, count) * (count === 1 ? 100 : count === 2 ? 10 : 1);
  return Math.floor(Number(`0.${text.slice(first, end)}`) * 1000);
}

/** The designator from `at` to the end: `Z`, or ±hh, ±hhmm, ±hh:mm with hh ≤ 18 and mm ≤ 59. */
function offsetMinutes(text: string, at: number): number {
  const sign = text[at];
  if (sign === 'Z' || sign === 'z') return at + 1 === text.length ? 0 : Number.NaN;
  if (sign !== '+' && sign !== '-') return Number.NaN;
  const hours = digitsAt(text, at + 1, 2);
  const rest = text.length - (at + 3);
  let minutes = 0;
  if (rest === 2) minutes = digitsAt(text, at + 3, 2);
  else if (rest === 3 && text[at + 3] === ':') minutes = digitsAt(text, at + 4, 2);
  else if (rest !== 0) return Number.NaN;
  if (hours > 18 || minutes > 59) return Number.NaN;
  return (sign === '-' ? -1 : 1) * (hours * 60 + minutes);
}

/** The number written by `count` ASCII digits at `start`, or NaN. */
function digitsAt(text: string, start: number, count: number): number {
  if (start + count > text.length) return Number.NaN;
  let value = 0;
  for (let i = start; i < start + count; i += 1) {
    const code = text.charCodeAt(i);
    if (!isDigit(code)) return Number.NaN;
    value = value * 10 + (code - ZERO);
  }
  return value;
}

function isDigit(code: number): boolean {
  return code >= ZERO && code <= ZERO + 9;
}

function daysInMonth(year: number, month: number): number {
  if (month !== 2) return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}
