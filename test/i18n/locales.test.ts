import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

const ROOT = join(import.meta.dirname, '../../locales');
type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

/** Keys without their plural suffix: a language may need other plural forms than English. */
const base = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');
const placeholders = (text: string) =>
  [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]).sort();

function load(language: string): Map<string, string> {
  const all = new Map<string, string>();
  for (const file of readdirSync(join(ROOT, language)).filter((f) => f.endsWith('.json'))) {
    const tree = JSON.parse(readFileSync(join(ROOT, language, file), 'utf8')) as Tree;
    for (const [k, v] of flatten(tree)) all.set(`${file.slice(0, -5)}:${k}`, v);
  }
  return all;
}

const english = load('en');

// Words that stay English in every language: names, products, codes.
const NAMES = new Set([
  'Microsoft',
  'Azure',
  'Slack',
  'Teams',
  'Premier',
  'Professional',
  'Direct',
  'Rapid',
  'Response',
  'Developer',
  'Standard',
  'SLA',
  'IANA',
  'ISO',
  'BCP',
  'JSON',
  'NDJSON',
  'Enterprise',
  'Agreement',
  'App',
  'Home',
  'OAuth',
  'URL',
  'API',
  'Bot',
  'Framework',
  'Emulator',
]);

/** The English words of a text, leaving out placeholders, flags, codes, URLs, examples and names. */
function englishWords(text: string): string[] {
  const prose = text
    .replace(/\{\{[^}]*\}\}/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/(--|\/|@)[\w-]+/g, ' ')
    .replace(/\b[A-Za-z_]+[=:(][^\s]*/g, ' ')
    .replace(/`[^`]*`|"[^"]*"|\{[^}]*\}/g, ' ');
  const words = prose.split(/[\s.,;:!?()[\]•·…'’]+/).filter((token) => !/\d|[a-z][A-Z]|_/.test(token));
  return words.filter((word) => /^[a-z]{3,}$/.test(word) && !NAMES.has(word));
}

// Words a language shares with English: checked by hand, allowed to stay identical.
const SAME_AS_ENGLISH: Record<string, readonly string[]> = {
  nl: ['common:state.open', 'sla:field.product'],
  fr: ['common:duration.minutes_one', 'common:duration.minutes_other'],
};
const languages = readdirSync(ROOT).filter((l) => l !== 'en');

describe.each(languages)('locale %s', (language) => {
  const other = load(language);
  const otherBases = new Set([...other.keys()].map(base));

  test('has every key of English and no key English lacks', () => {
    const missing = [...new Set([...english.keys()].map(base))].filter((k) => !otherBases.has(k));
    const englishBases = new Set([...english.keys()].map(base));
    const extra = [...otherBases].filter((k) => !englishBases.has(k));
    expect(missing).toEqual([]);
    expect(extra).toEqual([]);
  });

  test('translates every text that has English words in it (nothing left in English by mistake)', () => {
    const allowed = new Set(SAME_AS_ENGLISH[language] ?? []);
    const untranslated = [...other].filter(
      ([key, text]) => text === english.get(key) && englishWords(text).length > 0 && !allowed.has(key),
    );
    expect(untranslated.map(([key, text]) => `${key}: ${text}`)).toEqual([]);
  });

  test('keeps the same placeholders and leaves nothing empty', () => {
    const problems: string[] = [];
    for (const [key, text] of other) {
      if (!text.trim()) problems.push(`${key}: empty`);
      const englishText = english.get(key) ?? english.get(`${base(key)}_other`) ?? english.get(base(key));
      if (englishText === undefined) continue;
      const want = [...new Set(placeholders(englishText))];
      const got = [...new Set(placeholders(text))];
      // `count` may be left out of a plural form that names the number in words ("one hour").
      if (
        JSON.stringify(want.filter((p) => p !== 'count')) !== JSON.stringify(got.filter((p) => p !== 'count'))
      ) {
        problems.push(`${key}: placeholders ${got.join(',')} instead of ${want.join(',')}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
