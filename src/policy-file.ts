// Which policy this process runs: the built-in `azure` one, or an operator's file named by SLA_POLICY.
import { readFileSync } from 'node:fs';
import { hasOwnText, INTERFACE_LANGUAGES } from './i18n/index.js';
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
  if (!built.ok) return { ok: false, source: path, problems: built.problems };
  const unlabelled = missingLabels(built.policy);
  return unlabelled.length
    ? { ok: false, source: path, problems: unlabelled }
    : { ok: true, policy: built.policy, source: path };
}

/**
 * Rule `label_every_locale`: every plan, severity, issue type, product and support language the
 * policy names has its label in `locales/<language>/common.json` for every interface language, so no
 * reader ever sees a raw id. (It reads the locale files, so it lives here and not in the pure core.)
 */
export function missingLabels(policy: Policy): PolicyProblem[] {
  const labelled: Array<[string, string, string]> = [
    ...policy.plans.map((plan, i): [string, string, string] => [`plans[${i}].id`, 'plan', plan.id]),
    ...policy.severities.map((s, i): [string, string, string] => [`severities[${i}]`, 'severity', s]),
    ...Object.keys(policy.issueTypes).map((id): [string, string, string] => [
      `issueTypes.${id}`,
      'issueType',
      id,
    ]),
    ...Object.keys(policy.products).map((id): [string, string, string] => [`products.${id}`, 'product', id]),
    ...policy.supportLanguages.map((id, i): [string, string, string] => [
      `supportLanguages[${i}]`,
      'language',
      id,
    ]),
  ];
  const problems: PolicyProblem[] = [];
  for (const [path, group, id] of labelled) {
    const missing = INTERFACE_LANGUAGES.filter(
      (language) => !hasOwnText(language, 'common', `${group}.${id}`),
    );
    if (missing.length) {
      problems.push({
        rule: 'label_every_locale',
        path,
        value: `"${id}" (no label in ${missing.join(', ')})`,
      });
    }
  }
  return problems;
}
