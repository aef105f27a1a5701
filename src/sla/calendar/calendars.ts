import type { IANAZone } from 'luxon';
import type { BusinessHours, Policy } from '../policy/types.js';
import { minutesOfDay } from '../time/clock-time.js';
import { BusinessSchedule } from './business-schedule.js';
import { Lru } from './lru.js';

// One schedule per (policy, hours, region, zone): built once, then reused by every case that shares it.
const schedules = new Lru<string, BusinessSchedule>(2_048);

/** The business-hours rule of the policy that applies to a country. */
export function hoursFor(policy: Policy, country: string): BusinessHours {
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
  const key = `${policy.id}|${hours.id}|${region.country}|${region.subdivision ?? ''}|${zone.name}`;
  const cached = schedules.get(key);
  if (cached) return cached;
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
  return schedules.set(key, schedule);
}
