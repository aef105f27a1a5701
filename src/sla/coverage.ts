import type { Policy } from './policy/types.js';
import type { Coverage, Severity, SupportLanguage } from './types.js';

export interface ClockOption {
  readonly responseLanguage: SupportLanguage;
  readonly coverage: Coverage;
}

/** Whether the severity is answered around the clock in a language (B only when 24x7 was chosen). */
function offers24x7(
  policy: Policy,
  severity: Severity,
  language: SupportLanguage,
  chose24x7: boolean,
): boolean {
  const clock = policy.clocks[severity];
  return clock.languages24x7.includes(language) && (!clock.needs24x7Choice || chose24x7);
}

/**
 * The clocks that may answer a case, requested language first (SLA-RULES §4): its own clock, and English
 * 24x7 as a second candidate when the first runs on business hours and the severity offers it.
 */
export function clockOptions(
  policy: Policy,
  severity: Severity,
  requested: SupportLanguage,
  chose24x7: boolean,
): readonly ClockOption[] {
  let known = optionsByPolicy.get(policy);
  if (!known) {
    known = new Map();
    optionsByPolicy.set(policy, known);
  }
  // Keyed without building a text: this runs for every answer.
  let byLanguage = known.get(severity);
  if (!byLanguage) {
    byLanguage = new Map();
    known.set(severity, byLanguage);
  }
  let byChoice = byLanguage.get(requested);
  if (!byChoice) {
    byChoice = [
      Object.freeze(optionsFor(policy, severity, requested, false)),
      Object.freeze(optionsFor(policy, severity, requested, true)),
    ];
    byLanguage.set(requested, byChoice);
  }
  return byChoice[chose24x7 ? 1 : 0];
}

// Few combinations exist (3 severities x 9 languages x 2 choices): each is worked out once.
const optionsByPolicy = new WeakMap<
  Policy,
  Map<Severity, Map<SupportLanguage, readonly [readonly ClockOption[], readonly ClockOption[]]>>
>();

function optionsFor(
  policy: Policy,
  severity: Severity,
  requested: SupportLanguage,
  chose24x7: boolean,
): ClockOption[] {
  if (offers24x7(policy, severity, requested, chose24x7))
    return [{ responseLanguage: requested, coverage: '24x7' }];
  const own: ClockOption = { responseLanguage: requested, coverage: 'business-hours' };
  const fallback = policy.fallbackLanguage;
  if (fallback !== requested && offers24x7(policy, severity, fallback, chose24x7)) {
    return [own, { responseLanguage: fallback, coverage: '24x7' }];
  }
  return [own];
}
