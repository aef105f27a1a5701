/** "HH:mm" to minutes after midnight; policy data is validated when a calendar is built. */
export function minutesOfDay(time: string): number {
  const match = /^(\d{2}):(\d{2})$/.exec(time);
  const hours = Number(match?.[1]);
  const minutes = Number(match?.[2]);
  if (!match || hours > 24 || minutes > 59 || hours * 60 + minutes > 1440) {
    throw new RangeError(`business hours must be written HH:mm between 00:00 and 24:00, not "${time}"`);
  }
  return hours * 60 + minutes;
}
