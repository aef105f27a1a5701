import { Lru } from '../calendar/lru.js';
import { regionZones } from '../calendar/regions.js';
import { SlaFailure } from '../errors.js';
import { ianaZone, offsetAt } from '../time/zone.js';
import { knownZone, type Zone } from '../zones.js';
import { textField } from './fields.js';
import { shown } from './limits.js';
import type { Region } from './region.js';

const DAY = 86_400_000;
const UNIFORM = 1;
const SPLIT = 0;
const CHANGING = -1;
// Per region and UTC year: whether all of the region's zones keep one offset, day by day.
const uniformDays = new Lru<string, Int8Array>(512);

/** The customer's zone as given: an IANA name (any letter case), or null when not given. */
export function readTimeZone(value: unknown): Zone | null {
  const name = textField(value, 'timeZone', 'invalid_time_zone');
  if (name === undefined) return null;
  const zone = ianaZone(name);
  if (!zone) throw new SlaFailure('invalid_time_zone', { value: shown(value) });
  return zone;
}

/**
 * The customer's zone: the one given, else the zone the hours are kept in, else the region's zone when
 * its zones agree on the offset at `openedAt`. Where they disagree the zone decides the hours: required.
 */
export function customerZone(
  given: Zone | null,
  hoursZone: Zone | 'local',
  region: Region,
  openedAt: number,
): Zone {
  if (given) return given;
  if (hoursZone !== 'local') return hoursZone;
  const names = regionZones(region.country, region.subdivision);
  const zones = names.map(ianaZone).filter((zone): zone is Zone => zone !== null);
  const first = zones[0];
  if (first && (zones.length === 1 || shareOffset(region, zones, openedAt))) return first;
  throw new SlaFailure('time_zone_required', {
    country: region.country,
    subdivision: region.subdivision ?? '',
    zones: names,
  });
}

/** On a 24x7 clock the zone only decides how times are shown: the region's first zone will do. */
export function displayZone(given: Zone | null, hoursZone: Zone | 'local', region: Region): Zone {
  if (given) return given;
  if (hoursZone !== 'local') return hoursZone;
  const names = regionZones(region.country, region.subdivision);
  const first = names.map(ianaZone).find((zone): zone is Zone => zone !== null);
  return first ?? knownZone('UTC');
}

function shareOffset(region: Region, zones: readonly Zone[], at: number): boolean {
  const year = new Date(at).getUTCFullYear();
  const key = `${region.country}|${region.subdivision ?? ''}|${year}`;
  const days = uniformDays.get(key) ?? uniformDays.set(key, classifyDays(zones, year));
  const state = days[Math.floor((at - Date.UTC(year, 0, 1)) / DAY)];
  return state === CHANGING ? agree(zones, at) : state === UNIFORM;
}

/** A day is settled when no zone changes offset within it; only the changing days are checked exactly. */
function classifyDays(zones: readonly Zone[], year: number): Int8Array {
  const first = Date.UTC(year, 0, 1);
  const count = Math.round((Date.UTC(year + 1, 0, 1) - first) / DAY);
  const days = new Int8Array(count);
  let startOffsets = zones.map((zone) => offsetAt(zone, first));
  for (let day = 0; day < count; day += 1) {
    const endOffsets = zones.map((zone) => offsetAt(zone, first + (day + 1) * DAY));
    const settled = startOffsets.every((offset, i) => offset === endOffsets[i]);
    const uniform = startOffsets.every((offset) => offset === startOffsets[0]);
    days[day] = !settled ? CHANGING : uniform ? UNIFORM : SPLIT;
    startOffsets = endOffsets;
  }
  return days;
}

function agree(zones: readonly Zone[], at: number): boolean {
  const offsets = zones.map((zone) => offsetAt(zone, at));
  return offsets.every((offset) => offset === offsets[0]);
}
