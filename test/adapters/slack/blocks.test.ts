import { describe, expect, it } from 'vitest';
import { checkAnswer, helpAnswer, listAnswer } from '../../../adapters/slack/answers.js';
import { caseCard } from '../../../adapters/slack/card.js';
import { homeView } from '../../../adapters/slack/home.js';
import { caseModal, FIELD } from '../../../adapters/slack/modal.js';
import { respondAtModal } from '../../../adapters/slack/respond-at.js';
import type { CaseView } from '../../../src/cases/types.js';
import { CASE_FIELDS } from '../../../src/chat/form.js';
import { fieldOfFailure } from '../../../src/chat/form-errors.js';
import { INTERFACE_LANGUAGES, translator } from '../../../src/i18n/index.js';
import { azurePolicy, evaluate, type SlaErrorInfo, type SlaInput } from '../../../src/sla/index.js';
import type { CaseRecord } from '../../../src/store/records.js';
import { LEAK } from '../../i18n/leak.js';
import { blockKitProblems } from '../../support/slack-limits.js';

const AT = Date.parse('2026-03-25T09:00:00+01:00');
// Every interface language: labels must fit Slack's limits in each (a modal title is 24 characters).
const LANGUAGES = [...INTERFACE_LANGUAGES];
const CARD = { policy: azurePolicy, readerZone: 'America/New_York' };

function view(overrides: Partial<CaseRecord> = {}, input: Partial<SlaInput> = {}): CaseView {
  const full: SlaInput = {
    plan: 'premier',
    severity: 'A',
    country: 'NL',
    language: 'de',
    openedAt: AT,
    ...input,
  };
  const evaluation = evaluate(full, AT + 20 * 60_000, azurePolicy);
  if (!evaluation.ok) throw new Error(evaluation.error.code);
  const record: CaseRecord = {
    id: '7f0c1c9e-0000-4000-8000-000000000001',
    tenantId: 'T1',
    platform: 'slack',
    channelId: 'C1',
    conversation: { channel: 'C1', ts: '1774600000.000001' },
    caseNumber: '2603250010001234',
    title: 'VMs do not start',
    input: full,
    openedBy: 'U1',
    openedByLocale: 'en',
    state: 'open',
    respondedAt: null,
    deadline: evaluation.assessment.deadline,
    flag: null,
    createdAt: AT,
    updatedAt: AT,
    version: 1,
    ...overrides,
  };
  return { record, assessment: evaluation.assessment, outcome: null };
}

