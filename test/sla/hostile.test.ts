// Hostile input to the core: wrong JSON types, prototype keys, huge values, far dates, and sequences
// that would poison a cache keyed carelessly. Every one gets a coded error (or the legitimately right
// answer), nothing throws, nothing is printed, and a rendered message stays short.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { translator } from '../../src/i18n/index.js';
import { errorText } from '../../src/messages/errors.js';
import {
  azurePolicy,
  type Evaluation,
  evaluate,
  type Policy,
  type SlaErrorInfo,
} from '../../src/sla/index.js';
import { iso, ms } from './factory.js';

const OPENED = '2026-03-30T10:00:00+02:00';
const AT = ms(OPENED);
const VALID = { plan: 'premier', severity: 'C', country: 'DE', openedAt: OPENED };
const t = translator('en');

function errorOf(evaluation: Evaluation): SlaErrorInfo {
  if (evaluation.ok) throw new Error(`expected an error, got ${JSON.stringify(evaluation.assessment)}`);
  return evaluation.error;
}

const refuse = (input: unknown, at = AT, policy: Policy = azurePolicy) =>
  errorOf(evaluate(input, at, policy));
const message = (error: SlaErrorInfo) => errorText(t, 'en', error);

// Nothing the core does with hostile input may reach the console (date-holidays' moment.js prints
// deprecation traces there when it is handed a year it cannot read).
let printed: string[] = [];
beforeEach(() => {
  printed = [];
  for (const method of ['log', 'warn', 'error', 'info'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      printed.push(args.map(String).join(' '));
    });
  }
});
afterEach(() => {
  vi.restoreAllMocks();
  expect(printed).toEqual([]);
});

describe('wrong JSON types get the field its own code and a wording about the type', () => {
  const hostile: Array<[string, unknown, string]> = [
    ['an object with toString', { toString: 1 }, 'a JSON object'],
    ['an object with valueOf', { valueOf: null, toString: null }, 'a JSON object'],
    ['a list', ['premier'], 'a list'],
    ['a number', 42, 'a number'],
    ['true', true, 'true or false'],
  ];
  const fields: Array<[string, string]> = [
    ['plan', 'unknown_plan'],
    ['severity', 'unknown_severity'],
    ['language', 'invalid_language'],
    ['country', 'unknown_country'],
    ['subdivision', 'unknown_subdivision'],
    ['timeZone', 'invalid_time_zone'],
    ['issueType', 'invalid_field'],
    ['product', 'invalid_field'],
  ];
  for (const [field, code] of fields) {
    it.each(hostile)(`${field}: %s -> ${code}`, (_, value, got) => {
      const error = refuse({ ...VALID, [field]: value });
      expect(error.code).toBe(code);
      expect(error.params).toMatchObject({ field, expected: 'text' });
      expect(message(error)).toBe(`The field "${field}" must be text, not ${got}.`);
    });
  }

  it.each(hostile.filter(([, value]) => typeof value !== 'number'))('openedAt: %s', (_, value, got) => {
    const error = refuse({ ...VALID, openedAt: value });
    expect(error.code).toBe('invalid_opened_at');
    expect(message(error)).toContain(`must be an ISO 8601 time with an offset`);
    expect(message(error)).toContain(`not ${got}.`);
  });

  it.each(['commit24x7', 'available24x7', 'waitingOnCustomer'])('%s must be true or false', (field) => {
    for (const value of ['yes', 1, { toString: 1 }, [true]]) {
      const error = refuse({ ...VALID, [field]: value });
      expect(error).toMatchObject({ code: 'invalid_field', params: { field, expected: 'true or false' } });
      expect(message(error)).toMatch(new RegExp(`^The field "${field}" must be true or false, not `));
    }
  });

  it('the input itself must be an object', () => {
    for (const value of [null, 'premier', 7, ['plan'], true, undefined]) {
      const error = refuse(value);
      expect(error).toMatchObject({ code: 'invalid_field', params: { field: 'input' } });
      expect(message(error)).toMatch(/^The input must be a JSON object, not /);
    }
  });
});

