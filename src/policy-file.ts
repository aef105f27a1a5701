// Which policy this process runs: the built-in `azure` one, or an operator's file named by SLA_POLICY.
import { readFileSync } from 'node:fs';
import { azurePolicy, buildPolicy, type Policy, type PolicyProblem } from './sla/index.js';

export type PolicySource =
  | { ok: true; policy: Policy; source: string }
  | { ok: false; source: string; problems: readonly PolicyProblem[] };

/** SLA_POLICY unset: the built-in policy. Set: that JSON file, validated by the same rules. */
export function policyFromEnvironment(env: NodeJS.ProcessEnv): PolicySource {
  const path = env.SLA_POLICY?.trim();
  if (!path) return { ok: true, policy: azurePolicy, source: 'built-in' };
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    const reason = error instanceof SyntaxError ? 'policy_json' : 'policy_unreadable';
    return { ok: false, source: path, problems: [{ rule: reason, path: '', value: path }] };
  }
  const built = buildPolicy(data);
  return built.ok
    ? { ok: true, policy: built.policy, source: path }
    : { ok: false, source: path, problems: built.problems };
}
