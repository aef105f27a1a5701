// Issue 6: every language renders through the command line and the Teams card without a raw key or a
// {{placeholder}} showing, and the reader's language stays apart from the support response language.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { caseCard } from '../../adapters/teams/case-card.js';
import { parseReminderPlan } from '../../src/cases/reminder-config.js';
import { CaseService } from '../../src/cases/service.js';
import type { CaseView } from '../../src/cases/types.js';
import { main } from '../../src/cli.js';
import { INTERFACE_LANGUAGES, translator } from '../../src/i18n/index.js';
import { reminderText, type ThreadNotice } from '../../src/messages/reminder-text.js';
import { azurePolicy } from '../../src/sla/index.js';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/store.js';
import { cardProblems, cardText } from '../support/adaptive-cards.js';
import { LEAK } from './leak.js';

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const sink = (append: (text: string) => void) =>
    new Writable({
      write(chunk, _encoding, done) {
        append(String(chunk));
        done();
      },
    });
  const code = await main(args, {
    stdin: process.stdin,
    stdout: sink((text) => (out += text)),
    stderr: sink((text) => (err += text)),
    env: {},
    now: () => Date.parse('2026-03-28T10:20:00+01:00'),
  });
  return { code, out, err };
}

describe.each(INTERFACE_LANGUAGES)('the %s reader', (language) => {
  const t = translator(language);

  test('reads the deadline answer in their language, and Microsoft answers in the support language', async () => {
    // German support asked on a Saturday: English 24x7 wins; German business hours is the alternative.
    const { code, out } = await cli([
      'deadline',
      '--plan',
      'premier',
      '--severity',
      'A',
      '--country',
      'DE',
      '--language',
      'de',
      '--opened',
      '2026-03-28T10:00:00+01:00',
      '--locale',
      language,
    ]);
    expect(code).toBe(0);
    expect(out).not.toMatch(LEAK);
    expect(out).toContain(t('common:severity.A'));
    expect(out).toContain(
      t('cli:deadline.responseValue', {
        language: t('common:language.en'),
        coverage: t('common:coverage.24x7'),
      }),
    );
    expect(out).toContain(t('common:language.de'));
    expect(out).toContain(t('sla:warning.contact_details'));
  });

  test('reads errors and help in their language', async () => {
    const error = await cli([
      'deadline',
      '--plan',
      'developer',
      '--severity',
      'A',
      '--country',
      'NL',
      '--locale',
      language,
    ]);
    expect(error.code).toBe(2);
    expect(error.err).not.toMatch(LEAK);
    expect(error.err).toContain(t('common:plan.developer'));
    const help = await cli(['deadline', '--help', '--locale', language]);
    expect(help.out).toBe(`${t('cli:help.deadline')}\n`);
    if (language !== 'en') expect(help.out).not.toBe(`${translator('en')('cli:help.deadline')}\n`);
  });
});

describe('Teams cards in every language', () => {
  let store: Store;
  let view: CaseView;
  const now = Date.parse('2026-03-24T09:00:00Z');
  beforeAll(async () => {
    store = openStore('sqlite::memory:');
    await store.migrate();
    const cases = new CaseService({
      store,
      clock: { now: () => now },
      reminders: parseReminderPlan('50%,breach').points,
    });
    const opened = await cases.open({
      tenantId: 'T',
      platform: 'teams',
      channelId: 'C',
      conversation: null,
      caseNumber: '42',
      title: 'VMs down',
      input: {
        plan: 'premier',
        severity: 'A',
        language: 'ja',
        country: 'JP',
        commit24x7: false,
        openedAt: now,
      },
      openedBy: { id: 'u', locale: 'en' },
    });
    if (!opened.ok) throw new Error(JSON.stringify(opened.failure));
    view = opened.view;
  });
  afterAll(() => store.close());

  test.each(INTERFACE_LANGUAGES)('%s: the case card and its reminders', (language) => {
    const t = translator(language);
    const card = caseCard(t, view, { locale: language, policy: azurePolicy, openedByName: 'Ann' });
    expect(cardProblems(card)).toEqual([]);
    expect(cardText(card)).not.toMatch(LEAK);
    expect(cardText(card)).toContain(t('common:language.ja'));
    const notices: ThreadNotice[] = [
      { kind: 'breach', deadline: view.assessment.deadline },
      { kind: 'breach', deadline: view.assessment.deadline, overdueMinutes: 95 },
      { kind: 'waiting', since: now, to: 'B' },
      { kind: 'warning', code: 'downgrade_risk', to: 'B', reason: 'not_available_24x7' },
    ];
    for (const notice of notices) {
      expect(reminderText(t, notice, (ms) => new Date(ms).toISOString())).not.toMatch(LEAK);
    }
  });
});