describe('prototype keys never reach inherited properties', () => {
  const keys = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf'];
  it.each(keys)('%s as a value of each looked-up field is refused', (key) => {
    expect(refuse({ ...VALID, plan: key }).code).toBe('unknown_plan');
    expect(refuse({ ...VALID, severity: key }).code).toBe('unknown_severity');
    expect(refuse({ ...VALID, issueType: key }).code).toBe('out_of_scope');
    expect(refuse({ ...VALID, product: key }).code).toBe('out_of_scope');
    expect(refuse({ ...VALID, country: key }).code).toBe('unknown_country');
    expect(refuse({ ...VALID, subdivision: key }).code).toBe('unknown_subdivision');
    expect(refuse({ ...VALID, timeZone: key }).code).toBe('invalid_time_zone');
    expect(refuse({ ...VALID, language: key }).code).toBe('invalid_language');
  });

  it('a JSON "__proto__" key is an own property, not a prototype, and is ignored like any unknown field', () => {
    const input = JSON.parse(
      '{"__proto__":{"plan":"premier","severity":"A"},"country":"DE","openedAt":"2026-03-30T10:00:00+02:00"}',
    );
    expect(refuse(input).code).toBe('unknown_plan');
    const withFields = JSON.parse(
      '{"__proto__":{"issueType":"advisory"},"plan":"std","severity":"C","country":"DE","openedAt":"2026-03-30T10:00:00+02:00"}',
    );
    expect(evaluate(withFields, AT, azurePolicy)).toMatchObject({
      ok: true,
      assessment: { issueType: 'technical' },
    });
  });

  it('fields inherited from a prototype are not read', () => {
    const input = Object.assign(Object.create({ plan: 'premier', severity: 'A' }), {
      country: 'DE',
      openedAt: OPENED,
    });
    expect(refuse(input).code).toBe('unknown_plan');
  });
});

describe('huge values are refused before any pattern sees them, and never echoed in full', () => {
  const huge = 'a'.repeat(5_000_000);
  it.each([
    ['plan', 'unknown_plan'],
    ['severity', 'unknown_severity'],
    ['language', 'invalid_language'],
    ['country', 'unknown_country'],
    ['subdivision', 'unknown_subdivision'],
    ['timeZone', 'invalid_time_zone'],
    ['issueType', 'invalid_field'],
    ['product', 'invalid_field'],
  ])('%s of 5 MB -> %s', (field, code) => {
    const error = refuse({ ...VALID, [field]: `en-${huge}` });
    expect(error).toMatchObject({ code, params: { field, length: 5_000_003, max: 100 } });
    expect(message(error)).toBe(
      `The field "${field}" is too long (5000003 characters): at most 100 are accepted.`,
    );
  });

  it('a long but bounded wrong value is shortened in the message', () => {
    const error = refuse({ ...VALID, plan: 'x'.repeat(100) });
    expect(error.code).toBe('unknown_plan');
    expect(message(error).length).toBeLessThan(300);
    expect(message(error)).toContain(`"${'x'.repeat(60)}…"`);
  });

  it('an openedAt of 5 MB is refused as not a time', () => {
    expect(refuse({ ...VALID, openedAt: `2026-03-30T10:00:00${' '.repeat(5_000_000)}Z` }).code).toBe(
      'invalid_opened_at',
    );
  });
});

describe('instants: 2000-01-01T00:00:00Z up to the end of 2099, years read as written', () => {
  it.each([
    ['0001-03-27T10:00:00Z'],
    ['0099-03-27T10:00:00Z'],
    ['1901-03-27T10:00:00Z'],
    ['1999-12-31T23:59:59Z'],
    ['2100-01-01T00:00:00Z'],
    ['9999-12-31T23:59:59Z'],
    [8.64e15],
    [-8.64e15],
    [1e300],
    [-1],
    [946_684_799_999],
    [4_102_444_800_000],
  ])('openedAt %j is out of range, with the range in the message', (value) => {
    const error = refuse({ ...VALID, openedAt: value });
    expect(error).toMatchObject({
      code: 'invalid_opened_at',
      params: { field: 'openedAt', value: String(value) },
    });
    expect(message(error)).toBe(
      `The field "openedAt" is ${value}, outside the accepted range: from 2000-01-01T00:00:00Z to 2099-12-31T23:59:59Z.`,
    );
  });

  it('the first and last instants of the range are accepted', () => {
    const first = evaluate({ ...VALID, severity: 'A', openedAt: '2000-01-01T00:00:00Z' }, AT, azurePolicy);
    expect(first.ok && first.assessment.openedAt).toBe(Date.UTC(2000, 0, 1));
    const last = evaluate({ ...VALID, openedAt: '2099-12-31T23:59:59.999Z' }, AT, azurePolicy);
    expect(last.ok && last.assessment.openedAt).toBe(Date.UTC(2100, 0, 1) - 1);
    // C in Berlin from New Year's Eve 2099: 240 business minutes from Friday 2100-01-01 (New Year, closed)
    // land on Monday 2100-01-04 13:00 CET.
    expect(last.ok && iso(last.assessment.deadline, 'Europe/Berlin')).toBe('2100-01-04T13:00:00+01:00');
  });

  it('non-finite and out-of-range `at` is invalid_at', () => {
    for (const at of [
      Number.NaN,
      Number.POSITIVE_INFINITY,
      -8.64e15,
      Date.UTC(2100, 0, 1),
      Date.UTC(1999, 0, 1),
    ]) {
      expect(refuse(VALID, at).code).toBe('invalid_at');
    }
  });

  it('non-finite epoch milliseconds and impossible dates are not times', () => {
    for (const openedAt of [
      '2026-02-30T10:00:00Z',
      '2026-03-30T24:00:00Z',
      '2026-03-30T10:00:00+19:00',
      '',
    ]) {
      expect(refuse({ ...VALID, openedAt }).code).toBe('invalid_opened_at');
    }
  });
});

