// The platform-neutral kit both chat adapters use (issue 11): every action runs through one
// exhaustive table, one reader turns form values into the core's input, one table places errors on
// fields, and the form's defaults come from the channel, never from the engineer's own client.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseReminderPlan } from '../../src/cases/reminder-config.js';
import { CaseService } from '../../src/cases/service.js';
import type { CaseErrorCode, CaseFailure, CaseView } from '../../src/cases/types.js';
import { CASE_ACTIONS, type CaseAction, isCaseAction, runCaseAction } from '../../src/chat/actions.js';
import { formDefaults } from '../../src/chat/defaults.js';
import { failureText } from '../../src/chat/failures.js';
import { CASE_FIELDS, FIRST_FIELDS, MORE_FIELDS, readCaseForm } from '../../src/chat/form.js';
import { failureErrors, fieldOfFailure, problemErrors, summaryLines } from '../../src/chat/form-errors.js';
import { INTERFACE_LANGUAGES, translator } from '../../src/i18n/index.js';
import { NOTE_EVENTS } from '../../src/reminders/notices.js';
import { azurePolicy, type SlaErrorCode } from '../../src/sla/index.js';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/store.js';
import { LEAK } from '../i18n/leak.js';

const T0 = Date.parse('2026-03-24T09:00:00Z');
const ann = { id: 'U1', name: 'Ann', locale: 'en' };
let now = T0;
let store: Store;
let cases: CaseService;

beforeAll(async () => {
  store = openStore('sqlite::memory:');
  await store.migrate();
  cases = new CaseService({
    store,
    clock: { now: () => now },
    reminders: parseReminderPlan('50%,breach').points,
  });
});
afterAll(() => store.close());

let numbers = 0;
async function open(channelId = 'C', input: Record<string, unknown> = {}): Promise<CaseView> {
  const result = await cases.open({
    tenantId: 'T',
    platform: 'slack',
    channelId,
    conversation: null,
    caseNumber: `26032400100${String(++numbers).padStart(5, '0')}`,
    title: 'VMs down',
    input: { plan: 'premier', severity: 'A', country: 'NL', openedAt: now, ...input },
    openedBy: ann,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.failure));
  return result.view;
}

describe('actions', () => {
  it('every action the cards offer runs, changes the case and names a thread note of the vocabulary', async () => {
    const seen = new Set<CaseAction>();
    const run = async (action: CaseAction, caseId: string, extra = {}) => {
      seen.add(action);
      const outcome = await runCaseAction(cases, action, { tenantId: 'T', caseId, actor: ann, ...extra });
      expect(outcome.result.ok, action).toBe(true);
      expect(NOTE_EVENTS).toContain(outcome.note.event);
      return outcome;
    };
    now = T0;
    const a = await open();
    await run('waiting_on_us', a.record.id);
    await run('we_answered', a.record.id);
    await run('not_available_24x7', a.record.id);
    await run('available_24x7', a.record.id);
    const changed = await run('change_severity', a.record.id, { severity: 'B' });
    expect(changed.note.data).toEqual({ from: 'A', to: 'B' });
    now = T0 + 10 * 60_000;
    await run('respond_now', a.record.id);
    await run('reopen', a.record.id);
    await run('respond_at', a.record.id, { respondedAt: T0 + 5 * 60_000 });
    await run('close', a.record.id);
    expect([...seen].sort()).toEqual([...CASE_ACTIONS].sort());
  });

  it('an action without the value it needs is refused with the field it lacks, and nothing changes', async () => {
    const view = await open();
    const noTime = await runCaseAction(cases, 'respond_at', {
      tenantId: 'T',
      caseId: view.record.id,
      actor: ann,
      respondedAt: null,
    });
    expect(noTime.result).toEqual({
      ok: false,
      failure: { kind: 'case', code: 'invalid_case', params: { field: 'respondedAt' } },
    });
    const noSeverity = await runCaseAction(cases, 'change_severity', {
      tenantId: 'T',
      caseId: view.record.id,
      actor: ann,
    });
    expect(noSeverity.result.ok).toBe(false);
    expect((await cases.get('T', view.record.id))?.record.version).toBe(view.record.version);
    const t = translator('de');
    if (!noTime.result.ok) expect(failureText(t, 'de', noTime.result.failure)).toMatch(/Datum und Uhrzeit/);
  });

  it('names that are not actions are not taken for one (prototype keys included)', () => {
    for (const name of ['frob', '__proto__', 'constructor', 'toString', '', 'refresh', 42, null])
      expect(isCaseAction(name)).toBe(false);
    for (const name of CASE_ACTIONS) expect(isCaseAction(name)).toBe(true);
  });
});

