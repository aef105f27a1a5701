// Issue 14: the same thing is called the same everywhere a reader meets it (Slack and Teams, the manifest
// and the help), buttons fit where they are shown, and each script is written the way its readers expect.
import { describe, expect, test } from 'vitest';
import { INTERFACE_LANGUAGES } from '../../src/i18n/index.js';
import { displayWidth, LANGUAGES, localeTexts, manifestTexts } from './texts.js';

/** Teams shows card buttons three to a row; past this many columns a label is cut on a desktop card. */
const TEAMS_BUTTON_COLUMNS = 20;
/** Slack's limits for a modal's title, submit and close texts, and for an option of a menu. */
const SLACK_MODAL_TEXT = 24;
const SLACK_OPTION = 75;

/** The same field or action in the Slack modal and the Teams form. */
const SAME_IN_SLACK_AND_TEAMS: Array<[string, string]> = [
  ['slack:modal.title', 'teams:form.trackCase.title'],
  ['slack:modal.submit', 'teams:form.trackCase.submit'],
  ['slack:modal.label.case_number', 'teams:form.caseNumber.label'],
  ['slack:modal.label.plan', 'teams:form.plan.label'],
  ['slack:modal.label.severity', 'teams:form.severity.label'],
  ['slack:modal.label.language', 'teams:form.language.label'],
  ['slack:modal.label.country', 'teams:form.country.label'],
  ['slack:modal.label.time_zone', 'teams:form.timeZone.label'],
  ['slack:modal.label.commit', 'teams:form.commit24x7.label'],
  ['slack:modal.commit.default', 'teams:form.commit24x7.default'],
  ['slack:modal.commit.yes', 'teams:form.commit24x7.yes'],
  ['slack:modal.commit.no', 'teams:form.commit24x7.no'],
  ['slack:modal.label.issue_type', 'teams:form.issueType.label'],
  ['slack:modal.label.product', 'teams:form.product.label'],
  ['slack:modal.more', 'teams:form.more'],
  ['slack:modal.defaults', 'teams:form.defaults'],
  ['slack:modal.defaultLanguage', 'teams:form.defaultLanguage'],
  ['slack:modal.defaultZone', 'teams:form.defaultZone'],
];

const text = (texts: Map<string, string>, key: string): string => {
  const value = texts.get(key);
  if (value === undefined) throw new Error(`no text ${key}`);
  return value;
};

describe.each(LANGUAGES)('%s', (language) => {
  const texts = localeTexts(language);
  const manifest = manifestTexts(language);

  test('the Teams manifest names the bot and its commands as the help does', () => {
    const name = text(manifest, 'manifest:name.short');
    const track = text(manifest, 'manifest:composeExtensions[0].commands[0].title');
    const check = text(manifest, 'manifest:composeExtensions[0].commands[1].title');
    expect(track).toBe(text(texts, 'teams:form.trackCase.title'));
    expect(check).toBe(text(texts, 'teams:form.checkSla.title'));
    expect(text(texts, 'teams:help.track')).toContain(`**${track}**`);
    expect(text(texts, 'teams:help.check')).toContain(`**${check}**`);
    expect(text(texts, 'teams:preview.nothingStored')).toContain(track);
    expect(text(texts, 'teams:help.title')).toContain(name);
    expect(text(texts, 'teams:help.list')).toContain(`**@${name} list**`);
    expect(text(texts, 'teams:help.help')).toContain(`**@${name} help**`);
    expect(text(manifest, 'manifest:name.full')).toContain(name);
  });

  test('Slack and Teams call the same field and action the same', () => {
    const different = SAME_IN_SLACK_AND_TEAMS.filter(
      ([slack, teams]) => text(texts, slack) !== text(texts, teams),
    );
    expect(different.map(([slack, teams]) => `${text(texts, slack)} ≠ ${text(texts, teams)}`)).toEqual([]);
  });

  test('card buttons fit three to a row in Teams, and Slack texts fit Slack', () => {
    const buttons = [...texts].filter(
      ([key]) => key.startsWith('cards:action.') || key === 'teams:card.apply',
    );
    expect(buttons.length).toBeGreaterThan(9);
    const long = buttons.filter(([, label]) => displayWidth(label) > TEAMS_BUTTON_COLUMNS);
    expect(long.map(([key, label]) => `${key}: ${label} (${displayWidth(label)})`)).toEqual([]);
    for (const key of [
      'slack:modal.title',
      'slack:modal.submit',
      'slack:modal.close',
      'slack:respondAt.title',
    ]) {
      expect([...text(texts, key)].length, key).toBeLessThanOrEqual(SLACK_MODAL_TEXT);
    }
    const options = [...texts].filter(([key]) =>
      /^(common:(severity|issueType|product|plan)\.|slack:modal\.commit\.)/.test(key),
    );
    for (const [key, option] of options) expect([...option].length, key).toBeLessThanOrEqual(SLACK_OPTION);
  });

  test('the deadline help lists every accepted --locale value', () => {
    const help = text(texts, 'cli:help.deadline');
    for (const accepted of INTERFACE_LANGUAGES) expect(help).toContain(accepted);
  });

  test('a dropdown label inside a sentence is quoted, so the sentence stays grammatical', () => {
    expect(text(texts, 'sla:error.out_of_scope')).toMatch(/[“"„«「]\s?\{\{value\}\}\s?[”"“»」]/);
  });
});

/** Kanji, kana and hangul letters; the CJK punctuation is not a letter and needs no space. */
const CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}';

/** Literal text only: placeholders, code, URLs and `**@bot command**` examples stand for something else. */
function literal(value: string): string {
  return value
    .replace(/\{\{[^}]*\}\}/g, '\u0000')
    .replace(/`[^`]*`/g, '\u0000')
    .replace(/\*\*@[^*]*\*\*/g, '\u0000')
    .replace(/https?:\/\/\S+/g, '\u0000');
}

describe.each(['ja', 'zh-Hant'])('%s spacing, as Microsoft writes it', (language) => {
  const texts = [...localeTexts(language), ...manifestTexts(language)];

  test('a half-width space between Latin letters or digits and CJK characters', () => {
    const tight = new RegExp(`[A-Za-z0-9][${CJK}]|[${CJK}][A-Za-z0-9]`, 'u');
    const found = texts.filter(([, value]) => tight.test(literal(value)));
    expect(found.map(([key, value]) => `${key}: ${value}`)).toEqual([]);
  });

  test('no stray space between two kanji or kana (katakana compounds are spaced, as in サポート プラン)', () => {
    const between = language === 'ja' ? '\\p{Script=Han}\\p{Script=Hiragana}' : '\\p{Script=Han}';
    const stray = new RegExp(`[${between}] [${between}]`, 'u');
    const found = texts.filter(([, value]) => stray.test(literal(value)));
    expect(found.map(([key, value]) => `${key}: ${value}`)).toEqual([]);
  });
});

describe('fr typography', () => {
  test('a no-break space before : ; ? ! » and after «, never a breaking one', () => {
    const texts = [...localeTexts('fr'), ...manifestTexts('fr')];
    const found = texts.filter(([, value]) => / [:;?!»]|« /.test(literal(value)));
    expect(found.map(([key, value]) => `${key}: ${value}`)).toEqual([]);
  });
});
