import { SlaFailure } from '../errors.js';
import type { PlanRule, Policy } from '../policy/types.js';
import type { Severity } from '../types.js';
import { textField } from './fields.js';
import { jsonType, shown } from './limits.js';

/** A target beyond a week of minutes is a typo, and the longest any calendar search needs to cover. */
export const MOST_MINUTES = 10_080;

/** "Professional Direct", "pro_direct" and "PRO-DIRECT" are one spelling: lower case, hyphens. */
export function spelling(value: string): string {
  return value
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '-');
}

const byPolicy = new WeakMap<Policy, Map<string, PlanRule>>();
/** Exact spellings remembered beyond the policy's own (only spellings that name a plan are kept). */
const SPELLINGS_KEPT = 1_000;

function spellings(policy: Policy): Map<string, PlanRule> {
  let map = byPolicy.get(policy);
  if (!map) {
    map = new Map();
    for (const plan of policy.plans) {
      for (const name of [plan.id, ...plan.aliases]) map.set(spelling(name), plan);
    }
    byPolicy.set(policy, map);
  }
  return map;
}

/** The policy's plan a spelling names, or undefined. */
export function findPlan(policy: Policy, name: string): PlanRule | undefined {
  const known = spellings(policy);
  let plan = known.get(name);
  if (!plan) {
    plan = known.get(spelling(name));
    if (plan && known.size < SPELLINGS_KEPT) known.set(name, plan);
  }
  return plan;
}

/**
 * The policy's plan a spelling names. A plan it does not know is an error, unless the input gives its
 * own target: that plan then offers every severity with that target (`basic`, `azure-internal`).
 */
export function readPlan(policy: Policy, value: unknown, givenTarget?: number): PlanRule {
  const name = textField(value, 'plan', 'unknown_plan');
  const plan = name === undefined ? undefined : findPlan(policy, name);
  if (plan) return plan;
  if (name !== undefined && givenTarget !== undefined) {
    const targets = { A: givenTarget, B: givenTarget, C: givenTarget };
    return { id: spelling(name), aliases: [], targets };
  }
  throw new SlaFailure('unknown_plan', { value: shown(value), accepted: acceptedPlans(policy) });
}

/** Whole minutes from 1 to a week: a target for a plan the policy does not know. */
export function readGivenTarget(value: unknown): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number') {
    throw new SlaFailure('invalid_field', {
      field: 'targetMinutes',
      expected: 'minutes',
      got: jsonType(value),
    });
  }
  if (!Number.isInteger(value) || value < 1 || value > MOST_MINUTES) {
    throw new SlaFailure('invalid_field', {
      field: 'targetMinutes',
      expected: 'minutes',
      value: shown(value),
    });
  }
  return value;
}

export function acceptedPlans(policy: Policy): string[] {
  return policy.plans.map((p) => [p.id, ...p.aliases].join(' / '));
}

// Spellings already read as a severity, per policy ("A", "a", " b "); only those that name one are kept.
const severitiesByPolicy = new WeakMap<Policy, Map<string, Severity>>();

export function readSeverity(policy: Policy, value: unknown): Severity {
  let known = severitiesByPolicy.get(policy);
  if (!known) {
    known = new Map();
    severitiesByPolicy.set(policy, known);
  }
  const cached = typeof value === 'string' ? known.get(value) : undefined;
  if (cached) return cached;
  const upper = textField(value, 'severity', 'unknown_severity')?.toUpperCase();
  const severity = policy.severities.find((s) => s === upper);
  if (!severity) {
    throw new SlaFailure('unknown_severity', { value: shown(value), accepted: policy.severities });
  }
  if (typeof value === 'string' && known.size < SPELLINGS_KEPT) known.set(value, severity);
  return severity;
}

/** The plan's target for the severity, or `severity_not_available` naming the highest it offers. */
export function targetMinutes(policy: Policy, plan: PlanRule, severity: Severity): number {
  const target = plan.targets[severity];
  if (target === null) {
    const offered = policy.severities.filter((s) => plan.targets[s] !== null);
    throw new SlaFailure('severity_not_available', {
      plan: plan.id,
      severity,
      highest: offered[0] ?? '',
      offered,
    });
  }
  return target;
}
