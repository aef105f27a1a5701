import { checkId, type Data, Findings, own, type PolicyProblem } from './findings.js';
import { deepFreeze } from './freeze.js';
import { checkClocks, checkLanguages } from './rules/clocks.js';
import { checkHolidays } from './rules/holidays.js';
import { checkHours } from './rules/hours.js';
import { checkPlans, checkSeverities } from './rules/plans.js';
import { checkScope } from './rules/scope.js';
import type { Policy } from './types.js';

export type { PolicyProblem } from './findings.js';

export type PolicyBuild = { ok: true; policy: Policy } | { ok: false; problems: PolicyProblem[] };

const FIELDS = [
  'id',
  'plans',
  'severities',
  'clocks',
  'supportLanguages',
  'fallbackLanguage',
  'businessHours',
  'holidayTypes',
  'holidayAdjustments',
  'issueTypes',
  'products',
  'defaultIssueType',
  'defaultProduct',
] as const;

/**
 * A policy from plain data (the built-in one, or an operator's file), checked by named rules and
 * frozen. Every consumer gets a policy only through here. All problems are reported, not the first.
 */
export function buildPolicy(data: unknown): PolicyBuild {
  const findings = new Findings();
  const policy = findings.record(data, 'policy');
  if (policy) checkPolicy(findings, policy);
  if (!passes(data, findings)) return { ok: false, problems: findings.problems };
  return { ok: true, policy: deepFreeze(data) };
}

function checkPolicy(findings: Findings, policy: Data): void {
  findings.knownFields(policy, '', FIELDS);
  checkId(findings, own(policy, 'id'), 'id');
  checkSeverities(findings, policy);
  const planIds = checkPlans(findings, policy);
  const languages = checkLanguages(findings, policy);
  checkClocks(findings, policy, languages);
  checkHours(findings, policy);
  checkHolidays(findings, policy);
  checkScope(findings, policy, planIds);
}

/** The data is a policy exactly when every rule held: the rules check each field the type declares. */
function passes(_data: unknown, findings: Findings): _data is Policy {
  return findings.problems.length === 0;
}
