// The Teams words exist in English and in Dutch, key for key, and every key the code names exists.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

type Tree = { [key: string]: string | Tree };

function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keys(value, `${prefix}${key}.`),
  );
}

const read = (language: string) =>
  JSON.parse(readFileSync(join(process.cwd(), 'locales', language, 'teams.json'), 'utf8')) as Tree;
const en = keys(read('en')).sort();
const nl = keys(read('nl')).sort();

/** Plural forms are one key to the code: "title_one" is "title". */
const base = (key: string) => key.replace(/_(zero|one|other)$/, '');

describe('locales/*/teams.json', () => {
  it('Dutch has every English key and no other', () => {
    expect(nl).toEqual(en);
  });

  it('has every literal teams: key the adapter names', () => {
    const folder = join(process.cwd(), 'adapters', 'teams');
    const files = readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((name) =>
      name.endsWith('.ts'),
    );
    const named = new Set<string>();
    for (const file of files) {
      for (const match of readFileSync(join(folder, file), 'utf8').matchAll(
        /['`]teams:([a-zA-Z0-9_.]+)['`]/g,
      )) {
        if (match[1]) named.add(match[1]);
      }
    }
    expect(named.size).toBeGreaterThan(20);
    const known = new Set(en.map(base));
    expect([...named].filter((key) => !known.has(key))).toEqual([]);
  });
});
