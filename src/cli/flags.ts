// Flags of a command read with Node's own parser, its English and technical complaints said again in
// the reader's words as usage errors; `--at`/`--opened` read as instants ("now" or ISO 8601).
import { type ParseArgsOptionsConfig, parseArgs } from 'node:util';
import type { TFunction } from 'i18next';
import { readInstant } from '../sla/index.js';
import { UsageError } from './io.js';

type Flags<T extends ParseArgsOptionsConfig> = ReturnType<
  typeof parseArgs<{ options: T; strict: true }>
>['values'];

/** The command's flags; no positional arguments. Anything else is a usage error ending in `hint`. */
export function readFlags<T extends ParseArgsOptionsConfig>(
  args: string[],
  options: T,
  t: TFunction,
  hint: string,
): Flags<T> {
  try {
    const { values, positionals } = parseArgs({ args, options, strict: true, allowPositionals: true });
    if (positionals.length) {
      throw new UsageError(t('cli:usage.unexpectedArgument', { value: positionals[0] }), hint);
    }
    return values as Flags<T>;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(flagProblem(t, options, error as Error & { code?: string }), hint);
  }
}

function flagProblem(
  t: TFunction,
  options: ParseArgsOptionsConfig,
  error: Error & { code?: string },
): string {
  // Node names a flag with a short alias as '-h, --help': the long name is the one a reader knows.
  const flag = /'(?:-[^'\s,]+, )?(-{1,2}[^'\s]+)/.exec(error.message)?.[1] ?? '';
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return t('cli:usage.unknownFlag', { flag });
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const name = flag.replace(/^-+/, '').split(/[ =]/)[0] ?? '';
    const standsAlone = Object.hasOwn(options, name) && options[name]?.type === 'boolean';
    return t(standsAlone ? 'cli:usage.flagTakesNoValue' : 'cli:usage.flagValue', { flag: `--${name}` });
  }
  return t('cli:usage.badFlag', { detail: error.message });
}

/** An instant flag: undefined when absent or "now" (the caller's now applies), else ISO 8601. */
export function instantFlag(
  value: string | undefined,
  code: 'invalid_opened_at' | 'invalid_at',
): number | undefined {
  return value === undefined || value.trim().toLowerCase() === 'now' ? undefined : readInstant(value, code);
}
