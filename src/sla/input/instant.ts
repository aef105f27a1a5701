import { SlaFailure } from '../errors.js';
import type { SlaErrorCode } from '../types.js';

const ISO_WITH_OFFSET =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)$/i;

/**
 * An instant from ISO 8601 with an offset ("2026-03-27T10:00+01:00", "…Z") or epoch milliseconds.
 * A local time without an offset is refused: it would silently depend on whoever reads it.
 */
export function readInstant(value: unknown, code: SlaErrorCode): number {
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return Math.trunc(value);
    throw new SlaFailure(code, { value: String(value) });
  }
  const parsed = typeof value === 'string' ? parseIso(value.trim()) : Number.NaN;
  if (Number.isNaN(parsed)) throw new SlaFailure(code, { value: String(value ?? '') });
  return parsed;
}

function parseIso(text: string): number {
  const m = ISO_WITH_OFFSET.exec(text);
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
  return Date.UTC(year, month - 1, day, hour, minute, second, millis) - offset * 60_000;
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
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
