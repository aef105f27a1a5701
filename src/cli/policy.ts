import type { TFunction } from 'i18next';
import { policyFromEnvironment } from '../policy-file.js';
import type { Policy } from '../sla/index.js';
import { UsageError } from './io.js';

/** The policy a command runs on; a broken `SLA_POLICY` file is a usage error naming each broken rule. */
export function commandPolicy(env: NodeJS.ProcessEnv, t: TFunction): Policy {
  const loaded = policyFromEnvironment(env);
  if (loaded.ok) return loaded.policy;
  const problems = loaded.problems.map((problem) =>
    t(problem.path ? 'cli:usage.policyProblem' : 'cli:usage.policyProblemFile', { ...problem }),
  );
  throw new UsageError(
    `${t('cli:usage.badPolicy', { source: loaded.source })}\n${problems.join('\n')}`,
    t('cli:usage.policyHint'),
  );
}
