import { MOST_MINUTES, spelling } from '../../input/plan.js';
import { checkId, type Data, type Findings, join, own } from '../findings.js';

export const SEVERITIES = ['A', 'B', 'C'] as const;
const ALIAS_LIMIT = 100;

/** `severities` lists A, B and C, each once. */
export function checkSeverities(findings: Findings, policy: Data): void {
  const severities = findings.list(own(policy, 'severities'), 'severities');
  if (!severities) return;
  const all = severities.length === SEVERITIES.length && SEVERITIES.every((s) => severities.includes(s));
  if (!all) findings.add('severities_all', 'severities', severities);
}

/** Every plan: an id of its own, aliases no other plan spells the same, a target or null per severity. */
export function checkPlans(findings: Findings, policy: Data): string[] {
  const plans = findings.list(own(policy, 'plans'), 'plans');
  if (!plans) return [];
  if (plans.length === 0) findings.add('field_missing', 'plans', plans);
  const ids: string[] = [];
  const spellings = new Set<string>();
  plans.forEach((value, index) => {
    const path = join('plans', index);
    const plan = findings.record(value, path);
    if (!plan) return;
    findings.knownFields(plan, path, ['id', 'aliases', 'targets']);
    const id = checkId(findings, own(plan, 'id'), join(path, 'id'));
    if (id !== undefined) {
      if (ids.includes(id)) findings.add('id_once', join(path, 'id'), id);
      ids.push(id);
      remember(findings, spellings, id, join(path, 'id'));
    }
    checkAliases(findings, own(plan, 'aliases'), join(path, 'aliases'), spellings);
    checkTargets(findings, own(plan, 'targets'), join(path, 'targets'));
  });
  return ids;
}

function checkAliases(findings: Findings, value: unknown, path: string, spellings: Set<string>): void {
  const aliases = findings.list(value, path);
  aliases?.forEach((alias, index) => {
    const name = findings.text(alias, join(path, index));
    if (name === undefined) return;
    if (name.length > ALIAS_LIMIT) findings.add('field_type', join(path, index), name);
    else remember(findings, spellings, name, join(path, index));
  });
}

/** A spelling may name one plan once: "Pro Direct" and "pro-direct" are the same spelling. */
function remember(findings: Findings, spellings: Set<string>, name: string, path: string): void {
  const key = spelling(name);
  if (spellings.has(key)) findings.add('alias_once', path, name);
  spellings.add(key);
}

function checkTargets(findings: Findings, value: unknown, path: string): void {
  const targets = findings.record(value, path);
  if (!targets) return;
  findings.knownFields(targets, path, SEVERITIES);
  let offered = 0;
  for (const severity of SEVERITIES) {
    const target = own(targets, severity);
    if (target === undefined) findings.add('plan_every_severity', join(path, severity), target);
    else if (target !== null && !isMinutes(target))
      findings.add('target_minutes', join(path, severity), target);
    else if (target !== null) offered += 1;
  }
  if (offered === 0) findings.add('plan_offers_severity', path, targets);
}

function isMinutes(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MOST_MINUTES;
}
