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
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]).sort();

function load(language: string): Map<string, string> {
  const all = new Map<string, string>();
  for (const file of readdirSync(join(ROOT, language)).filter((f) => f.endsWith('.json'))) {
    const tree = JSON.parse(readFileSync(join(ROOT, language, file), 'utf8')) as Tree;
    for (const [k, v] of flatten(tree)) all.set(`${file.slice(0, -5)}:${k}`, v);
  }
  return all;
}

const english = load('en');
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

  test('keeps the same placeholders and leaves nothing empty', () => {
    const problems: string[] = [];
    for (const [key, text] of other) {
      if (!text.trim()) problems.push(`${key}: empty`);
      const englishText = english.get(key) ?? english.get(`${base(key)}_other`) ?? english.get(base(key));
      if (englishText === undefined) continue;
      const want = [...new Set(placeholders(englishText))];
      const got = [...new Set(placeholders(text))];
      // `count` may be left out of a plural form that names the number in words ("one hour").
      if (JSON.stringify(want.filter((p) => p !== 'count')) !== JSON.stringify(got.filter((p) => p !== 'count'))) {
        problems.push(`${key}: placeholders ${got.join(',')} instead of ${want.join(',')}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
