// ISO instants are read character by character (src/sla/input/instant.ts), for speed. They must accept
// and read exactly what the pattern they replaced did: compared here with that pattern, on hand-picked
// texts and on generated ones built from its grammar with one character changed, added or dropped.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { readInstant, SlaFailure } from '../../src/sla/index.js';

const PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)$/i;

/** The reading the pattern gave (the code this replaced): an instant, or NaN. */
function byPattern(text: string): number {
  const m = text.length <= 40 ? PATTERN.exec(text) : null;
  if (!m) return Number.NaN;
  const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4], m[5]].map(Number) as number[];
  const second = Number(m[6] ?? 0);
  const millis = m[7] === undefined ? 0 : Math.floor(Number(`0.${m[7]}`) * 1000);
  const utc = (y: number, monthIndex: number, d: number) => {
    const date = new Date(0);
    date.setUTCFullYear(y, monthIndex, d);
    return date.getTime();
  };
  const days = new Date(utc(year as number, month as number, 0)).getUTCDate();
  const designator = m[8] as string;
  let offset = 0;
  if (designator.toUpperCase() !== 'Z') {
    const digits = designator.slice(1).replace(':', '');
    const h = Number(digits.slice(0, 2));
    const mm = Number(digits.slice(2) || 0);
    offset = h > 18 || mm > 59 ? Number.NaN : (designator.startsWith('-') ? -1 : 1) * (h * 60 + mm);
  }
  const bad =
    (month as number) < 1 ||
    (month as number) > 12 ||
    (day as number) < 1 ||
    (day as number) > days ||
    (hour as number) > 23 ||
    (minute as number) > 59 ||
    second > 59 ||
    Number.isNaN(offset);
  if (bad) return Number.NaN;
  return (
    utc(year as number, (month as number) - 1, day as number) +
    (((hour as number) * 60 + (minute as number) - offset) * 60 + second) * 1000 +
    millis
  );
}

/** What readInstant answers: the instant, or the error's params. */
function read(text: string): number | Record<string, unknown> {
  try {
    return readInstant(text, 'invalid_at');
  } catch (error) {
    if (error instanceof SlaFailure) return { ...error.params };
    throw error;
  }
}

function expected(text: string): number | Record<string, unknown> {
  const instant = byPattern(text.trim());
  const value = text.length > 60 ? `${text.slice(0, 60)}…` : text;
  if (Number.isNaN(instant)) return { field: 'at', value, expected: 'instant' };
  if (instant < Date.UTC(2000, 0, 1) || instant >= Date.UTC(2100, 0, 1)) {
    return { field: 'at', value, first: '2000-01-01T00:00:00Z', last: '2099-12-31T23:59:59Z' };
  }
  return instant;
}

const TEXTS = [
  '2026-03-27T10:00:00+01:00',
  '2026-03-27t10:00z',
  '2026-03-27 10:00:00.5+0130',
  '2026-03-27T10:00:00,123456789-05',
  '2026-03-27T10:00:00.1234567890Z',
  '2026-03-27T10:00:00.Z',
  '2026-02-29T10:00Z',
  '2024-02-29T10:00Z',
  '2000-02-29T00:00Z',
  '2100-02-29T00:00Z',
  '2026-04-31T10:00Z',
  '2026-13-01T10:00Z',
  '2026-00-10T10:00Z',
  '2026-01-00T10:00Z',
  '2026-01-01T24:00Z',
  '2026-01-01T23:60Z',
  '2026-01-01T23:59:60Z',
  '2026-01-01T10:00+19:00',
  '2026-01-01T10:00+18:59',
  '2026-01-01T10:00+01:60',
  '2026-01-01T10:00+01:0',
  '2026-01-01T10:00+010',
  '2026-01-01T10:00+01:000',
  '2026-01-01T10:00+1',
  '2026-01-01T10:00',
  '2026-01-01T10:00ZZ',
  '2026-01-01T10Z',
  '2026-1-01T10:00Z',
  '02026-01-01T10:00Z',
  '2026-01-01T10:00:00Z ',
  '  2026-01-01T10:00:00Z',
  '2026-01-01T10:00:00.000Z',
  '1999-12-31T23:59:59.999Z',
  '2000-01-01T01:00+01:00',
  '2099-12-31T23:59:59.999999999Z',
  '2100-01-01T00:00Z',
  '0099-01-01T00:00Z',
  '２０２６-01-01T10:00Z',
  '2026-01-01T10:00:00.٣Z',
  '',
  'now',
];

describe('ISO instants read by hand, as the pattern read them', () => {
  test.each(TEXTS)('%s', (text) => {
    expect(read(text)).toEqual(expected(text));
  });

  test('every fraction of up to three digits, and longer ones', () => {
    const fractions: string[] = [];
    for (let n = 0; n < 1000; n += 1) {
      for (const width of [1, 2, 3]) if (n < 10 ** width) fractions.push(String(n).padStart(width, '0'));
    }
    fractions.push('0005', '9999', '1234', '00000001', '999999999', '5000');
    for (const fraction of fractions) {
      const text = `2026-01-01T00:00:00.${fraction}Z`;
      expect(read(text), text).toEqual(expected(text));
    }
  });

  test('generated texts, changed by one character', () => {
    const digits = (n: number) =>
      fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });
    const valid = fc
      .tuple(
        fc.constantFrom('19', '20', '21', '00'),
        digits(2),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        fc.constantFrom('T', 't', ' '),
        fc.integer({ min: 0, max: 25 }),
        fc.integer({ min: 0, max: 61 }),
        fc.option(fc.integer({ min: 0, max: 61 })),
        fc.option(fc.tuple(fc.constantFrom('.', ','), fc.integer({ min: 0, max: 11 }))),
        fc.constantFrom('Z', 'z', '+01:00', '-05:30', '+0530', '-12', '+18:59', '+19:00', '+01:60'),
      )
      .map(([century, year, month, day, sep, hour, minute, second, fraction, zone]) => {
        const two = (n: number) => String(n).padStart(2, '0');
        const secondText = second === null ? '' : `:${two(second)}`;
        const fractionText =
          second === null || fraction === null ? '' : `${fraction[0]}${'7'.repeat(fraction[1])}`;
        return `${century}${year}-${two(month)}-${two(day)}${sep}${two(hour)}:${two(minute)}${secondText}${fractionText}${zone}`;
      });
    const changed = fc
      .tuple(
        valid,
        fc.nat(40),
        fc.constantFrom('', '0', '9', ':', '-', '+', '.', 'Z', 'T', ' ', 'x'),
        fc.nat(2),
      )
      .map(([text, at, char, how]) => {
        const i = at % (text.length + 1);
        if (how === 0) return text;
        if (how === 1) return text.slice(0, i) + char + text.slice(i + 1);
        return text.slice(0, i) + char + text.slice(i);
      });
    fc.assert(
      fc.property(changed, (text) => {
        expect(read(text)).toEqual(expected(text));
      }),
      { numRuns: 20_000, seed: 13 },
    );
  });
});
