import { SlaFailure } from '../errors.js';
import type { PlanRule, Policy } from '../policy/types.js';
import type { Severity } from '../types.js';

/** "Professional Direct", "pro_direct" and "PRO-DIRECT" are one spelling: lower case, hyphens. */
export function spelling(value: string): string {
  return value
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '-');
}

const byPolicy = new WeakMap<Policy, Map<string, PlanRule>>();

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

export function readPlan(policy: Policy, value: unknown): PlanRule {
  const known = spellings(policy);
  let plan = typeof value === 'string' ? known.get(value) : undefined;
  if (!plan && typeof value === 'string') {
    plan = known.get(spelling(value));
    // Remember this exact spelling too (bounded: only spellings that name a plan are kept).
    if (plan && known.size < 1_000) known.set(value, plan);
  }
  if (!plan) {
    throw new SlaFailure('unknown_plan', {
      value: String(value ?? ''),
      accepted: policy.plans.map((p) => [p.id, ...p.aliases].join(' / ')),
    });
  }
  return plan;
}

export function readSeverity(policy: Policy, value: unknown): Severity {
  const severity = typeof value === 'string' ? value.trim().toUpperCase() : '';
  if (!(policy.severities as readonly string[]).includes(severity)) {
    throw new SlaFailure('unknown_severity', { value: String(value ?? ''), accepted: policy.severities });
  }
  return severity as Severity;
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