describe('the worst accepted spans stay bounded', () => {
  it('opened at the start of the range and asked about at its end: counted up to 31 days after the deadline', () => {
    const input = { ...VALID, openedAt: '2000-01-03T10:00:00+01:00' };
    const end = evaluate(input, Date.UTC(2099, 11, 31, 12), azurePolicy);
    if (!end.ok) throw new Error(JSON.stringify(end.error));
    // Premier C, Monday 2000-01-03 10:00 Berlin + 240 business minutes = 14:00 the same day.
    expect(iso(end.assessment.deadline, 'Europe/Berlin')).toBe('2000-01-03T14:00:00+01:00');
    const month = evaluate(input, end.assessment.deadline + 31 * 86_400_000, azurePolicy);
    const later = evaluate(input, end.assessment.deadline + 32 * 86_400_000, azurePolicy);
    if (!month.ok || !later.ok) throw new Error('expected answers');
    // 2000-01-03 14:00 to 2000-02-03 14:00: 3 h on the 3rd, 22 weekdays of 8 h from Tuesday 4 January to
    // Wednesday 2 February (no holidays), 5 h on Thursday 3 February. Plus the 240 minutes before the deadline.
    expect(month.assessment.status.elapsedMinutes).toBe(240 + 60 * (3 + 22 * 8 + 5));
    expect(later.assessment.status.elapsedMinutes).toBe(month.assessment.status.elapsedMinutes);
    expect(end.assessment.status).toMatchObject({
      breached: true,
      remainingMinutes: 0,
      elapsedMinutes: month.assessment.status.elapsedMinutes,
    });
    // `running` and `resumesAt` still describe the real `at`: Thursday 2099-12-31 13:00 Berlin is open.
    expect(end.assessment.status.running).toBe(true);
  });
});

describe('caches never answer for a value they were not asked', () => {
  it('["FR"] is refused before and after "FR" has been read', () => {
    const listed = { ...VALID, country: ['FR'] };
    expect(refuse(listed).code).toBe('unknown_country');
    expect(evaluate({ ...VALID, country: 'FR' }, AT, azurePolicy).ok).toBe(true);
    expect(refuse(listed).code).toBe('unknown_country');
    expect(refuse({ ...VALID, country: 'FR', subdivision: ['IDF'] }).code).toBe('unknown_subdivision');
  });

  it('a language tag is mapped by each policy on its own', () => {
    const withoutFrench: Policy = {
      ...azurePolicy,
      id: 'without-french',
      supportLanguages: azurePolicy.supportLanguages.filter((language) => language !== 'fr'),
    };
    const french = { ...VALID, severity: 'C', language: 'fr' };
    const first = evaluate(french, AT, azurePolicy);
    const second = evaluate(french, AT, withoutFrench);
    const third = evaluate(french, AT, azurePolicy);
    expect(first.ok && first.assessment.requestedLanguage).toBe('fr');
    expect(second.ok && second.assessment.requestedLanguage).toBe('en');
    expect(third.ok && third.assessment.requestedLanguage).toBe('fr');
  });

  it('plan spellings are remembered per policy', () => {
    const renamed: Policy = {
      ...azurePolicy,
      id: 'renamed',
      plans: azurePolicy.plans.map((plan) =>
        plan.id === 'premier' ? { ...plan, aliases: ['unified'] } : plan,
      ),
    };
    expect(evaluate({ ...VALID, plan: 'Unified' }, AT, renamed).ok).toBe(true);
    expect(refuse({ ...VALID, plan: 'Unified' }).code).toBe('unknown_plan');
  });

  it('two policies with the same id keep their own calendars', () => {
    const early: Policy = {
      ...azurePolicy,
      businessHours: azurePolicy.businessHours.map((hours) =>
        hours.countries === '*' ? { ...hours, opens: '07:00' } : hours,
      ),
    };
    const sunrise = ms('2026-03-30T07:30:00+02:00');
    const inEarly = evaluate({ ...VALID, openedAt: sunrise }, sunrise, early);
    const inAzure = evaluate({ ...VALID, openedAt: sunrise }, sunrise, azurePolicy);
    expect(inEarly.ok && inEarly.assessment.status.running).toBe(true);
    expect(inAzure.ok && inAzure.assessment.status.running).toBe(false);
  });
});

