import type { IANAZone } from 'luxon';
import { businessSchedule, hoursFor } from './calendar/calendars.js';
import { alwaysOpen, type Schedule } from './calendar/schedule.js';
import { type ClockOption, clockOptions } from './coverage.js';
import { SlaFailure } from './errors.js';
import { readInstant } from './input/instant.js';
import { readLanguage } from './input/language.js';
import { readPlan, readSeverity, targetMinutes } from './input/plan.js';
import { type Region, readRegion } from './input/region.js';
import { readIssueType, readProduct } from './input/scope.js';
import { readCustomerZone } from './input/time-zone.js';
import { azurePolicy } from './policy/azure.js';
import type { BusinessHours, Policy } from './policy/types.js';
import { clockStatus } from './status.js';
import { ianaZone } from './time/zone.js';
import type { Assessment, Candidate, Evaluation, SlaInput } from './types.js';
import { warningsFor } from './warnings.js';

const MINUTE = 60_000;

/**
 * When must Microsoft first respond to this case, in which language and on which clock, and where does
 * the clock stand at `at` (epoch ms)? Pure: same input and `at`, same answer.
 */
export function evaluate(input: SlaInput, at: number, policy: Policy = azurePolicy): Evaluation {
  try {
    return { ok: true, assessment: assess(input, at, policy) };
  } catch (error) {
    if (error instanceof SlaFailure) return { ok: false, error: error.toInfo() };
    throw error;
  }
}

function assess(input: SlaInput, at: number, policy: Policy): Assessment {
  if (typeof input !== 'object' || input === null)
    throw new SlaFailure('invalid_field', { field: 'input', expected: 'object' });
  if (!Number.isFinite(at)) throw new SlaFailure('invalid_at', { value: String(at) });
  const plan = readPlan(policy, input.plan);
  const severity = readSeverity(policy, input.severity);
  const target = targetMinutes(policy, plan, severity);
  const requestedLanguage = readLanguage(policy, input.language);
  const region = readRegion(input.country, input.subdivision);
  const openedAt = readInstant(input.openedAt, 'invalid_opened_at');
  const issueType = readIssueType(policy, plan, input.issueType);
  const product = readProduct(policy, input.product);
  const commit24x7 = readFlag(input, 'commit24x7', policy.clocks[severity].committedByDefault);
  const available24x7 = readFlag(input, 'available24x7', commit24x7);
  const waitingOnCustomer = readFlag(input, 'waitingOnCustomer', false);

  const options = clockOptions(policy, severity, requestedLanguage, commit24x7);
  const hours = hoursFor(policy, region.country);
  const needsHours = options.some((option) => option.coverage === 'business-hours');
  const zone = needsHours
    ? readCustomerZone(input.timeZone, hours, region, openedAt)
    : displayZone(input.timeZone, hours, region, openedAt);
  const business = needsHours
    ? businessSchedule(
        policy,
        hours,
        region,
        hours.timeZone === 'local' ? zone : (ianaZone(hours.timeZone) as IANAZone),
      )
    : alwaysOpen;

  // At most two candidates: the requested language's clock, then English 24x7.
  const [first, second] = options as [ClockOption, ClockOption | undefined];
  const firstCandidate = candidate(
    first,
    first.coverage === '24x7' ? alwaysOpen : business,
    openedAt,
    target,
  );
  const secondCandidate = second
    ? candidate(second, second.coverage === '24x7' ? alwaysOpen : business, openedAt, target)
    : null;
  // The earlier deadline wins; on a tie the requested language (listed first) keeps it.
  const secondWins = secondCandidate !== null && secondCandidate.deadline < firstCandidate.deadline;
  const chosen = secondWins ? secondCandidate : firstCandidate;
  const alternative: Candidate | null = secondWins ? firstCandidate : secondCandidate;

  return {
    plan: plan.id,
    severity,
    targetMinutes: target,
    issueType,
    product,
    country: region.country,
    subdivision: region.subdivision,
    timeZone: zone.name,
    commit24x7,
    available24x7,
    requestedLanguage,
    openedAt,
    responseLanguage: chosen.responseLanguage,
    coverage: chosen.coverage,
    deadline: chosen.deadline,
    alternative,
    status: clockStatus(
      chosen.coverage === '24x7' ? alwaysOpen : business,
      openedAt,
      chosen.deadline,
      target,
      at,
    ),
    warnings: warningsFor(policy, { severity, commit24x7, available24x7, waitingOnCustomer, product }),
  };
}

function candidate(option: ClockOption, schedule: Schedule, openedAt: number, target: number): Candidate {
  return {
    responseLanguage: option.responseLanguage,
    coverage: option.coverage,
    deadline: schedule.add(openedAt, target * MINUTE),
  };
}

/** On a 24x7 clock the zone only decides how times are shown: never an error to leave it out. */
function displayZone(value: unknown, hours: BusinessHours, region: Region, openedAt: number): IANAZone {
  try {
    return readCustomerZone(value, hours, region, openedAt);
  } catch (error) {
    if (!(error instanceof SlaFailure) || error.code !== 'time_zone_required') throw error;
    const zones = error.params.zones as readonly string[];
    return ianaZone(zones[0] ?? 'UTC') as IANAZone;
  }
}

function readFlag(
  input: SlaInput,
  field: 'commit24x7' | 'available24x7' | 'waitingOnCustomer',
  fallback: boolean,
): boolean {
  const value = input[field];
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'boolean')
    throw new SlaFailure('invalid_field', { field, value: String(value), expected: 'true or false' });
  return value;
}

/** The clock a case runs on, for planning reminders at points of clock time. */
export function scheduleOf(assessment: Assessment, policy: Policy = azurePolicy): Schedule {
  if (assessment.coverage === '24x7') return alwaysOpen;
  const hours = hoursFor(policy, assessment.country);
  const zone = ianaZone(hours.timeZone === 'local' ? assessment.timeZone : hours.timeZone) as IANAZone;
  return businessSchedule(
    policy,
    hours,
    { country: assessment.country, subdivision: assessment.subdivision },
    zone,
  );
}
