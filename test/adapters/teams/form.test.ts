// The form's own rules: what it requires, how it reads the date and time, where an SLA error shows.
import { describe, expect, it } from 'vitest';
import { defaultValues, errorField, parseForm } from '../../../adapters/teams/form.js';
import { translator } from '../../../src/i18n/index.js';
import type { SlaErrorCode } from '../../../src/sla/index.js';

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

describe('parseForm', () => {
  it('reads the SLA input, trimmed, opened now when date and time are empty', () => {
    const form = parseForm(
      t,
      'trackCase',
      { ...filled, subdivision: '', timeZone: 'Europe/Amsterdam', language: 'nl-NL', commit24x7: 'default' },
      NOW,
    );
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

  it('reads the date and time in the zone they were typed in (the client zone)', () => {
    const form = parseForm(t, 'trackCase', { ...filled, openedDate: '2026-03-24', openedTime: '10:30' }, NOW);
    expect(form.ok && form.input.openedAt).toBe(Date.parse('2026-03-24T09:30:00Z'));
    const timeOnly = parseForm(
      t,
      'trackCase',
      { ...filled, openedTime: '08:15', clientZone: 'America/New_York' },
      NOW,
    );
    expect(timeOnly.ok && timeOnly.input.openedAt).toBe(Date.parse('2026-03-24T12:15:00Z'));
  });

  it('maps the 24x7 choice: the severity default says nothing', () => {
    const yes = parseForm(t, 'checkSla', { ...filled, commit24x7: 'yes' }, NOW);
    const no = parseForm(t, 'checkSla', { ...filled, commit24x7: 'no' }, NOW);
    const byDefault = parseForm(t, 'checkSla', { ...filled, commit24x7: 'default' }, NOW);
    expect(yes.ok && yes.input.commit24x7).toBe(true);
    expect(no.ok && no.input.commit24x7).toBe(false);
    expect(byDefault.ok && 'commit24x7' in byDefault.input).toBe(false);
  });

  it('names each missing field; checkSla needs no case number', () => {
    const form = parseForm(t, 'trackCase', { plan: '', severity: 'A' }, NOW);
    expect(form.ok ? {} : form.errors).toEqual({
      caseNumber: 'Fill this in.',
      plan: 'Fill this in.',
      country: 'Fill this in.',
    });
    const check = parseForm(t, 'checkSla', { plan: 'premier', severity: 'A', country: 'NL' }, NOW);
    expect(check.ok).toBe(true);
  });

  it('an impossible date is an error beside the date and time, in the reader language', () => {
    const form = parseForm(
      translator('nl'),
      'trackCase',
      { ...filled, openedDate: '2026-02-30', openedTime: '10:00' },
      NOW,
    );
    expect(form.ok ? {} : form.errors).toEqual({
      openedAt: 'Geef een geldige datum en tijd op, of laat beide leeg voor nu.',
    });
  });

  it('data that is not an object reads as an empty form', () => {
    expect(parseForm(t, 'checkSla', 'nonsense', NOW).ok).toBe(false);
  });
});

describe('defaultValues', () => {
  it('starts from the client language and zone', () => {
    expect(defaultValues('nl-NL', 'Europe/Amsterdam', 'From a message')).toMatchObject({
      language: 'nl-NL',
      timeZone: 'Europe/Amsterdam',
      clientZone: 'Europe/Amsterdam',
      title: 'From a message',
    });
  });
});

describe('errorField', () => {
  it.each<[SlaErrorCode, Record<string, string>, string]>([
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
  ])('%s %j shows beside %s', (code, params, field) => {
    expect(errorField({ code, params })).toBe(field);
  });
});
