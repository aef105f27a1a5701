import type { SupportLanguage } from '../../types.js';
import { type Data, type Findings, join, own } from '../findings.js';
import { SEVERITIES } from './plans.js';

/** The languages Microsoft answers in (SLA-RULES §4): a policy chooses among them. */
export const SUPPORT_LANGUAGES: readonly SupportLanguage[] = [
  'en',
  'es',
  'fr',
  'de',
  'it',
  'pt',
  'zh-Hant',
  'ko',
  'ja',
];

/** Support languages are known, each listed once; the fallback is one of them. */
export function checkLanguages(findings: Findings, policy: Data): readonly string[] {
  const languages = findings.list(own(policy, 'supportLanguages'), 'supportLanguages') ?? [];
  const seen: string[] = [];
  languages.forEach((value, index) => {
    const path = join('supportLanguages', index);
    if (!isLanguage(value)) findings.add('language_known', path, value);
    else if (seen.includes(value)) findings.add('language_once', path, value);
    else seen.push(value);
  });
  if (languages.length === 0) findings.add('field_missing', 'supportLanguages', languages);
  const fallback = own(policy, 'fallbackLanguage');
  if (typeof fallback !== 'string' || !seen.includes(fallback)) {
    findings.add('fallback_language', 'fallbackLanguage', fallback);
  }
  return seen;
}

const CLOCK_FIELDS = [
  'languages24x7',
  'needs24x7Choice',
  'committedByDefault',
  'downgradeTo',
  'contactDetailsNote',
] as const;

/** A clock per severity; its 24x7 languages are support languages; a downgrade names a severity. */
export function checkClocks(findings: Findings, policy: Data, languages: readonly string[]): void {
  const clocks = findings.record(own(policy, 'clocks'), 'clocks');
  if (!clocks) return;
  findings.knownFields(clocks, 'clocks', SEVERITIES);
  for (const severity of SEVERITIES) {
    const path = join('clocks', severity);
    const value = own(clocks, severity);
    if (value === undefined) {
      findings.add('clock_every_severity', path, value);
      continue;
    }
    const clock = findings.record(value, path);
    if (!clock) continue;
    findings.knownFields(clock, path, CLOCK_FIELDS);
    findings.list(own(clock, 'languages24x7'), join(path, 'languages24x7'))?.forEach((language, index) => {
      if (typeof language !== 'string' || !languages.includes(language)) {
        findings.add('language_supported', join(join(path, 'languages24x7'), index), language);
      }
    });
    findings.flag(own(clock, 'needs24x7Choice'), join(path, 'needs24x7Choice'));
    findings.flag(own(clock, 'committedByDefault'), join(path, 'committedByDefault'));
    findings.flag(own(clock, 'contactDetailsNote'), join(path, 'contactDetailsNote'));
    const lower = own(clock, 'downgradeTo');
    if (lower !== null && !SEVERITIES.some((s) => s === lower)) {
      findings.add('severity_known', join(path, 'downgradeTo'), lower);
    }
  }
}

function isLanguage(value: unknown): value is SupportLanguage {
  return SUPPORT_LANGUAGES.some((language) => language === value);
}
