import type { TFunction } from 'i18next';
import { type TimeZone, timeZone } from '../sla/time/zone.js';

// Intl formatters are costly to build and cheap to use: one per (locale, options), kept.
const FORMATTERS_KEPT = 500;
const listFormats = new Map<string, Intl.ListFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** "A, B or C" in the reader's language. */
export function listText(
  values: readonly string[],
  locale: string,
  type: 'conjunction' | 'disjunction' = 'disjunction',
): string {
  const key = `${locale}|${type}`;
  let format = listFormats.get(key);
  if (!format) {
    format = new Intl.ListFormat(intlLocale(locale), { style: 'long', type });
    if (listFormats.size >= FORMATTERS_KEPT) listFormats.clear();
    listFormats.set(key, format);
  }
  return format.format(values);
}

/** "1 hour 30 minutes", "2 days 3 hours": the two largest units, whole minutes. */
export function durationText(t: TFunction, totalMinutes: number): string {
  const minutes = Math.max(0, Math.round(totalMinutes));
  if (minutes === 0) return t('common:duration.none');
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  const parts: string[] = [];
  if (days) parts.push(t('common:duration.days', { count: days }));
  if (hours) parts.push(t('common:duration.hours', { count: hours }));
  if (rest && !days) parts.push(t('common:duration.minutes', { count: rest }));
  const [first = '', second] = parts;
  return second ? t('common:duration.join', { first, second }) : first;
}

/**
 * An instant as the reader reads dates, in the given zone, with the zone's abbreviation. The hour is
 * written in the locale's own form ("1:00 PM", "13:00", "오후 1:00"), not forced to two digits.
 */
export function instantText(instant: number, zone: string, locale: string): string {
  const key = `${locale}|${zone}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale(locale), {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      timeZoneName: 'short',
      timeZone: zone,
    });
    if (dateFormats.size >= FORMATTERS_KEPT) dateFormats.clear();
    dateFormats.set(key, format);
  }
  return format.format(instant);
}

/**
 * ISO 8601 in the zone, without milliseconds when they are zero: "2026-03-27T11:00:00+01:00". The
 * offset comes from the zone's table (no Intl call); one that is not whole minutes (local mean time,
 * before standard time) is written with its seconds, "+00:17:30", as Temporal writes it, so the text
 * names the right instant. UTC is written "Z".
 */
export function isoInZone(instant: number, zone: string): string {
  return isoWriter(zone)(instant);
}

/** `isoInZone` for several instants in one zone: the zone is looked up once. */
export function isoWriter(zone: string): (instant: number) => string {
  const found = timeZone(zone);
  return found === null ? (instant) => new Date(instant).toISOString() : (instant) => isoIn(instant, found);
}

function isoIn(instant: number, zone: TimeZone): string {
  const offset = zone.offsetAt(instant);
  if (Number.isNaN(offset)) return new Date(instant).toISOString();
  return `${wallText(instant + offset)}${zone.name === 'UTC' ? 'Z' : offsetSuffix(offset)}`;
}

// Offsets are few (a few hundred in the whole tz database): each is written once.
const offsetTexts = new Map<number, string>();

function offsetSuffix(offset: number): string {
  let text = offsetTexts.get(offset);
  if (text === undefined) {
    text = offsetText(offset);
    if (offsetTexts.size >= FORMATTERS_KEPT) offsetTexts.clear();
    offsetTexts.set(offset, text);
  }
  return text;
}

/** "+01:00", "-05:00", "+00:17:30": an offset in ms as ISO 8601 writes it. */
export function offsetText(offset: number): string {
  const sign = offset < 0 ? '-' : '+';
  const seconds = Math.round(Math.abs(offset) / 1000);
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor(seconds / 60) % 60;
  const rest = seconds % 60;
  return `${sign}${pad(hours, 2)}:${pad(minutes, 2)}${rest ? `:${pad(rest, 2)}` : ''}`;
}

const DAY = 86_400_000;
const TWO_DIGITS = Array.from({ length: 100 }, (_, n) => String(n).padStart(2, '0'));
/** "2026-03-27T" by day number: answers of a batch fall on a few hundred days. Bounded. */
const dateTexts = new Map<number, string>();
const DATES_KEPT = 10_000;

/** A wall time (written as if it were UTC) as "2026-03-27T11:00:00" or "…T11:00:00.250". */
function wallText(wall: number): string {
  const days = Math.floor(wall / DAY);
  const time = wall - days * DAY;
  let date = dateTexts.get(days);
  if (date === undefined) {
    date = dateText(days);
    if (dateTexts.size >= DATES_KEPT) dateTexts.clear();
    dateTexts.set(days, date);
  }
  const seconds = Math.floor(time / 1000);
  const millis = time - seconds * 1000;
  return `${date}${TWO_DIGITS[Math.floor(seconds / 3600)]}:${TWO_DIGITS[Math.floor(seconds / 60) % 60]}:${
    TWO_DIGITS[seconds % 60]
  }${millis ? `.${pad(millis, 3)}` : ''}`;
}

/**
 * A day number as "2026-03-27T". Calendar arithmetic (days to civil date, as in Howard Hinnant's
 * algorithm) rather than a Date; years beyond 0–9999 as ISO 8601 writes them (±YYYYYY).
 */
function dateText(days: number): string {
  const shifted = days + 719_468;
  const era = Math.floor(shifted / 146_097);
  const dayOfEra = shifted - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  const long = year > 9999 || year < 0;
  const yearText = long ? `${year < 0 ? '-' : '+'}${pad(Math.abs(year), 6)}` : pad(year, 4);
  return `${yearText}-${TWO_DIGITS[month]}-${TWO_DIGITS[day]}T`;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function intlLocale(locale: string): string {
  return locale === 'zh-Hant' ? 'zh-Hant-TW' : locale;
}
