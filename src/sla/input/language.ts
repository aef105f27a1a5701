import { SlaFailure } from '../errors.js';
import type { Policy } from '../policy/types.js';
import type { SupportLanguage } from '../types.js';

// Well-formed BCP 47 (language, optional script, region and variants); private-use and grandfathered tags are not supported.
const WELL_FORMED =
  /^[a-z]{2,3}(-[a-z]{4})?(-([a-z]{2}|\d{3}))?(-([a-z0-9]{5,8}|\d[a-z0-9]{3}))*(-[a-wyz0-9](-[a-z0-9]{2,8})+)*$/i;
const TRADITIONAL_REGIONS = new Set(['tw', 'hk', 'mo']);
const mapped = new Map<string, SupportLanguage>();

/** Maps a requested BCP 47 tag onto a support language; anything Microsoft does not offer is English. */
export function readLanguage(policy: Policy, value: unknown): SupportLanguage {
  if (value === undefined || value === null || value === '') return policy.fallbackLanguage;
  if (typeof value !== 'string') throw new SlaFailure('invalid_language', { value: String(value) });
  const cached = mapped.get(value);
  if (cached) return cached;
  const tag = value.trim().replace(/_/g, '-');
  if (!WELL_FORMED.test(tag)) throw new SlaFailure('invalid_language', { value });
  const language = supportLanguage(policy, tag.toLowerCase().split('-'));
  if (mapped.size > 1_000) mapped.clear();
  mapped.set(value, language);
  return language;
}

function supportLanguage(policy: Policy, [primary = '', ...rest]: string[]): SupportLanguage {
  if (primary === 'zh') {
    // An explicit script decides; otherwise the region does (zh-TW, zh-HK, zh-MO write Traditional).
    const script = rest.find((part) => part === 'hant' || part === 'hans');
    const traditional = script ? script === 'hant' : rest.some((part) => TRADITIONAL_REGIONS.has(part));
    return traditional && policy.supportLanguages.includes('zh-Hant') ? 'zh-Hant' : policy.fallbackLanguage;
  }
  const match = policy.supportLanguages.find((language) => language === primary);
  return match ?? policy.fallbackLanguage;
}
