// Issue 14: every language keeps to its glossary (locales/<lang>/GLOSSARY.md), in every namespace and in the
// Teams manifest localization: where English names a concept the translation uses the glossary's term, and
// the variants the glossary forbids appear nowhere.
import { existsSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { glossaryPath, inScope, readGlossary, term } from './glossary.js';
import { allTexts, englishFor, LANGUAGES, prose } from './texts.js';

const english = allTexts('en');

describe('the glossary reader', () => {
  test('matches whole words, with * for more letters, and CJK terms anywhere', () => {
    expect(term('u').pattern.test('Wanneer hebt u dit')).toBe(true);
    expect(term('u').pattern.test('uur')).toBe(false);
    expect(term('*aanvra*').pattern.test('Ondersteuningsaanvragen')).toBe(true);
    expect(term('je').pattern.test('Je hebt geen')).toBe(true);
    expect(term('je').pattern.test('jeugd')).toBe(false);
    expect(term('チャネル').pattern.test('このチャネルの')).toBe(true);
    expect(term(String.raw`/\bSie\b/`).pattern.test('sie')).toBe(false);
  });
});

describe.each(LANGUAGES)('%s', (language) => {
  const rows = readGlossary(language);
  const texts = allTexts(language);

  test('has a glossary with terms for case, severity, first response, business hours, 24x7 and plans', () => {
    expect(existsSync(glossaryPath(language))).toBe(true);
    const concepts = rows.map((row) => row.concept).join(' | ');
    for (const concept of ['case', 'severity', 'first response', 'business hours', '24x7', 'plan names'])
      expect(concepts).toContain(concept);
    for (const row of rows) expect(row.use.length + row.never.length, row.concept).toBeGreaterThan(0);
  });

  test('uses the glossary term wherever English names the concept', () => {
    const missing: string[] = [];
    for (const row of rows) {
      if (!row.english || row.use.length === 0) continue;
      for (const [key, text] of texts) {
        const source = englishFor(english, key);
        if (!inScope(row, key) || source === undefined || !row.english.test(prose(source))) continue;
        if (!row.use.some((use) => use.pattern.test(prose(text))))
          missing.push(`${row.concept}: ${key}: ${text.slice(0, 120)}`);
      }
    }
    expect(missing).toEqual([]);
  });

  test('uses every term of a row that English does not point to somewhere in its scope', () => {
    const unused = rows
      .filter((row) => !row.english && row.use.length > 0)
      .filter(
        (row) =>
          ![...texts].some(([key, text]) => inScope(row, key) && row.use.some((u) => u.pattern.test(text))),
      )
      .map((row) => row.concept);
    expect(unused).toEqual([]);
  });

  test('never uses a forbidden variant', () => {
    const found: string[] = [];
    for (const row of rows) {
      for (const [key, text] of texts) {
        if (!inScope(row, key)) continue;
        for (const never of row.never)
          if (never.pattern.test(prose(text)))
            found.push(`${row.concept}: "${never.written}" in ${key}: ${text.slice(0, 100)}`);
      }
    }
    expect(found).toEqual([]);
  });
});
