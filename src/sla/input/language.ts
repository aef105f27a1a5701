import { SlaFailure } from '../errors.js';
import type { Policy } from '../policy/types.js';
import type { SupportLanguage } from '../types.js';
import { textField } from './fields.js';
import { isWellFormed } from './language-tag.js';
import { shown } from './limits.js';

const TRADITIONAL_REGIONS = new Set(['tw', 'hk', 'mo']);
/** Tags already mapped, per policy (its languages decide the answer); bounded. */
const mappedByPolicy = new WeakMap<Policy, Map<string, SupportLanguage>>();
const MAPPED_KEPT = 1_000;

/** Maps a requested BCP 47 tag onto a support language; anything Microsoft does not offer is English. */
export function readLanguage(policy: Policy, value: unknown): SupportLanguage {
  const text = textField(value, 'language', 'invalid_language');
  if (text === undefined) return policy.fallbackLanguage;
  let mapped = mappedByPolicy.get(policy);
  if (!mapped) {
    mapped = new Map();
    mappedByPolicy.set(policy, mapped);
  }
  const cached = mapped.get(text);
  if (cached) return cached;
  const tag = text.replace(/_/g, '-').toLowerCase();
  if (!isWellFormed(tag)) throw new SlaFailure('invalid_language', { value: shown(value) });
  const language = supportLanguage(policy, tag.split('-'));
  if (mapped.size >= MAPPED_KEPT) mapped.clear();
  mapped.set(text, language);
  return language;
}

function supportLanguage(policy: Policy, [primary = '', ...rest]: string[]): SupportLanguage {
  // Private use and grandfathered `i-…` tags name no support language.
  if (primary === 'x' || primary === 'i') return policy.fallbackLanguage;
  const subtags = rest.slice(0, rest.includes('x') ? rest.indexOf('x') : rest.length);
  if (primary === 'zh') {
    // An explicit script decides; otherwise the region does (zh-TW, zh-HK, zh-MO write Traditional).
    const script = subtags.find((part) => part === 'hant' || part === 'hans');
    const traditional = script ? script === 'hant' : subtags.some((part) => TRADITIONAL_REGIONS.has(part));
    return traditional && policy.supportLanguages.includes('zh-Hant') ? 'zh-Hant' : policy.fallbackLanguage;
  }
  const match = policy.supportLanguages.find((language) => language === primary);
  return match ?? policy.fallbackLanguage;
}