describe('language tags: well-formed BCP 47 is accepted, private use and grandfathered included', () => {
  it.each([
    ['x-klingon', 'en'],
    ['i-default', 'en'],
    ['i-klingon', 'en'],
    ['en-x-internal', 'en'],
    ['en-GB-oed', 'en'],
    ['art-lojban', 'en'],
    ['zh-min-nan', 'en'],
    ['sgn-BE-FR', 'en'],
    ['de-CH-1996', 'de'],
    ['de-DE-u-co-phonebk', 'de'],
    ['zh-Hant-TW-x-private', 'zh-Hant'],
    ['ja-x-hant', 'ja'],
    ['es-419', 'es'],
    ['pt_BR', 'pt'],
  ])('%s -> %s', (language, expected) => {
    const answer = evaluate({ ...VALID, language }, AT, azurePolicy);
    expect(answer.ok && answer.assessment.requestedLanguage).toBe(expected);
  });

  it.each([
    'en--US',
    'en-',
    '-en',
    'x',
    'x-',
    'en-x-',
    'en-a',
    'en-a-b',
    'en-a-bb-a-cc',
    'english',
    'german',
    '12',
    'en US',
    'x-waytoolongsubtag',
    '$t(sla:error.invalid_json)',
  ])('%j -> invalid_language', (language) => {
    expect(refuse({ ...VALID, language }).code).toBe('invalid_language');
  });
});

describe('clockStartsAt: the clock counts from a later restart', () => {
  it('a restart after the opening moves the deadline and is in the answer', () => {
    // Premier C in Berlin, restarted Tuesday 2026-03-31 15:00: 2 h on Tuesday, 2 h on Wednesday -> 11:00.
    const answer = evaluate({ ...VALID, clockStartsAt: '2026-03-31T15:00:00+02:00' }, AT, azurePolicy);
    if (!answer.ok) throw new Error(JSON.stringify(answer.error));
    expect(iso(answer.assessment.clockStartsAt, 'Europe/Berlin')).toBe('2026-03-31T15:00:00+02:00');
    expect(iso(answer.assessment.deadline, 'Europe/Berlin')).toBe('2026-04-01T11:00:00+02:00');
    expect(answer.assessment.openedAt).toBe(AT);
    // At the opening the restarted clock has not started yet.
    expect(answer.assessment.status).toMatchObject({ running: false, elapsedMinutes: 0 });
    expect(iso(answer.assessment.status.resumesAt ?? 0, 'Europe/Berlin')).toBe('2026-03-31T15:00:00+02:00');
  });

  it('a restart before the opening is ignored: the clock never starts before the case', () => {
    const answer = evaluate({ ...VALID, clockStartsAt: '2026-03-01T10:00:00+01:00' }, AT, azurePolicy);
    expect(answer.ok && answer.assessment.clockStartsAt).toBe(AT);
    expect(answer.ok && iso(answer.assessment.deadline, 'Europe/Berlin')).toBe('2026-03-30T14:00:00+02:00');
  });

  it('a restart that is not a time, or out of range, is an invalid field', () => {
    for (const clockStartsAt of ['tomorrow', { toString: 1 }, '2100-01-01T00:00:00Z', Number.NaN]) {
      const error = refuse({ ...VALID, clockStartsAt });
      expect(error).toMatchObject({ code: 'invalid_field', params: { field: 'clockStartsAt' } });
      expect(message(error)).toContain('clockStartsAt');
    }
  });
});

describe('messages stay free of injected markup', () => {
  it('values that look like i18next syntax are repeated, not interpreted', () => {
    const error = refuse({ ...VALID, plan: '{{accepted}} $t(sla:error.invalid_json)' });
    expect(message(error)).toContain('"{{accepted}} $t(sla:error.invalid_json)"');
  });
});
