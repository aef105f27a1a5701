import { assess, hoursZone } from './assess.js';
import { businessSchedule, hoursFor } from './calendar/calendars.js';
import { alwaysOpen, type Schedule } from './calendar/schedule.js';
import { SlaFailure } from './errors.js';
import { readCase } from './input/case.js';
import { readInstant } from './input/instant.js';
import type { Policy } from './policy/types.js';
import type { Assessment, Evaluation } from './types.js';
import { knownZone } from './zones.js';

/**
 * When must Microsoft first respond to this case, in which language and on which clock, and where does
 * the clock stand at `at` (epoch ms)? The input is read in full and checked first (any JSON value is
 * answered, wrong ones with a coded error), then calculated. Pure: same input and `at`, same answer.
 */
export function evaluate(input: unknown, at: number, policy: Policy): Evaluation {
  try {
    const facts = readCase(input, policy);
    return { ok: true, assessment: assess(facts, readInstant(at, 'invalid_at'), policy) };
  } catch (error) {
    if (error instanceof SlaFailure) return { ok: false, error: error.toInfo() };
    throw error;
  }
}

/** The clock a case runs on, for planning reminders at points of clock time. */
export function scheduleOf(assessment: Assessment, policy: Policy): Schedule {
  if (assessment.coverage === '24x7') return alwaysOpen;
  const hours = hoursFor(policy, assessment.country);
  const region = { country: assessment.country, subdivision: assessment.subdivision };
  return businessSchedule(policy, hours, region, hoursZone(hours, knownZone(assessment.timeZone)));
}
