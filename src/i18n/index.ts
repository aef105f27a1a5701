import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import i18next, { type i18n, type Resource, type ResourceLanguage, type TFunction } from 'i18next';

export const INTERFACE_LANGUAGES = ['en', 'nl', 'de', 'fr', 'es', 'it', 'pt', 'ja', 'ko', 'zh-Hant'] as const;
export type InterfaceLanguage = (typeof INTERFACE_LANGUAGES)[number];

let shared: i18n | undefined;

/** The project's translations, loaded once from locales/<language>/<namespace>.json. */
export function translations(): i18n {
  if (shared) return shared;
  const root = localesDirectory();
  const resources: Resource = {};
  for (const language of readdirSync(root)) {
    const folder = join(root, language);
    resources[language] = {};
    for (const file of readdirSync(folder).filter((name) => name.endsWith('.json'))) {
      (resources[language] as ResourceLanguage)[file.slice(0, -5)] = JSON.parse(
        readFileSync(join(folder, file), 'utf8'),
      );
    }
  }
  const instance = i18next.createInstance();
  void instance.init({
    resources,
    lng: 'en',
    fallbackLng: 'en',
    ns: Object.keys(resources.en ?? {}),
    defaultNS: 'common',
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  shared = instance;
  return instance;
}

/** A translator for one interface language (the reader's, not the support response language). */
export function translator(language: string): TFunction {
  const chosen = interfaceLanguage(language);
  let t = translators.get(chosen);
  if (!t) {
    // A clone per language shares the resources; its own `t` skips the per-call copy of every
    // option that getFixedT makes, which dominated rendering a card.
    const clone = translations().cloneInstance({ lng: chosen, initAsync: false });
    t = clone.t.bind(clone) as TFunction;
    translators.set(chosen, t);
  }
  return t;
}

const translators = new Map<InterfaceLanguage, TFunction>();

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

function hasResources(language: string): boolean {
  return translations().hasResourceBundle(language, 'common');
}

function localesDirectory(): string {
  let folder = dirname(fileURLToPath(import.meta.url));
  for (let depth = 0; depth < 6; depth += 1) {
    const candidate = join(folder, 'locales');
    if (existsSync(join(candidate, 'en'))) return candidate;
    folder = dirname(folder);
  }
  throw new Error('locales/ not found next to the program');
}
