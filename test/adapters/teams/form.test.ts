// The Teams form: what it sends back read into the kit's plain values (the date and time in the zone
// they were typed in), and the card itself: required fields first, the rest under "More options",
// a summary on top and each problem beside its field.
import { describe, expect, it } from 'vitest';
import { formCard, formValues, MORE_OPTIONS, readFormData } from '../../../adapters/teams/form.js';
import { readCaseForm } from '../../../src/chat/form.js';
import { failureErrors, problemErrors } from '../../../src/chat/form-errors.js';
import { translator } from '../../../src/i18n/index.js';
import { azurePolicy } from '../../../src/sla/index.js';
import { cardText } from '../../support/adaptive-cards.js';

const t = translator('en');
const NOW = Date.parse('2026-03-24T09:00:00Z');
const filled = {
  caseNumber: ' 123 ',
  title: ' VMs down ',
  plan: 'premier',
  severity: 'A',
  country: 'NL',
  clientZone: 'Europe/Amsterdam',
};
const read = (data: unknown, purpose: 'track' | 'check' = 'track') =>
  readCaseForm(formValues(readFormData(data), NOW), purpose, NOW);

type Json = Record<string, unknown>;
const body = (card: { body: unknown[] }) => card.body as Json[];

describe('the submitted form', () => {
  it('reads the SLA input, trimmed, opened now when date and time are empty', () => {
    const form = read({
      ...filled,
      subdivision: '',
      timeZone: 'Europe/Amsterdam',
      language: 'nl-NL',
      commit24x7: 'default',
    });
    expect(form).toMatchObject({ ok: true, caseNumber: '123', title: 'VMs down' });
    if (!form.ok) return;
    expect(form.input).toEqual({
      plan: 'premier',
      severity: 'A',
      country: 'NL',
      subdivision: undefined,
      timeZone: 'Europe/Amsterdam',
      language: 'nl-NL',
      openedAt: NOW,
      issueType: undefined,
      product: undefined,
    });
  });

  it('reads the date and time in the zone they were typed in (the person’s own)', () => {
    const form = read({ ...filled, openedDate: '2026-03-24', openedTime: '10:30' });
    expect(form.ok && form.input.openedAt).toBe(Date.parse('2026-03-24T09:30:00Z'));
    const timeOnly = read({ ...filled, openedTime: '08:15', clientZone: 'America/New_York' });
    expect(timeOnly.ok && timeOnly.input.openedAt).toBe(Date.parse('2026-03-24T12:15:00Z'));
  });

  it('maps the 24x7 choice: the severity default says nothing', () => {
    const yes = read({ ...filled, commit24x7: 'yes' }, 'check');
    const no = read({ ...filled, commit24x7: 'no' }, 'check');
    const byDefault = read({ ...filled, commit24x7: 'default' }, 'check');
    expect(yes.ok && yes.input.commit24x7).toBe(true);
    expect(no.ok && no.input.commit24x7).toBe(false);
    expect(byDefault.ok && 'commit24x7' in byDefault.input).toBe(false);
  });

  it('names each missing field (a case needs its title, as in Slack); checkSla needs no case number', () => {
    const form = read({ plan: '', severity: 'A' });
    expect(form.ok ? {} : problemErrors(t, form.problems).fields).toEqual({
      caseNumber: 'Give the case number, for example 2603270010001234.',
      title: 'Give the case a short title.',
      plan: "Choose the customer's support plan.",
      country: "Give the customer's country, for example NL, DE or US.",
    });
    expect(read({ plan: 'premier', severity: 'A', country: 'NL' }, 'check').ok).toBe(true);
  });

  it('an impossible date is an error beside the date and time, in the reader language', () => {
    const form = read({ ...filled, openedDate: '2026-02-30', openedTime: '10:00' });
    expect(form.ok ? {} : problemErrors(translator('nl'), form.problems).fields).toEqual({
      openedAt: 'Geef een geldige datum en tijd op, of laat beide leeg voor nu.',
    });
  });

  it('data that is not the form’s reads as an empty form', () => {
    expect(read('nonsense', 'check').ok).toBe(false);
    expect(read({ plan: { toString: 1 }, severity: 'A', country: 'NL' }, 'check').ok).toBe(false);
    expect(read({ ...filled, caseNumber: 'x'.repeat(10_000) }).ok).toBe(false);
  });
});

describe('the form card', () => {
  it('shows the required fields first and the rest in a hidden "More options" container', () => {
    const card = formCard(t, { command: 'trackCase', data: {}, policy: azurePolicy });
    const ids = body(card)
      .filter((e) => typeof e.id === 'string')
      .map((e) => e.id);
    expect(ids).toEqual(['caseNumber', 'title', 'plan', 'severity', 'country', MORE_OPTIONS]);
    const more = body(card).find((e) => e.id === MORE_OPTIONS) as { isVisible: boolean; items: Json[] };
    expect(more.isVisible).toBe(false);
    expect(more.items.map((e) => e.id).filter(Boolean)).toEqual([
      'language',
      'timeZone',
      'subdivision',
      'commit24x7',
      'openedDate',
      'openedTime',
      'issueType',
      'product',
    ]);
    const toggle = body(card).find((e) => e.type === 'ActionSet') as { actions: Json[] };
    expect(toggle.actions[0]).toMatchObject({
      type: 'Action.ToggleVisibility',
      targetElements: [MORE_OPTIONS],
    });
  });

  it('says where the customer details came from, or that there were none', () => {
    const from = formCard(t, { command: 'trackCase', data: { from: '42: VMs down' }, policy: azurePolicy });
    expect(cardText(from)).toContain("this channel's last case, 42: VMs down");
    expect(cardText(formCard(t, { command: 'trackCase', data: {}, policy: azurePolicy }))).toContain(
      'No earlier case in this channel',
    );
  });

  it('after a mistake: a summary on top, each problem beside its field, "More options" open where needed', () => {
    const errors = failureErrors(t, 'en', {
      kind: 'sla',
      error: { code: 'invalid_time_zone', params: { value: 'Mars/Olympus' } },
    });
    const card = formCard(t, {
      command: 'trackCase',
      data: { timeZone: 'Mars/Olympus' },
      policy: azurePolicy,
      errors,
    });
    const [summary] = body(card) as Array<{ style?: string; items?: Json[] }>;
    expect(summary?.style).toBe('attention');
    expect(String(summary?.items?.[0]?.text)).toBe('1 thing to fix before the case can be saved:');
    expect(String(summary?.items?.[1]?.text)).toMatch(/^• Customer's time zone: .*Mars\/Olympus/);
    const more = body(card).find((e) => e.id === MORE_OPTIONS) as { isVisible: boolean; items: Json[] };
    expect(more.isVisible).toBe(true);
    const at = more.items.findIndex((e) => e.id === 'timeZone');
    expect(more.items[at + 1]).toMatchObject({ type: 'TextBlock', color: 'attention' });
    expect(String(more.items[at + 1]?.text)).toMatch(/Mars\/Olympus/);
  });

  it('a problem that belongs to no field is said in the summary only', () => {
    const errors = failureErrors(t, 'en', { kind: 'case', code: 'conflict', params: {} });
    expect(errors).toEqual({
      fields: {},
      general: ['Someone else changed this case at the same moment: try again.'],
    });
    const card = formCard(t, { command: 'trackCase', data: {}, policy: azurePolicy, errors });
    expect(cardText(card)).toContain('Someone else changed this case');
  });
});
