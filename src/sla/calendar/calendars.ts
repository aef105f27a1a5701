import type { IANAZone } from 'luxon';
import type { BusinessHours, Policy } from '../policy/types.js';
import { minutesOfDay } from '../time/clock-time.js';
import { BusinessSchedule } from './business-schedule.js';
import { Lru } from './lru.js';

// One schedule per (policy, hours, region, zone): built once, then reused by every case that shares it.
const schedules = new Lru<string, BusinessSchedule>(2_048);

/** The business-hours rule of the policy that applies to a country. */
export function hoursFor(policy: Policy, country: string): BusinessHours {
  let byCountry = hoursByPolicy.get(policy);
  if (!byCountry) {
    byCountry = new Map();
    hoursByPolicy.set(policy, byCountry);
  }
  const cached = byCountry.get(country);
  if (cached) return cached;
  const rule = findHours(policy, country);
  byCountry.set(country, rule);
  return rule;
}

const hoursByPolicy = new WeakMap<Policy, Map<string, BusinessHours>>();

function findHours(policy: Policy, country: string): BusinessHours {
  const listed = policy.businessHours.find(
    (hours) => hours.countries !== '*' && hours.countries.includes(country),
  );
  const fallback = policy.businessHours.find((hours) => hours.countries === '*');
  const rule = listed ?? fallback;
  if (!rule) throw new RangeError(`policy ${policy.id} has no business hours for ${country}`);
  return rule;
}

export function businessSchedule(
  policy: Policy,
  hours: BusinessHours,
  region: { country: string; subdivision: string | null },
  zone: IANAZone,
): BusinessSchedule {
  // The usual case: the same region object (inputs are cached) and zone object as last time.
  const byZone = recent.get(region);
  const hit = byZone?.get(zone);
  if (hit && hit.policy === policy) return hit.schedule;
  const key = `${policy.id}|${hours.id}|${region.country}|${region.subdivision ?? ''}|${zone.name}`;
  const cached = schedules.get(key);
  if (cached) {
    remember(region, zone, policy, cached);
    return cached;
  }
  const schedule = new BusinessSchedule({
    zone,
    hours: {
      weekdays: new Set(hours.weekdays),
      opensMinute: minutesOfDay(hours.opens),
      closesMinute: minutesOfDay(hours.closes),
    },
    country: region.country,
    subdivision: region.subdivision,
    holidayTypes: policy.holidayTypes,
  });
  remember(region, zone, policy, schedule);
  return schedules.set(key, schedule);
}

const recent = new WeakMap<object, Map<IANAZone, { policy: Policy; schedule: BusinessSchedule }>>();

function remember(region: object, zone: IANAZone, policy: Policy, schedule: BusinessSchedule): void {
  let byZone = recent.get(region);
  if (!byZone) {
    byZone = new Map();
    recent.set(region, byZone);
  }
  byZone.set(zone, { policy, schedule });
}
