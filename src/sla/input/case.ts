import type { CaseFacts } from '../facts.js';
import type { Policy } from '../policy/types.js';
import { field, flagField, inputObject, isAbsent } from './fields.js';
import { readInstant } from './instant.js';
import { readLanguage } from './language.js';
import { readGivenTarget, readPlan, readSeverity, targetMinutes } from './plan.js';
import { readRegion } from './region.js';
import { readIssueType, readProduct } from './scope.js';
import { readTimeZone } from './time-zone.js';

/**
 * Reads a case as it arrives (any JSON value) into checked facts, field by field: the first field
 * that is wrong is the error. Nothing is calculated here.
 */
export function readCase(value: unknown, policy: Policy): CaseFacts {
  const input = inputObject(value);
  const givenTarget = readGivenTarget(field(input, 'targetMinutes'));
  const plan = readPlan(policy, field(input, 'plan'), givenTarget);
  const severity = readSeverity(policy, field(input, 'severity'));
  const target = targetMinutes(policy, plan, severity);
  const requestedLanguage = readLanguage(policy, field(input, 'language'));
  const region = readRegion(field(input, 'country'), field(input, 'subdivision'));
  const openedAt = readInstant(field(input, 'openedAt'), 'invalid_opened_at');
  const clockStartsAt = readClockStart(field(input, 'clockStartsAt'), openedAt);
  const issueType = readIssueType(policy, plan, field(input, 'issueType'));
  const product = readProduct(policy, field(input, 'product'));
  const commit24x7 = flagField(
    field(input, 'commit24x7'),
    'commit24x7',
    policy.clocks[severity].committedByDefault,
  );
  const available24x7 = flagField(field(input, 'available24x7'), 'available24x7', commit24x7);
  const waitingOnCustomer = flagField(field(input, 'waitingOnCustomer'), 'waitingOnCustomer', false);
  return {
    plan,
    severity,
    targetMinutes: target,
    targetSource: policy.plans.includes(plan) ? 'policy' : 'input',
    requestedLanguage,
    region,
    timeZone: readTimeZone(field(input, 'timeZone')),
    commit24x7,
    available24x7,
    waitingOnCustomer,
    openedAt,
    clockStartsAt,
    issueType,
    product,
  };
}

/** A restart of the clock counts only when it is later than the opening; an earlier one is ignored. */
function readClockStart(value: unknown, openedAt: number): number {
  if (isAbsent(value)) return openedAt;
  return Math.max(openedAt, readInstant(value, 'invalid_field', 'clockStartsAt'));
}
