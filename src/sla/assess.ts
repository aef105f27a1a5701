import { businessSchedule, type HoursRule, hoursFor } from './calendar/calendars.js';
import { alwaysOpen, type Schedule } from './calendar/schedule.js';
import { type ClockOption, clockOptions } from './coverage.js';
import type { CaseFacts } from './facts.js';
import { customerZone, displayZone } from './input/time-zone.js';
import type { Policy } from './policy/types.js';
import { clockStatus } from './status.js';
import type { Assessment, Candidate } from './types.js';
import { warningsFor } from './warnings.js';
import type { Zone } from './zones.js';

const MINUTE = 60_000;

/** The calculation over checked facts: which clocks may answer, their deadlines, the pick, the status. */
export function assess(facts: CaseFacts, at: number, policy: Policy): Assessment {
  const { severity, requestedLanguage, commit24x7, region, clockStartsAt, targetMinutes } = facts;
  const options = clockOptions(policy, severity, requestedLanguage, commit24x7);
  const hours = hoursFor(policy, region.country);
  const needsHours = runsOnHours(options);
  const zone = needsHours
    ? customerZone(facts.timeZone, hours.zone, region, facts.openedAt)
    : displayZone(facts.timeZone, hours.zone, region);
  const business = needsHours ? businessSchedule(policy, hours, region, hoursZone(hours, zone)) : alwaysOpen;
  const scheduleFor = (option: ClockOption): Schedule => (option.coverage === '24x7' ? alwaysOpen : business);

  // At most two candidates: the requested language's clock, then English 24x7.
  const first = options[0];
  const second = options[1];
  if (!first) throw new RangeError('no clock answers this severity: the policy was not built by buildPolicy');
  const firstCandidate = candidate(first, scheduleFor(first), clockStartsAt, targetMinutes);
  const secondCandidate = second
    ? candidate(second, scheduleFor(second), clockStartsAt, targetMinutes)
    : null;
  // The earlier deadline wins; on a tie the requested language (listed first) keeps it.
  const secondWins = secondCandidate !== null && secondCandidate.deadline < firstCandidate.deadline;
  const chosen = secondWins ? secondCandidate : firstCandidate;
  const alternative: Candidate | null = secondWins ? firstCandidate : secondCandidate;

  return {
    plan: facts.plan.id,
    severity,
    targetMinutes,
    targetSource: facts.targetSource,
    issueType: facts.issueType,
    product: facts.product,
    country: region.country,
    subdivision: region.subdivision,
    timeZone: zone.name,
    commit24x7,
    available24x7: facts.available24x7,
    requestedLanguage,
    openedAt: facts.openedAt,
    clockStartsAt,
    responseLanguage: chosen.responseLanguage,
    coverage: chosen.coverage,
    deadline: chosen.deadline,
    alternative,
    status: clockStatus(
      chosen.coverage === '24x7' ? alwaysOpen : business,
      { startsAt: clockStartsAt, deadline: chosen.deadline, targetMinutes },
      at,
    ),
    warnings: warningsFor(policy, facts),
  };
}

/** Whether any of the clocks runs on business hours (a loop: this runs for every answer). */
function runsOnHours(options: readonly ClockOption[]): boolean {
  for (const option of options) if (option.coverage === 'business-hours') return true;
  return false;
}

/** The zone a business schedule runs in: the hours' own, or the customer's for local hours. */
export function hoursZone(hours: HoursRule, customer: Zone): Zone {
  return hours.zone === 'local' ? customer : hours.zone;
}

function candidate(option: ClockOption, schedule: Schedule, startsAt: number, target: number): Candidate {
  return {
    responseLanguage: option.responseLanguage,
    coverage: option.coverage,
    deadline: schedule.add(startsAt, target * MINUTE),
  };
}
