// BCP 47 (RFC 5646) well-formedness, checked subtag by subtag: no regex over unbounded input.

// Grandfathered tags that do not follow the ordinary syntax (RFC 5646 §2.1, "irregular").
const IRREGULAR = new Set([
  'en-gb-oed',
  'i-ami',
  'i-bnn',
  'i-default',
  'i-enochian',
  'i-hak',
  'i-klingon',
  'i-lux',
  'i-mingo',
  'i-navajo',
  'i-pwn',
  'i-tao',
  'i-tay',
  'i-tsu',
  'sgn-be-fr',
  'sgn-be-nl',
  'sgn-ch-de',
]);

const ALPHA = /^[a-z]+$/;
const DIGITS = /^\d+$/;
const ALPHANUMERIC = /^[a-z0-9]+$/;

/** Whether a lower-case tag is well-formed: a language tag, a private-use tag or a grandfathered one. */
export function isWellFormed(tag: string): boolean {
  if (IRREGULAR.has(tag)) return true;
  const parts = tag.split('-');
  if (parts[0] === 'x') return privateUse(parts, 0);
  let i = languagePart(parts);
  if (i < 0) return false;
  if (is(parts[i], 4, 4, ALPHA)) i += 1; // script
  if (is(parts[i], 2, 2, ALPHA) || is(parts[i], 3, 3, DIGITS)) i += 1; // region
  while (isVariant(parts[i])) i += 1;
  const singletons = new Set<string>();
  while (i < parts.length && parts[i] !== 'x') {
    const singleton = parts[i] as string;
    if (!is(singleton, 1, 1, ALPHANUMERIC) || singletons.has(singleton)) return false;
    singletons.add(singleton);
    i += 1;
    const start = i;
    while (is(parts[i], 2, 8, ALPHANUMERIC)) i += 1;
    if (i === start) return false;
  }
  return i === parts.length || privateUse(parts, i);
}

/**
 * Language: 2–3 letters with up to three extended subtags; the index after it, or -1. The grammar also
 * allows 4–8 letters, but no such subtag is registered: "german" or "english" is refused, not read as
 * an unknown language and quietly served in English.
 */
function languagePart(parts: readonly string[]): number {
  if (!is(parts[0], 2, 3, ALPHA)) return -1;
  let i = 1;
  while (i <= 3 && is(parts[i], 3, 3, ALPHA)) i += 1;
  return i;
}

function isVariant(part: string | undefined): boolean {
  if (part === undefined || !ALPHANUMERIC.test(part)) return false;
  return (part.length >= 5 && part.length <= 8) || (part.length === 4 && /^\d/.test(part));
}

/** `x` followed by one or more subtags of 1–8 letters or digits, to the end. */
function privateUse(parts: readonly string[], at: number): boolean {
  if (parts[at] !== 'x' || at + 1 >= parts.length) return false;
  return parts.slice(at + 1).every((part) => is(part, 1, 8, ALPHANUMERIC));
}

function is(part: string | undefined, min: number, max: number, shape: RegExp): boolean {
  return part !== undefined && part.length >= min && part.length <= max && shape.test(part);
}
