import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import i18next, { type i18n, type ResourceLanguage, type TFunction } from 'i18next';

export const INTERFACE_LANGUAGES = ['en', 'nl', 'de', 'fr', 'es', 'it', 'pt', 'ja', 'ko', 'zh-Hant'] as const;
export type InterfaceLanguage = (typeof INTERFACE_LANGUAGES)[number];

let shared: i18n | undefined;
const loaded = new Set<string>();

/**
 * The project's translations. A language's files (locales/<language>/<namespace>.json) are read the
 * first time the language is asked for: a command that speaks one language reads one (and English,
 * the fallback), not all ten.
 */
function translations(language: InterfaceLanguage): i18n {
  if (!shared) {
    shared = i18next.createInstance();
    void shared.init({
      resources: {},
      lng: 'en',
      fallbackLng: 'en',
      ns: namespaces(),
      defaultNS: 'common',
      initAsync: false,
      interpolation: { escapeValue: false },
      returnNull: false,
    });
  }
  for (const needed of language === 'en' ? ['en'] : ['en', language]) {
    if (loaded.has(needed)) continue;
    const folder = join(localesDirectory(), needed);
    for (const namespace of namespaces()) {
      const file = join(folder, `${namespace}.json`);
      if (!existsSync(file)) continue;
      shared.addResourceBundle(needed, namespace, JSON.parse(readFileSync(file, 'utf8')) as ResourceLanguage);
    }
    loaded.add(needed);
  }
  return shared;
}

let namespaceList: string[] | undefined;

/** The namespaces, named by English's files. */
function namespaces(): string[] {
  namespaceList ??= readdirSync(join(localesDirectory(), 'en'))
    .filter((name) => name.endsWith('.json'))
    .map((name) => name.slice(0, -5));
  return namespaceList;
}

/** A translator for one interface language (the reader's, not the support response language). */
export function translator(language: string): TFunction {
  const chosen = interfaceLanguage(language);
  let t = translators.get(chosen);
  if (!t) {
    // A clone per language shares the resources; its own `t` skips the per-call copy of every
    // option that getFixedT makes, which dominated rendering a card.
    const clone = translations(chosen).cloneInstance({ lng: chosen, initAsync: false });
    t = clone.t.bind(clone) as TFunction;
    translators.set(chosen, t);
  }
  return t;
}

const translators = new Map<InterfaceLanguage, TFunction>();

/** Whether a language's own files (not the English fallback) hold `key`, e.g. a policy's plan label. */
export function hasOwnText(language: InterfaceLanguage, namespace: string, key: string): boolean {
  return typeof translations(language).getResource(language, namespace, key) === 'string';
}

/** The reader's locale from the environment, POSIX order: LC_ALL, LC_MESSAGES, then LANG. */
export function environmentLocale(env: NodeJS.ProcessEnv): string | undefined {
  return env.LC_ALL || env.LC_MESSAGES || env.LANG || undefined;
}

/** Whether a locale names one of the interface languages (so an explicit choice can be refused). */
export function isInterfaceLocale(locale: string): boolean {
  const language = interfaceLanguage(locale);
  return language !== 'en' || /^en([-_]|$)/i.test(locale.trim());
}

/** Negotiates a reader's locale ("de-AT", "pt_BR", "zh-TW") to one of the interface languages. */
export function interfaceLanguage(locale: string | undefined | null): InterfaceLanguage {
  const tag = (locale ?? '').replace(/_/g, '-').split('.')[0]?.toLowerCase() ?? '';
  const [primary = '', ...rest] = tag.split('-');
  if (primary === 'zh') {
    const traditional = rest.includes('hant') || rest.some((part) => ['tw', 'hk', 'mo'].includes(part));
    return traditional ? 'zh-Hant' : 'en';
  }
  const match = INTERFACE_LANGUAGES.find((language) => language === primary);
  return match && hasResources(match) ? match : 'en';
}

const present = new Map<string, boolean>();

function hasResources(language: string): boolean {
  let found = present.get(language);
  if (found === undefined) {
    found = existsSync(join(localesDirectory(), language, 'common.json'));
    present.set(language, found);
  }
  return found;
}

let localesFolder: string | undefined;

function localesDirectory(): string {
  localesFolder ??= findLocales();
  return localesFolder;
}

function findLocales(): string {
  let folder = dirname(fileURLToPath(import.meta.url));
  for (let depth = 0; depth < 6; depth += 1) {
    const candidate = join(folder, 'locales');
    if (existsSync(join(candidate, 'en'))) return candidate;
    folder = dirname(folder);
  }
  throw new Error('locales/ not found next to the program');
}