describe("Block Kit within Slack's limits", () => {
  for (const language of LANGUAGES) {
    const t = translator(language);

    it(`no raw key or unfilled placeholder shows (${language})`, () => {
      const surfaces = [
        caseCard(t, language, view({}), CARD),
        caseModal(t, { channel: 'C1', language }, { values: {}, policy: azurePolicy, now: AT }),
        caseModal(
          t,
          { channel: 'C1', language, more: true, from: '1: x' },
          { values: {}, policy: azurePolicy, now: AT },
        ),
        homeView(t, language, [view({})]),
        homeView(t, language, []),
        helpAnswer(t, 'frobnicate'),
      ];
      for (const surface of surfaces) expect(JSON.stringify(surface)).not.toMatch(LEAK);
    });

    it(`the case modal (${language})`, () => {
      const modal = caseModal(t, { channel: 'C1', language }, { values: {}, policy: azurePolicy, now: AT });
      expect(blockKitProblems(modal, 'modal')).toEqual([]);
      const every = caseModal(
        t,
        { channel: 'C1', language, more: true, from: `${'9'.repeat(40)}: ${'x'.repeat(250)}` },
        {
          values: {
            caseNumber: '9'.repeat(400),
            title: 't'.repeat(400),
            language: 'de',
            timeZone: 'Europe/Berlin',
          },
          policy: azurePolicy,
          now: AT,
          errors: {
            fields: Object.fromEntries(CASE_FIELDS.map((field) => [field, 'w'.repeat(3000)])),
            general: ['g'.repeat(3000)],
          },
        },
      );
      expect(blockKitProblems(every, 'modal')).toEqual([]);
      expect(respondAtModal(t, { caseId: 'x', channel: 'C1', ts: '1.2', language }, AT)).toBeTruthy();
      expect(
        blockKitProblems(respondAtModal(t, { caseId: 'x', channel: 'C1', ts: '1.2', language }, AT), 'modal'),
      ).toEqual([]);
    });

    it(`the case card with a very long title, open and closed (${language})`, () => {
      const long = view({ title: 'x'.repeat(400), caseNumber: '9'.repeat(40) });
      expect(blockKitProblems(caseCard(t, language, long, CARD), 'message')).toEqual([]);
      const closed = view({ state: 'closed' });
      const card = caseCard(t, language, closed, CARD);
      expect(blockKitProblems(card, 'message')).toEqual([]);
      expect(JSON.stringify(card.blocks)).toContain('case_reopen');
    });

    it(`a card with warnings and an alternative clock (${language})`, () => {
      const card = caseCard(
        t,
        language,
        view({}, { severity: 'B', commit24x7: true, language: 'ja', country: 'JP' }),
        CARD,
      );
      expect(blockKitProblems(card, 'message')).toEqual([]);
    });

    it(`/sla list and App Home with 120 cases (${language})`, () => {
      const many = Array.from({ length: 120 }, (_, i) =>
        view({ id: `case-${i}`, title: `Case title ${'y'.repeat(140)}` }),
      );
      expect(blockKitProblems(listAnswer(t, language, many), 'message')).toEqual([]);
      expect(blockKitProblems(homeView(t, language, many), 'home')).toEqual([]);
      expect(blockKitProblems(homeView(t, language, []), 'home')).toEqual([]);
    });

    it(`/sla check answers and the help (${language})`, () => {
      const ok = evaluate({ plan: 'premier', severity: 'A', country: 'NL', openedAt: AT }, AT, azurePolicy);
      const bad = evaluate(
        { plan: 'developer', severity: 'A', country: 'NL', openedAt: AT },
        AT,
        azurePolicy,
      );
      expect(blockKitProblems(checkAnswer(t, language, ok, ['z'.repeat(4000)]), 'message')).toEqual([]);
      expect(blockKitProblems(checkAnswer(t, language, bad, []), 'message')).toEqual([]);
      expect(blockKitProblems(helpAnswer(t, 'w'.repeat(5000)), 'message')).toEqual([]);
    });
  }

  it('the checker itself catches what Slack would refuse', () => {
    const problems = blockKitProblems(
      {
        title: { type: 'plain_text', text: 'a title longer than twenty-four' },
        blocks: [
          { type: 'header', text: { type: 'plain_text', text: 'h'.repeat(151) } },
          { type: 'section', text: { type: 'mrkdwn', text: 's'.repeat(3001) } },
          {
            type: 'actions',
            block_id: 'b'.repeat(256),
            elements: [
              { type: 'button', action_id: 'a', text: { type: 'plain_text', text: 'b'.repeat(76) } },
            ],
          },
          {
            type: 'input',
            label: { type: 'plain_text', text: 'l' },
            element: {
              type: 'static_select',
              action_id: 'x',
              options: Array.from({ length: 101 }, (_, i) => ({
                text: { type: 'plain_text', text: 'o'.repeat(76) },
                value: String(i),
              })),
            },
          },
        ],
      },
      'modal',
    );
    expect(problems.join('\n')).toMatch(/title: 31 characters > 24/);
    expect(problems.join('\n')).toMatch(/blocks\[0\]\.text: 151 characters > 150/);
    expect(problems.join('\n')).toMatch(/3001 characters > 3000/);
    expect(problems.join('\n')).toMatch(/block_id: 256 > 255/);
    expect(problems.join('\n')).toMatch(/76 characters > 75/);
    expect(problems.join('\n')).toMatch(/options: 101 > 100/);
    expect(
      blockKitProblems({ blocks: Array.from({ length: 51 }, () => ({ type: 'divider' })) }, 'message'),
    ).toEqual(['blocks: 51 > 50']);
  });
});

describe('which block an SLA error shows under', () => {
  it('maps each code to its field (the kit) and each field to its block', () => {
    const blockOf = (error: SlaErrorInfo) => {
      const field = fieldOfFailure({ kind: 'sla', error });
      return field ? FIELD[field] : null;
    };
    expect(blockOf({ code: 'unknown_country', params: {} })).toBe('country');
    expect(blockOf({ code: 'severity_not_available', params: {} })).toBe('severity');
    expect(blockOf({ code: 'time_zone_required', params: {} })).toBe('time_zone');
    expect(blockOf({ code: 'out_of_scope', params: { field: 'product' } })).toBe('product');
    expect(blockOf({ code: 'out_of_scope', params: { field: 'issueType' } })).toBe('issue_type');
    expect(blockOf({ code: 'invalid_language', params: {} })).toBe('language');
  });
});
