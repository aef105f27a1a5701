import type { BusinessHours, Policy } from '../policy/types.js';
import { minutesOfDay } from '../time/clock-time.js';
import { knownZone, type Zone } from '../zones.js';
import { BusinessSchedule } from './business-schedule.js';
import { Lru } from './lru.js';
import type { WeeklyHours } from './year-intervals.js';

/** A policy's business-hours rule, ready to compute with: its zone resolved, its times in minutes. */
export interface HoursRule {
  readonly id: string;
  /** The zone the hours are kept in, or `local`: the customer's own. */
  readonly zone: Zone | 'local';
  readonly weekly: WeeklyHours;
}

const hoursByPolicy = new WeakMap<Policy, Map<string, HoursRule>>();

/** The business-hours rule of the policy that applies to a country (its own entry, else `*`). */
export function hoursFor(policy: Policy, country: string): HoursRule {
  let byCountry = hoursByPolicy.get(policy);
  if (!byCountry) {
    byCountry = new Map();
    hoursByPolicy.set(policy, byCountry);
  }
  const cached = byCountry.get(country);
  if (cached) return cached;
  const rule = resolve(findHours(policy, country));
  byCountry.set(country, rule);
  return rule;
}

function findHours(policy: Policy, country: string): BusinessHours {
  const listed = policy.businessHours.find(
    (hours) => hours.countries !== '*' && hours.countries.includes(country),
  );
  const fallback = policy.businessHours.find((hours) => hours.countries === '*');
  const rule = listed ?? fallback;
  // buildPolicy's rules guarantee a `*` entry: a policy without one was not built by it.
  if (!rule) throw new RangeError(`policy ${policy.id} has no business hours for ${country}`);
  return rule;
}

function resolve(hours: BusinessHours): HoursRule {
  return {
    id: hours.id,
    zone: hours.timeZone === 'local' ? 'local' : knownZone(hours.timeZone),
    weekly: {
      weekdays: new Set(hours.weekdays),
      opensMinute: minutesOfDay(hours.opens),
      closesMinute: minutesOfDay(hours.closes),
    },
  };
}

/** Schedules per policy, by hours, region and zone: built once, then reused by every case that shares them. */
const schedulesByPolicy = new WeakMap<Policy, Lru<string, BusinessSchedule>>();
const SCHEDULES_KEPT = 2_048;

export function businessSchedule(
  policy: Policy,
  hours: HoursRule,
  region: { country: string; subdivision: string | null },
  zone: Zone,
): BusinessSchedule {
  // The usual case: the same region object (inputs are cached) and zone object as last time.
  const hit = recent.get(region)?.get(zone);
  if (hit && hit.policy === policy && hit.hours === hours) return hit.schedule;
  let schedules = schedulesByPolicy.get(policy);
  if (!schedules) {
    schedules = new Lru(SCHEDULES_KEPT);
    schedulesByPolicy.set(policy, schedules);
  }
  const key = `${hours.id}|${region.country}|${region.subdivision ?? ''}|${zone.name}`;
  const schedule =
    schedules.get(key) ??
    schedules.set(
      key,
      new BusinessSchedule({
        zone,
        hours: hours.weekly,
        country: region.country,
        subdivision: region.subdivision,
        policy,
      }),
    );
  remember(region, zone, { policy, hours, schedule });
  return schedule;
}

interface Recent {
  readonly policy: Policy;
  readonly hours: HoursRule;
  readonly schedule: BusinessSchedule;
}

const recent = new WeakMap<object, Map<Zone, Recent>>();

function remember(region: object, zone: Zone, entry: Recent): void {
  let byZone = recent.get(region);
  if (!byZone) {
    byZone = new Map();
    recent.set(region, byZone);
  }
  byZone.set(zone, entry);
}
