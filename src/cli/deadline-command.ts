import type { TFunction } from 'i18next';
import {
  environmentLocale,
  INTERFACE_LANGUAGES,
  interfaceLanguage,
  isInterfaceLocale,
  translator,
} from '../i18n/index.js';
import { errorText } from '../messages/errors.js';
import { CHECK_FACTS, factsOf, headingText } from '../messages/facts.js';
import { instantText } from '../messages/format.js';
import { warningText } from '../messages/warnings.js';
import { type Assessment, evaluate, type Policy, SlaFailure, type SlaInput } from '../sla/index.js';
import { instantFlag, readFlags } from './flags.js';
import { type CliIo, EXIT_OK, UsageError } from './io.js';
import { localeFlag } from './locale-flag.js';
import { displayWidth, padToWidth } from './text-width.js';

const OPTIONS = {
  plan: { type: 'string' },
  severity: { type: 'string' },
  country: { type: 'string' },
  language: { type: 'string' },
  subdivision: { type: 'string' },
  tz: { type: 'string' },
  '24x7': { type: 'boolean' },
  'no-24x7': { type: 'boolean' },
  opened: { type: 'string' },
  at: { type: 'string' },
  'issue-type': { type: 'string' },
  product: { type: 'string' },
  locale: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** `sla-bot deadline`: the same answer as `evaluate`, written for a person. */
export function deadlineCommand(args: string[], io: CliIo, policy: Policy): number {
  // The reader's language is needed before the flags are known to be right: look for --locale first.
  const locale = interfaceLanguage(localeFlag(args) ?? environmentLocale(io.env));
  const t = translator(locale);
  const hint = t('cli:usage.seeHelp', { command: 'deadline' });
  const flags = readFlags(args, OPTIONS, t, hint);
  if (flags.locale !== undefined && !isInterfaceLocale(flags.locale)) {
    throw new UsageError(
      t('cli:usage.unknownLocale', { value: flags.locale, accepted: INTERFACE_LANGUAGES.join(', ') }),
      hint,
    );
  }
  if (flags.help) {
    io.stdout.write(`${t('cli:help.deadline')}\n`);
    return EXIT_OK;
  }
  const missing = (['plan', 'severity', 'country'] as const)
    .filter((name) => !flags[name])
    .map((name) => `--${name}`);
  if (missing.length) throw new UsageError(t('cli:usage.missingFlag', { flags: missing.join(', ') }), hint);
  if (flags['24x7'] && flags['no-24x7']) throw new UsageError(t('cli:usage.conflictingFlags'), hint);

  const now = io.now();
  try {
    const input: SlaInput = {
      plan: flags.plan as string,
      severity: flags.severity as string,
      country: flags.country as string,
      language: flags.language,
      subdivision: flags.subdivision,
      timeZone: flags.tz,
      commit24x7: flags['24x7'] ? true : flags['no-24x7'] ? false : undefined,
      openedAt: instantFlag(flags.opened, 'invalid_opened_at') ?? now,
      issueType: flags['issue-type'],
      product: flags.product,
    };
    const evaluation = evaluate(input, instantFlag(flags.at, 'invalid_at') ?? now, policy);
    if (!evaluation.ok) throw new UsageError(errorText(t, locale, evaluation.error), hint);
    io.stdout.write(render(t, locale, evaluation.assessment));
    return EXIT_OK;
  } catch (error) {
    if (error instanceof SlaFailure) throw new UsageError(errorText(t, locale, error.toInfo()), hint);
    throw error;
  }
}

function render(t: TFunction, locale: string, assessment: Assessment): string {
  const when = (instant: number) => instantText(instant, assessment.timeZone, locale);
  const rows = factsOf({ t, assessment, when }, CHECK_FACTS).map(
    ({ label, value }) => [label, value] as const,
  );
  const width = Math.max(...rows.map(([label]) => displayWidth(label))) + 2;
  const lines = [
    headingText(t, assessment),
    ...rows.map(([label, value]) => `${padToWidth(label, width)}${value}`),
  ];
  if (assessment.warnings.length)
    lines.push(
      t('cli:deadline.warnings'),
      ...assessment.warnings.map((warning) => `  • ${warningText(t, warning)}`),
    );
  return `${lines.join('\n')}\n`;
}
