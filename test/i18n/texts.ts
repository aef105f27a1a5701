// Every text a person reads, by language: the locale namespaces and the Teams manifest localization.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const LOCALES = join(import.meta.dirname, '../../locales');
const TEAMS_MANIFEST = join(import.meta.dirname, '../../manifest/teams');

type Tree = { [key: string]: string | Tree };

/** The Teams manifest localization file of each interface language (English is manifest.json itself). */
export const MANIFEST_FILE: Record<string, string | undefined> = {
  nl: 'nl-nl.json',
  de: 'de-de.json',
  fr: 'fr-fr.json',
  es: 'es-es.json',
  it: 'it-it.json',
  pt: 'pt-br.json',
  ja: 'ja-jp.json',
  ko: 'ko-kr.json',
  'zh-Hant': 'zh-tw.json',
};

export const LANGUAGES = readdirSync(LOCALES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

function flatten(tree: Tree, prefix = ''): Array<[string, string]> {
  return Object.entries(tree).flatMap(([key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return typeof value === 'string' ? [[path, value] as [string, string]] : flatten(value, path);
  });
}

/** `namespace:key` → text, for every namespace file of a language. */
export function localeTexts(language: string): Map<string, string> {
  const texts = new Map<string, string>();
  for (const file of readdirSync(join(LOCALES, language)).filter((name) => name.endsWith('.json'))) {
    const tree = JSON.parse(readFileSync(join(LOCALES, language, file), 'utf8')) as Tree;
    for (const [key, value] of flatten(tree)) texts.set(`${file.slice(0, -5)}:${key}`, value);
  }
  return texts;
}

/** The English manifest's value at a localization key such as `composeExtensions[0].commands[1].title`. */
function manifestValue(manifest: unknown, key: string): string | undefined {
  let node: unknown = manifest;
  for (const part of key.split('.')) {
    const [, name = part, index] = /^(\w+)(?:\[(\d+)\])?$/.exec(part) ?? [];
    node = (node as Record<string, unknown> | undefined)?.[name];
    if (index !== undefined) node = (node as unknown[] | undefined)?.[Number(index)];
  }
  return typeof node === 'string' ? node : undefined;
}

export const englishManifest = JSON.parse(readFileSync(join(TEAMS_MANIFEST, 'manifest.json'), 'utf8'));

/** `manifest:<localization key>` → text; for English, the same keys read from manifest.json. */
export function manifestTexts(language: string): Map<string, string> {
  const english = JSON.parse(readFileSync(join(TEAMS_MANIFEST, 'nl-nl.json'), 'utf8')) as Record<
    string,
    string
  >;
  const keys = Object.keys(english).filter((key) => key !== '$schema');
  const texts = new Map<string, string>();
  if (language === 'en') {
    for (const key of keys) {
      const value = manifestValue(englishManifest, key);
      if (value !== undefined) texts.set(`manifest:${key}`, value);
    }
    return texts;
  }
  const file = MANIFEST_FILE[language];
  if (!file) return texts;
  const localized = JSON.parse(readFileSync(join(TEAMS_MANIFEST, file), 'utf8')) as Record<string, string>;
  for (const [key, value] of Object.entries(localized))
    if (key !== '$schema') texts.set(`manifest:${key}`, value);
  return texts;
}

/** Everything a reader of this language sees: locale texts and the manifest localization. */
export function allTexts(language: string): Map<string, string> {
  return new Map([...localeTexts(language), ...manifestTexts(language)]);
}

/** Keys of plural forms share their English text: `title_one` reads English `title_one` or `title_other`. */
export function englishFor(english: Map<string, string>, key: string): string | undefined {
  const base = key.replace(/_(zero|one|two|few|many|other)$/, '');
  return english.get(key) ?? english.get(`${base}_other`) ?? english.get(base);
}

/**
 * Prose only: placeholders, code spans, URLs, command-line flags, environment settings, JSON examples, file names, ids
 * (`other-channel`) and lists of field or command names (`id, plan, severity, language`) left out.
 */
// Resource-provider actions (`Microsoft.Support/supportTickets/read`) are identifiers, not prose.
export function prose(text: string): string {
  return text
    .replace(/\{\{[^}]*\}\}/g, ' ')
    .replace(/\{[^{}]*\}/g, ' ')
    .replace(/`[^`]*`/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/\bMicrosoft\.\w+(\/[\w*]+)+/g, ' ')
    .replace(/--[\w-]+/g, ' ')
    .replace(/\b[a-z]+(_[a-z0-9]+)+\b/g, ' ')
    .replace(/^ +[a-z][A-Za-z]* {2,}/gm, ' ')
    .replace(/\b[A-Za-z][\w]*=\S*/g, ' ')
    .replace(/\b[\w-]+\.(ndjson|json|example|zip|png)\b/g, ' ')
    .replace(/\bsla-bot (deadline|evaluate|tickets|serve|help)\b/g, ' ')
    .replace(
      /\b(professional-direct|rapid-response|subscription-management|technical-compensation|account-management|azure-ga|azure-preview|non-microsoft|other-channel)\b/g,
      ' ',
    )
    .replace(/(\b[a-z][A-Za-z0-9]*\b, ){3,}[a-z][A-Za-z0-9]*/g, ' ');
}

/** Display columns as a terminal or a button counts them: CJK and full-width characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    width +=
      /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u.test(
        char,
      )
        ? 2
        : 1;
  }
  return width;
}
