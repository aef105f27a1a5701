// Every card the Teams bot can send, validated with the adaptivecards library, in English and Dutch.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { viewerTime } from '../../../adapters/teams/card-json.js';
import {
  helpCard,
  listCard,
  noticeCard,
  noticeCardOf,
  previewCard,
  welcomeCard,
} from '../../../adapters/teams/cards.js';
import { caseCard } from '../../../adapters/teams/case-card.js';
import { formCard } from '../../../adapters/teams/form.js';
import { parseReminderPlan } from '../../../src/cases/reminder-config.js';
import { CaseService } from '../../../src/cases/service.js';
import type { Actor, CaseResult, CaseView } from '../../../src/cases/types.js';
import { CASE_FIELDS } from '../../../src/chat/form.js';
import type { FormErrors } from '../../../src/chat/form-errors.js';
import { translator } from '../../../src/i18n/index.js';
import { noticeModel } from '../../../src/messages/notice-view.js';
import type { ThreadNotice } from '../../../src/messages/reminder-text.js';
import { azurePolicy } from '../../../src/sla/index.js';
import { openStore } from '../../../src/store/open.js';
import type { Store } from '../../../src/store/store.js';
import { cardProblems, cardText } from '../../support/adaptive-cards.js';

const T0 = Date.parse('2026-03-24T09:00:00Z');
const ann: Actor = { id: 'aad-ann', name: 'Ann', locale: 'en-US' };
const LOCALES = [
  'en-US',
  'nl-NL',
  'de-DE',
  'fr-FR',
  'es-ES',
  'it-IT',
  'pt-BR',
  'ja-JP',
  'ko-KR',
  'zh-TW',
] as const;

let store: Store;
let cases: CaseService;
let now = T0;

beforeAll(async () => {
  store = openStore('sqlite::memory:');
  await store.migrate();
  cases = new CaseService({
    store,
    clock: { now: () => now },
    reminders: parseReminderPlan('50%,15m,breach').points,
  });
});
afterAll(async () => {
  await store?.close();
});

function viewOf(result: CaseResult): CaseView {
  if (!result.ok) throw new Error(JSON.stringify(result.failure));
  return result.view;
}

async function open(caseNumber: string, input: Record<string, unknown>): Promise<CaseView> {
  const base = { plan: 'premier', severity: 'A', country: 'NL', openedAt: T0 };
  return viewOf(
    await cases.open({
      tenantId: 'T',
      platform: 'teams',
      channelId: 'C',
      conversation: null,
      caseNumber,
      title: 'VMs down',
      input: { ...base, ...input },
      openedBy: ann,
    }),
  );
}

/** Each state and situation a case card can show. */
async function caseViews(): Promise<Record<string, CaseView>> {
  const openA = await open('1', {});
  const waiting = viewOf(await cases.setWaitingOnUs('T', (await open('2', {})).record.id, true, ann));
  const notAvailable = viewOf(await cases.setAvailability('T', (await open('3', {})).record.id, false, ann));
  const bBusiness = await open('4', {
    plan: 'professional-direct',
    severity: 'B',
    country: 'US',
    timeZone: 'America/New_York',
  });
  now = T0 + 30 * 60_000;
  const responded = viewOf(await cases.recordResponse('T', (await open('5', {})).record.id, ann));
  const closed = viewOf(await cases.close('T', (await open('6', {})).record.id, ann));
  now = T0 + 3 * 3_600_000;
  const breached = viewOf(
    await cases.recordResponse('T', (await open('7', { openedAt: T0 })).record.id, ann),
  );
  now = T0;
  return { openA, waiting, notAvailable, bBusiness, responded, closed, breached };
}

describe.each(LOCALES)('cards in %s', (locale) => {
  const t = translator(locale);

  it('the forms, empty and with an error beside every field and in the summary', () => {
    const every: FormErrors = {
      fields: Object.fromEntries(CASE_FIELDS.map((field) => [field, 'wrong'])),
      general: ['Someone else changed this case at the same moment: try again.'],
    };
    const data = { title: 'Title', plan: 'premier', country: 'NL', from: '1: VMs down' };
    for (const command of ['trackCase', 'checkSla'] as const) {
      expect(cardProblems(formCard(t, { command, data, policy: azurePolicy }))).toEqual([]);
      expect(cardProblems(formCard(t, { command, data: {}, policy: azurePolicy, errors: every }))).toEqual(
        [],
      );
    }
  });

  it('the case card in every state', async () => {
    for (const [name, view] of Object.entries(await caseViews())) {
      const card = caseCard(t, view, { locale, policy: azurePolicy, openedByName: 'Ann' });
      expect({ name, problems: cardProblems(card) }).toEqual({ name, problems: [] });
    }
  });

  it('the preview card', () => {
    const evaluation = cases.check({
      plan: 'professional-direct',
      severity: 'B',
      country: 'NL',
      openedAt: T0,
    });
    if (!evaluation.ok) throw new Error(evaluation.error.code);
    expect(cardProblems(previewCard(t, evaluation.assessment))).toEqual([]);
  });

  it('every reminder and warning', () => {
    const notices: ThreadNotice[] = [
      { kind: 'fraction', fraction: 0.5, remainingMinutes: 30, deadline: T0 + 3_600_000 },
      { kind: 'before', remainingMinutes: 15, deadline: T0 + 3_600_000 },
      { kind: 'breach', deadline: T0 + 3_600_000 },
      { kind: 'breach', deadline: T0 + 3_600_000, overdueMinutes: 38 * 1440 },
      { kind: 'waiting', since: T0, to: 'B' },
      { kind: 'waiting', since: T0, to: null },
      { kind: 'warning', code: 'downgrade_risk', to: 'B', reason: 'not_available_24x7' },
      { kind: 'warning', code: 'downgrade_risk', to: 'B', reason: 'waiting_on_customer' },
      { kind: 'warning', code: 'contact_details', to: null, reason: null },
      { kind: 'disagreement', ours: T0 + 3_600_000, microsoft: T0 + 4_320_000 },
      { kind: 'note', event: 'responded', actor: 'Azure', data: {} },
    ];
    const record = { id: 'case-1', caseNumber: '1', title: 'VMs down' } as Parameters<typeof noticeModel>[1];
    for (const notice of notices) {
      const { kind } = notice;
      const model = noticeModel(t, record, notice, { when: viewerTime, plain: String });
      const card = noticeCardOf(t, record.id, model);
      expect({ kind, problems: cardProblems(card) }).toEqual({ kind, problems: [] });
      expect(cardText(card)).not.toMatch(/Invalid|NaN|undefined/);
    }
  });

  it('the list, the help and a notice', async () => {
    const views = Object.values(await caseViews());
    for (const card of [
      listCard(t, []),
      listCard(t, views),
      helpCard(t),
      welcomeCard(t),
      noticeCard(t('chat:failure.conflict')),
    ]) {
      expect(cardProblems(card)).toEqual([]);
    }
    expect(cardText(listCard(t, views.slice(0, 1)))).toContain(
      viewerTime(views[0]?.assessment.deadline ?? 0),
    );
  });
});

describe('viewer-local times', () => {
  it('writes DATE() and TIME() with a UTC instant in whole seconds', () => {
    expect(viewerTime(Date.parse('2026-03-27T10:00:00.123Z'))).toBe(
      '{{DATE(2026-03-27T10:00:00Z, SHORT)}} {{TIME(2026-03-27T10:00:00Z)}}',
    );
  });

  it('an instant that is missing writes nothing instead of throwing', () => {
    expect(viewerTime(Number.NaN)).toBe('');
  });
});
