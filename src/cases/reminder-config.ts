/** One point at which the bot posts into a case's thread. */
export type ReminderPoint =
  | { readonly kind: 'fraction'; readonly fraction: number }
  | { readonly kind: 'before'; readonly minutes: number }
  | { readonly kind: 'breach' };

export const DEFAULT_REMINDERS = '50%,75%,90%,15m,breach';

/**
 * Reads a reminder plan such as "50%,75%,90%,15m,breach": fractions of the target used, minutes
 * before the deadline, and the breach itself. Returns the problems instead of guessing.
 */
export function parseReminderPlan(text: string): { points: ReminderPoint[]; problems: string[] } {
  const points: ReminderPoint[] = [];
  const problems: string[] = [];
  for (const raw of text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const percent = /^(\d{1,2}(?:\.\d+)?)%$/.exec(raw);
    const minutes = /^(\d{1,4})m$/.exec(raw);
    if (percent && Number(percent[1]) > 0)
      points.push({ kind: 'fraction', fraction: Number(percent[1]) / 100 });
    else if (minutes && Number(minutes[1]) > 0) points.push({ kind: 'before', minutes: Number(minutes[1]) });
    else if (raw.toLowerCase() === 'breach') points.push({ kind: 'breach' });
    else problems.push(raw);
  }
  return { points, problems };
}
