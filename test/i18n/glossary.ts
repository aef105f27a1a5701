// Reads locales/<lang>/GLOSSARY.md: the table of terms each language uses and the variants it never uses.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LOCALES } from './texts.js';

export interface GlossaryRow {
  readonly concept: string;
  /** Where the English text matches this, the translation must contain one of `use`. */
  readonly english: RegExp | null;
  readonly use: readonly Term[];
  readonly never: readonly Term[];
  /** Namespaces (and `manifest`) the row applies to; null means every text. */
  readonly scope: ReadonlySet<string> | null;
}

export interface Term {
  readonly written: string;
  readonly pattern: RegExp;
}

/** `/source/flags` as written in the table. */
function regexLiteral(text: string): RegExp | null {
  const match = /^\/(.+)\/([a-z]*)$/s.exec(text);
  return match ? new RegExp(match[1] ?? '', match[2]) : null;
}

const LATIN_LETTER = /^\p{Script=Latin}/u;

/**
 * A plain term matches as a whole word, case-insensitively, where it starts or ends with a Latin letter;
 * `*` stands for more letters. Terms in other scripts (CJK) match anywhere, as those scripts have no spaces.
 */
export function term(written: string): Term {
  const literal = regexLiteral(written);
  if (literal) return { written, pattern: literal };
  const core = written.replace(/^\*|\*$/g, '');
  let source = core.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '\\p{L}*');
  if (written.startsWith('*')) source = `\\p{L}*${source}`;
  else if (LATIN_LETTER.test(core)) source = `(?<![\\p{L}\\p{N}])${source}`;
  if (written.endsWith('*')) source = `${source}\\p{L}*`;
  else if (LATIN_LETTER.test(core.slice(-1))) source = `${source}(?![\\p{L}\\p{N}])`;
  return { written, pattern: new RegExp(source, 'iu') };
}

/** The code spans of a table cell, each one term. */
function terms(cell: string): Term[] {
  return [...cell.matchAll(/`([^`]+)`/g)].map((match) => term(match[1] ?? ''));
}

export function glossaryPath(language: string): string {
  return join(LOCALES, language, 'GLOSSARY.md');
}

export function readGlossary(language: string): GlossaryRow[] {
  const path = glossaryPath(language);
  if (!existsSync(path)) return [];
  const lines = readFileSync(path, 'utf8').split('\n');
  const header = lines.findIndex((line) => /^\|\s*Concept\s*\|/.test(line));
  if (header < 0) throw new Error(`${path}: no table starting with | Concept |`);
  const rows: GlossaryRow[] = [];
  for (const line of lines.slice(header + 2)) {
    if (!line.startsWith('|')) break;
    // Cells are split on pipes that are not escaped; `\|` inside a code span is a literal pipe.
    const cells = line
      .slice(1, -1)
      .split(/(?<!\\)\|/)
      .map((cell) => cell.trim().replace(/\\\|/g, '|'));
    const [concept = '', english = '', use = '', never = '', scope = ''] = cells;
    const englishPattern = /`([^`]+)`/.exec(english)?.[1];
    rows.push({
      concept,
      english: englishPattern ? regexLiteral(englishPattern) : null,
      use: terms(use),
      never: terms(never),
      scope: scope === 'all' ? null : new Set(scope.split(',').map((part) => part.trim())),
    });
  }
  return rows;
}

/** Whether a text key (`namespace:key` or `manifest:key`) is in the row's scope. */
export function inScope(row: GlossaryRow, key: string): boolean {
  return row.scope === null || row.scope.has(key.slice(0, key.indexOf(':')));
}
