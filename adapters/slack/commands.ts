// `/sla …` as typed, into what the person asked for. Pure: no Slack, no clock, no SLA rule.
import type { Policy } from '../../src/sla/index.js';
import { type AzureCommand, parseAzureCommand } from './azure-commands.js';

/** The fields of `/sla check`; anything not given is left for the SLA core to ask about. */
export interface CheckArguments {
  plan?: string;
  severity?: string;
  language?: string;
  country?: string;
  subdivision?: string;
  timeZone?: string;
  commit24x7?: boolean;
}

export type SlaCommand =
  | { readonly kind: 'modal' }
  | { readonly kind: 'check'; readonly args: CheckArguments; readonly unknown: readonly string[] }
  | { readonly kind: 'list' }
  | { readonly kind: 'help' }
  | AzureCommand
  | { readonly kind: 'unknown'; readonly text: string };

const SEVERITY = /^(?:sev(?:erity)?[-:]?)?([abc])$/i;
const ZONE = /^(?:[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)+|UTC|GMT|Etc\/[A-Za-z0-9+-]+)$/;
const CODE = /^[A-Za-z]{2,3}$/;
const COUNTRY_WITH_SUBDIVISION = /^([A-Z]{2,3})-([A-Z0-9]{1,3})$/;
const LANGUAGE_WITH_REGION = /^([a-z]{2,3})[-_]([A-Za-z]{2,4}|\d{3})$/;
const KEYED = /^(plan|sev|severity|lang|language|country|sub|subdivision|tz|zone)[=:](.+)$/i;
const ON_24X7 = new Set(['24x7', '24/7', '24*7', '24-7']);
const OFF_24X7 = new Set(['no-24x7', 'no24x7', '!24x7', 'business-hours']);

/** The words that name a plan of the policy: its ids and aliases. */
export function planNames(policy: Pick<Policy, 'plans'>): ReadonlySet<string> {
  return new Set(policy.plans.flatMap((plan) => [plan.id, ...plan.aliases]));
}

export function parseSlaCommand(text: string, plans: ReadonlySet<string>): SlaCommand {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const [first = '', ...rest] = words;
  switch (first.toLowerCase()) {
    case '':
    case 'new':
    case 'open':
      return rest.length ? { kind: 'unknown', text: text.trim() } : { kind: 'modal' };
    case 'check':
      return { kind: 'check', ...parseCheck(rest, plans) };
    case 'list':
      return rest.length ? { kind: 'unknown', text: text.trim() } : { kind: 'list' };
    case 'help':
    case '?':
      return { kind: 'help' };
    default:
      return parseAzureCommand(first, rest) ?? { kind: 'unknown', text: text.trim() };
  }
}

/** Plan, severity, language, country (optionally `DE-BY`), zone and 24x7 in any order; `key=value` also works. */
export function parseCheck(
  words: readonly string[],
  plans: ReadonlySet<string>,
): { args: CheckArguments; unknown: string[] } {
  const args: CheckArguments = {};
  const unknown: string[] = [];
  const codes: string[] = [];
  for (const word of words) {
    if (!readKeyed(word, args) && !readPlain(word, args, codes, plans)) unknown.push(word);
  }
  assignCodes(codes, args, unknown);
  return { args, unknown };
}

function readKeyed(word: string, args: CheckArguments): boolean {
  const match = KEYED.exec(word);
  if (!match) return false;
  const key = (match[1] ?? '').toLowerCase();
  const value = match[2] ?? '';
  if (key === 'plan') args.plan = value;
  else if (key === 'sev' || key === 'severity') args.severity = value;
  else if (key === 'lang' || key === 'language') args.language = value;
  else if (key === 'country') readCountry(value, args);
  else if (key === 'sub' || key === 'subdivision') args.subdivision = value;
  else args.timeZone = value;
  return true;
}

function readPlain(word: string, args: CheckArguments, codes: string[], plans: ReadonlySet<string>): boolean {
  const lower = word.toLowerCase();
  const planName = lower.replace(/[\s_]+/g, '-');
  if (ON_24X7.has(lower)) args.commit24x7 = true;
  else if (OFF_24X7.has(lower)) args.commit24x7 = false;
  else if (plans.has(planName) && args.plan === undefined) args.plan = planName;
  else if (SEVERITY.test(word) && args.severity === undefined)
    args.severity = (SEVERITY.exec(word)?.[1] ?? '').toUpperCase();
  else if (ZONE.test(word) && args.timeZone === undefined) args.timeZone = word;
  else if (COUNTRY_WITH_SUBDIVISION.test(word) && args.country === undefined) readCountry(word, args);
  else if (LANGUAGE_WITH_REGION.test(word) && args.language === undefined) args.language = word;
  else if (CODE.test(word)) codes.push(word);
  else return false;
  return true;
}

function readCountry(value: string, args: CheckArguments): void {
  const match = COUNTRY_WITH_SUBDIVISION.exec(value.toUpperCase());
  if (match) {
    args.country = match[1];
    args.subdivision = match[2];
  } else {
    args.country = value;
  }
}

/**
 * Bare two- and three-letter codes: people write countries in capitals (`DE`) and languages in
 * small letters (`de`). One code alone is the country (it is required); two of the same case are
 * read as language then country, the order of the help text.
 */
function assignCodes(codes: string[], args: CheckArguments, unknown: string[]): void {
  const pending = [...codes];
  const take = (predicate: (code: string) => boolean) => {
    const index = pending.findIndex(predicate);
    return index < 0 ? undefined : pending.splice(index, 1)[0];
  };
  const isUpper = (code: string) => code === code.toUpperCase();
  if (args.country === undefined) {
    const upper = pending.filter(isUpper);
    const lower = pending.filter((code) => !isUpper(code));
    const country =
      upper.length && lower.length ? take(isUpper) : pending.length > 1 ? pending.pop() : take(() => true);
    if (country !== undefined) args.country = country.toUpperCase();
  }
  if (args.language === undefined) {
    const language = take(() => true);
    if (language !== undefined) args.language = language.toLowerCase();
  }
  unknown.push(...pending);
}