describe('the form', () => {
  it('every field is either first or under more options, the required ones first', () => {
    expect([...FIRST_FIELDS, ...MORE_FIELDS].sort()).toEqual([...CASE_FIELDS].sort());
    expect(FIRST_FIELDS).toEqual(['caseNumber', 'title', 'plan', 'severity', 'country']);
  });

  it('reads plain values into the core input; a blank is absent, not empty', () => {
    const form = readCaseForm(
      {
        caseNumber: ' 7 ',
        title: ' x ',
        plan: 'premier',
        severity: 'A',
        country: 'NL',
        language: ' ',
        commit24x7: 'no',
      },
      'track',
      T0,
    );
    expect(form).toEqual({
      ok: true,
      caseNumber: '7',
      title: 'x',
      input: {
        plan: 'premier',
        severity: 'A',
        country: 'NL',
        language: undefined,
        timeZone: undefined,
        subdivision: undefined,
        openedAt: T0,
        issueType: undefined,
        product: undefined,
        commit24x7: false,
      },
    });
  });

  it('names every problem of the form at once', () => {
    expect(readCaseForm({ openedAt: 'invalid' }, 'track', T0)).toEqual({
      ok: false,
      problems: {
        caseNumber: 'missing',
        title: 'missing',
        plan: 'missing',
        severity: 'missing',
        country: 'missing',
        openedAt: 'invalid',
      },
    });
  });
});

