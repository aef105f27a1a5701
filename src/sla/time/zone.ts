import { IANAZone } from 'luxon';

const MINUTE = 60_000;
const DAY = 86_400_000;
const known = new Map<string, IANAZone | null>();

/** The IANA zone by name (any letter case), or null when the name is not a zone. Cached per name. */
export function ianaZone(name: string): IANAZone | null {
  let zone = known.get(name);
  if (zone === undefined) {
    zone = canonicalZone(name);
    if (known.size > 2_000) known.clear();
    known.set(name, zone);
  }
  return zone;
}

function canonicalZone(name: string): IANAZone | null {
  // Offsets such as "+01:00" are not places: they carry no DST or holidays.
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(name) || !IANAZone.isValidZone(name)) return null;
  const resolved = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  return IANAZone.create(resolved);
}

/** The zone's offset from UTC at an instant, in milliseconds. */
export function offsetAt(zone: IANAZone, instant: number): number {
  return zone.offset(instant) * MINUTE;
}

/**
 * The instant a local wall-clock time names. `wall` is the wall time written as if it were UTC.
 * In a DST gap the wall time does not exist: the first valid instant after it is the moment the
 * clocks jump. In a DST overlap the wall time happens twice: the earlier instant wins.
 */
export function wallToInstant(zone: IANAZone, wall: number): number {
  const guess = wall - offsetAt(zone, wall);
  const before = offsetAt(zone, guess - DAY);
  const after = offsetAt(zone, guess + DAY);
  const early = wall - before;
  const late = wall - after;
  const earlyValid = offsetAt(zone, early) === before;
  const lateValid = offsetAt(zone, late) === after;
  if (earlyValid && lateValid) return Math.min(early, late);
  if (earlyValid) return early;
  if (lateValid) return late;
  return transitionBetween(zone, Math.min(early, late), Math.max(early, late), after);
}

/** The first instant in [from, to] at which the zone already keeps `offsetAfter`. */
function transitionBetween(zone: IANAZone, from: number, to: number, offsetAfter: number): number {
  let lo = from;
  let hi = to;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (offsetAt(zone, mid) === offsetAfter) hi = mid;
    else lo = mid;
  }
  return offsetAt(zone, lo) === offsetAfter ? lo : hi;
}
