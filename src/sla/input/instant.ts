import { SlaFailure } from '../errors.js';
import type { SlaErrorCode } from '../types.js';
import { END_INSTANT, FIRST_INSTANT, jsonType, RANGE_TEXT, shown } from './limits.js';

const ISO_WITH_OFFSET =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)$/i;
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

function parseIso(text: string): number {
  const m = text.length <= ISO_LIMIT ? ISO_WITH_OFFSET.exec(text) : null;
  if (!m) return Number.NaN;
  const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4], m[5]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const second = Number(m[6] ?? 0);
  const millis = m[7] === undefined ? 0 : Math.floor(Number(`0.${m[7]}`) * 1000);
  if (
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
  const offset = offsetMinutes(m[8] as string);
  if (Number.isNaN(offset)) return Number.NaN;
  return utc(year, month - 1, day) + ((hour * 60 + minute - offset) * 60 + second) * 1000 + millis;
}

/** Midnight UTC of a date; unlike `Date.UTC`, years 0–99 are read as written, not as 1900–1999. */
function utc(year: number, monthIndex: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, monthIndex, day);
  return date.getTime();
}

function offsetMinutes(designator: string): number {
  if (designator.toUpperCase() === 'Z') return 0;
  const sign = designator.startsWith('-') ? -1 : 1;
  const digits = designator.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2) || 0);
  if (hours > 18 || minutes > 59) return Number.NaN;
  return sign * (hours * 60 + minutes);
}

function daysInMonth(year: number, month: number): number {
  return new Date(utc(year, month, 0)).getUTCDate();
}
