// Everything the server is configured with, read once: its own variables, each platform's, the policy.
import { type Config, type ConfigProblem, loadConfig } from './config.js';
import type { PlatformModule, PlatformNote, PlatformSetup } from './platform.js';
import { policyFromEnvironment } from './policy-file.js';
import type { Policy } from './sla/index.js';

export interface Settings {
  readonly config: Config;
  readonly policy: Policy;
  readonly policySource: string;
  /** Every platform the build lists, with what it made of the environment (none invalid here). */
  readonly platforms: ReadonlyArray<{ readonly module: PlatformModule; readonly setup: PlatformSetup }>;
}

export type SettingsResult = { ok: true; settings: Settings } | { ok: false; problems: ConfigProblem[] };

/** Reads every setting and reports every problem at once (server, platforms and policy together). */
export function readSettings(env: NodeJS.ProcessEnv, modules: readonly PlatformModule[]): SettingsResult {
  const problems: ConfigProblem[] = [];
  const loaded = loadConfig(env);
  if (!loaded.ok) problems.push(...loaded.problems);
  const platforms = modules.map((module) => ({ module, setup: module.configure(env) }));
  for (const { setup } of platforms) if (setup.state === 'invalid') problems.push(...setup.problems);
  const policy = policyFromEnvironment(env);
  if (!policy.ok) {
    for (const broken of policy.problems) {
      const unreadable = broken.rule === 'policy_json' || broken.rule === 'policy_unreadable';
      problems.push({
        key: unreadable ? 'server:config.problem.policyUnreadable' : 'server:config.problem.policyRule',
        params: { source: policy.source, rule: broken.rule, path: broken.path, value: broken.value },
      });
    }
  }
  if (!loaded.ok || !policy.ok || problems.length) return { ok: false, problems };
  return {
    ok: true,
    settings: { config: loaded.config, policy: policy.policy, policySource: policy.source, platforms },
  };
}

/** What each platform says about itself at start: off and what turns it on, or how it runs. */
export function platformNotes(settings: Settings): Array<{ platform: string; note: PlatformNote }> {
  const notes: Array<{ platform: string; note: PlatformNote }> = [];
  for (const { module, setup } of settings.platforms) {
    if (setup.state !== 'invalid' && setup.note) notes.push({ platform: module.name, note: setup.note });
  }
  return notes;
}
