import type { TFunction } from 'i18next';
import { DateTime } from 'luxon';

/** "A, B or C" in the reader's language. */
export function listText(
  values: readonly string[],
  locale: string,
  type: 'conjunction' | 'disjunction' = 'disjunction',
): string {
  return new Intl.ListFormat(intlLocale(locale), { style: 'long', type }).format(values);
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

/** An instant as the reader reads dates, in the given zone, with the zone's abbreviation. */
export function instantText(instant: number, zone: string, locale: string): string {
  return DateTime.fromMillis(instant, { zone }).setLocale(intlLocale(locale)).toLocaleString({
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  });
}

/** ISO 8601 in the zone, without milliseconds: "2026-03-27T11:00:00+01:00". */
export function isoInZone(instant: number, zone: string): string {
  return (
    DateTime.fromMillis(instant, { zone }).toISO({ suppressMilliseconds: true }) ??
    new Date(instant).toISOString()
  );
}

function intlLocale(locale: string): string {
  return locale === 'zh-Hant' ? 'zh-Hant-TW' : locale;
}
