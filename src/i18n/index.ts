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
    t = remembering(clone);
    translators.set(chosen, t);
  }
  return t;
}

const translators = new Map<InterfaceLanguage, TFunction>();

/** Texts kept per language; the longest key (with its options) worth keeping. */
const TEXTS_KEPT = 10_000;
const LONGEST_KEY = 400;

/**
 * i18next's `t` with its answers remembered by key and options: the same sentence is asked for again
 * and again (a plan's name, "4 hours", a case's heading), and i18next takes 5–20 µs to resolve and
 * interpolate each, which made rendering one answer cost a fifth of a millisecond on the server. The
 * answer depends only on the key, the options and the texts of this language and English, read before
 * the translator is made and never changed. Calls whose options are not plain text, numbers, booleans
 * or undefined, or that name another language, go to i18next every time.
 */
function remembering(i18n: i18n): TFunction {
  const translate = (...args: unknown[]): unknown => Reflect.apply(i18n.t, i18n, args);
  const texts = new Map<string, string>();
  const remembered = (...args: unknown[]): unknown => {
    const [key, options] = args;
    const memo = args.length <= 2 && typeof key === 'string' ? memoKey(key, options) : undefined;
    if (memo === undefined) return translate(...args);
    let text = texts.get(memo);
    if (text === undefined) {
      const answer = translate(...args);
      if (typeof answer !== 'string') return answer;
      text = answer;
      if (texts.size >= TEXTS_KEPT) texts.clear();
      texts.set(memo, text);
    }
    return text;
  };
  // TFunction is i18next's branded type for its own `t`; this function takes and answers the same.
  return remembered as unknown as TFunction;
}

/** `key` alone, or with its options when every value is text, a finite number, a boolean or undefined. */
function memoKey(key: string, options: unknown): string | undefined {
  if (options === undefined) return key.length <= LONGEST_KEY ? key : undefined;
  if (
    typeof options !== 'object' ||
    options === null ||
    Object.getPrototypeOf(options) !== Object.prototype
  ) {
    return undefined;
  }
  let memo = key;
  for (const [name, value] of Object.entries(options)) {
    // Another language's texts may be read later: such a call is not remembered.
    if (name === 'lng' || name === 'lngs') return undefined;
    const type = typeof value;
    const plain = type === 'string' || type === 'boolean' || type === 'undefined';
    if (!plain && !(type === 'number' && Number.isFinite(value))) return undefined;
    memo += `\u0000${name}\u0001${type[0]}${String(value)}`;
    if (memo.length > LONGEST_KEY) return undefined;
  }
  return memo;
}

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