describe('errors on the form', () => {
  // One table for both platforms: Slack and Teams used to disagree on `invalid_field`.
  it.each<[SlaErrorCode, Record<string, string>, string | null]>([
    ['unknown_plan', {}, 'plan'],
    ['unknown_severity', {}, 'severity'],
    ['severity_not_available', {}, 'severity'],
    ['unknown_country', {}, 'country'],
    ['unknown_subdivision', {}, 'subdivision'],
    ['time_zone_required', {}, 'timeZone'],
    ['invalid_time_zone', {}, 'timeZone'],
    ['invalid_language', {}, 'language'],
    ['out_of_scope', { field: 'product' }, 'product'],
    ['out_of_scope', { field: 'issueType' }, 'issueType'],
    ['out_of_scope', {}, 'issueType'],
    ['invalid_opened_at', {}, 'openedAt'],
    ['invalid_field', { field: 'commit24x7' }, 'commit24x7'],
    ['invalid_field', { field: 'product' }, 'product'],
    ['invalid_field', { field: 'clockStartsAt' }, null],
    ['invalid_field', { field: '__proto__' }, null],
    ['invalid_at', {}, null],
  ])('SLA %s %j shows beside %s', (code, params, field) => {
    expect(fieldOfFailure({ kind: 'sla', error: { code, params } })).toBe(field);
  });

  it.each<[CaseErrorCode, Record<string, string>, string | null]>([
    ['opened_in_future', {}, 'openedAt'],
    ['invalid_case', { field: 'caseNumber' }, 'caseNumber'],
    ['invalid_case', { field: 'constructor' }, null],
    ['duplicate', {}, 'caseNumber'],
    ['conflict', {}, null],
    ['not_found', {}, null],
  ])('case %s %j shows beside %s', (code, params, field) => {
    expect(fieldOfFailure({ kind: 'case', code, params })).toBe(field);
  });

  it('Developer with severity A says why and offers the highest severity there is', () => {
    const failure: CaseFailure = {
      kind: 'sla',
      error: { code: 'severity_not_available', params: { plan: 'developer', severity: 'A', highest: 'C' } },
    };
    const errors = failureErrors(translator('en'), 'en', failure);
    expect(errors.fields.severity).toMatch(/Choose severity C to register the case\.$/);
  });

  it('the summary lists every problem in the form’s order, labelled, then those of no field', () => {
    const t = translator('en');
    const errors = {
      fields: { ...problemErrors(t, { country: 'missing', caseNumber: 'missing' }).fields },
      general: ['Someone else changed this case at the same moment: try again.'],
    };
    expect(summaryLines(errors, (field) => field.toUpperCase())).toEqual([
      'CASENUMBER: Give the case number, for example 2603270010001234.',
      "COUNTRY: Give the customer's country, for example NL, DE or US.",
      'Someone else changed this case at the same moment: try again.',
    ]);
  });

  it('every refusal reads as a sentence in every language', () => {
    const failures: CaseFailure[] = [
      ...(
        [
          'not_found',
          'conflict',
          'duplicate',
          'opened_in_future',
          'response_in_future',
          'response_before_opening',
        ] as const
      ).map((code): CaseFailure => ({ kind: 'case', code, params: {} })),
      ...['open', 'responded', 'closed', 'unknown'].map(
        (state): CaseFailure => ({ kind: 'case', code: 'invalid_state', params: { state } }),
      ),
      { kind: 'case', code: 'invalid_case', params: { field: 'title' } },
      { kind: 'case', code: 'invalid_case', params: { field: 'respondedAt' } },
      { kind: 'case', code: 'invalid_case', params: { field: 'severity' } },
    ];
    for (const language of INTERFACE_LANGUAGES) {
      const t = translator(language);
      for (const failure of failures) expect(failureText(t, language, failure)).not.toMatch(LEAK);
    }
  });
});

describe('form defaults', () => {
  it("come from the channel's last case: the customer, not what this case is about", async () => {
    now = T0;
    await open('C-DEF', {
      country: 'DE',
      timeZone: 'Europe/Berlin',
      language: 'de',
      severity: 'B',
      plan: 'standard',
    });
    now = T0 + 60_000;
    const last = await open('C-DEF', {
      country: 'JP',
      language: 'ja',
      subdivision: undefined,
      severity: 'C',
    });
    const defaults = await formDefaults(store, azurePolicy, { tenantId: 'T', channelId: 'C-DEF' });
    expect(defaults.from).toEqual({ caseNumber: last.record.caseNumber, title: 'VMs down' });
    expect(defaults.values).toEqual({
      plan: 'premier',
      country: 'JP',
      language: 'ja',
      issueType: azurePolicy.defaultIssueType,
      product: azurePolicy.defaultProduct,
      commit24x7: 'default',
    });
  });

  it('leave the customer empty in a channel without cases: nothing from the engineer’s client', async () => {
    const defaults = await formDefaults(
      store,
      azurePolicy,
      { tenantId: 'T', channelId: 'C-EMPTY' },
      { title: 'From a message' },
    );
    expect(defaults).toEqual({
      values: {
        issueType: azurePolicy.defaultIssueType,
        product: azurePolicy.defaultProduct,
        commit24x7: 'default',
        title: 'From a message',
      },
      from: null,
    });
  });

  it('another tenant’s channel of the same id gives nothing', async () => {
    const defaults = await formDefaults(store, azurePolicy, { tenantId: 'OTHER', channelId: 'C-DEF' });
    expect(defaults.from).toBeNull();
  });
});
