import { deepFreeze } from './freeze.js';
import type { Policy } from './types.js';

/** One broken rule of a policy: which rule, where in the data, and the value found there. */
export interface PolicyProblem {
  /** The named rule, e.g. `zone_valid`, `hours_order`, `country_once`. */
  readonly rule: string;
  /** Where in the policy data, e.g. `businessHours[1].timeZone`. */
  readonly path: string;
  readonly value: string;
}

export type PolicyBuild = { ok: true; policy: Policy } | { ok: false; problems: PolicyProblem[] };

/**
 * A policy from plain data (the built-in one, or an operator's file), checked by named rules and
 * frozen. Every consumer gets a policy only through here.
 */
export function buildPolicy(data: unknown): PolicyBuild {
  // The rules are written in the core issue's work; until then the data is trusted as typed.
  return { ok: true, policy: deepFreeze(data as Policy) };
}
