// The policy is checked when built, by named rules: each rule has a broken policy here that is
// refused with that rule and the place named. The built-in policy is built the same way.
import { describe, expect, it } from 'vitest';
import { missingLabels } from '../../src/policy-file.js';
import { azurePolicy, buildPolicy, evaluate, type Policy, type PolicyProblem } from '../../src/sla/index.js';
import { iso, ms } from './factory.js';

/** The built-in policy as plain, changeable data. */
function azureData() {
  return JSON.parse(JSON.stringify(azurePolicy));
}

function problemsOf(change: (data: ReturnType<typeof azureData>) => void): PolicyProblem[] {
  const data = azureData();
  change(data);
  const built = buildPolicy(data);
  if (built.ok) throw new Error('expected the policy to be refused');
  return built.problems;
}

function built(change: (data: ReturnType<typeof azureData>) => void): Policy {
  const data = azureData();
  change(data);
  const result = buildPolicy(data);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.policy;
}

describe('the built-in policy', () => {
  it('passes every rule, is frozen, and has a label for every id in every locale', () => {
    expect(buildPolicy(azureData()).ok).toBe(true);
    expect(Object.isFrozen(azurePolicy.businessHours[0])).toBe(true);
    expect(missingLabels(azurePolicy)).toEqual([]);
  });
});

const cases: Array<[string, string, (data: ReturnType<typeof azureData>) => void]> = [
  ['field_type', 'plans', (d) => (d.plans = 'premier')],
  ['field_missing', 'clocks', (d) => delete d.clocks],
  ['field_known', 'buisnessHours', (d) => (d.buisnessHours = [])],
  ['field_known', 'businessHours[0].closing', (d) => (d.businessHours[0].closing = '18:00')],
  ['id_format', 'plans[0].id', (d) => (d.plans[0].id = 'Developer')],
  ['id_once', 'plans[1].id', (d) => (d.plans[1].id = 'developer')],
  ['id_once', 'businessHours[1].id', (d) => (d.businessHours[1].id = 'north-america')],
  ['severities_all', 'severities', (d) => (d.severities = ['A', 'B'])],
  ['plan_every_severity', 'plans[0].targets.C', (d) => delete d.plans[0].targets.C],
  ['target_minutes', 'plans[1].targets.A', (d) => (d.plans[1].targets.A = 0)],
  ['target_minutes', 'plans[1].targets.B', (d) => (d.plans[1].targets.B = '240')],
  ['target_minutes', 'plans[1].targets.C', (d) => (d.plans[1].targets.C = 480.5)],
  ['plan_offers_severity', 'plans[0].targets', (d) => (d.plans[0].targets = { A: null, B: null, C: null })],
  ['alias_once', 'plans[1].aliases[0]', (d) => (d.plans[1].aliases = ['Dev'])],
  ['alias_once', 'plans[2].aliases[1]', (d) => (d.plans[2].aliases = ['pro-direct', 'Pro Direct'])],
  ['clock_every_severity', 'clocks.B', (d) => delete d.clocks.B],
  ['severity_known', 'clocks.A.downgradeTo', (d) => (d.clocks.A.downgradeTo = 'D')],
  ['language_known', 'supportLanguages[9]', (d) => d.supportLanguages.push('nl')],
  ['language_once', 'supportLanguages[9]', (d) => d.supportLanguages.push('en')],
  ['language_supported', 'clocks.A.languages24x7[1]', (d) => (d.clocks.A.languages24x7 = ['en', 'nl'])],
  ['fallback_language', 'fallbackLanguage', (d) => (d.fallbackLanguage = 'nl')],
  ['hours_wildcard_once', 'businessHours', (d) => d.businessHours.pop()],
  ['hours_wildcard_once', 'businessHours', (d) => (d.businessHours[2].countries = '*')],
  ['country_known', 'businessHours[0].countries[0]', (d) => (d.businessHours[0].countries = ['USA'])],
  ['country_once', 'businessHours[1].countries[1]', (d) => (d.businessHours[1].countries = ['JP', 'US'])],
  ['weekdays_valid', 'businessHours[0].weekdays', (d) => (d.businessHours[0].weekdays = [0, 1])],
  ['weekdays_valid', 'businessHours[0].weekdays', (d) => (d.businessHours[0].weekdays = [1, 1])],
  ['weekdays_valid', 'businessHours[0].weekdays', (d) => (d.businessHours[0].weekdays = [])],
  ['time_format', 'businessHours[3].opens', (d) => (d.businessHours[3].opens = '9:00')],
  ['time_format', 'businessHours[3].closes', (d) => (d.businessHours[3].closes = '24:30')],
  [
    'hours_order',
    'businessHours[0].opens',
    (d) => Object.assign(d.businessHours[0], { opens: '18:00', closes: '06:00' }),
  ],
  ['zone_valid', 'businessHours[0].timeZone', (d) => (d.businessHours[0].timeZone = 'America/Los_Angles')],
  ['zone_valid', 'businessHours[0].timeZone', (d) => (d.businessHours[0].timeZone = '+01:00')],
  ['holiday_type_known', 'holidayTypes[1]', (d) => (d.holidayTypes = ['public', 'federal'])],
  ['region_known', 'holidayAdjustments[0].region', (d) => (d.holidayAdjustments[0].region = 'USA')],
  ['region_known', 'holidayAdjustments[0].region', (d) => (d.holidayAdjustments[0].region = 'US-XX')],
  [
    'region_once',
    'holidayAdjustments[1].region',
    (d) => d.holidayAdjustments.push({ region: 'US', drop: [], add: [] }),
  ],
  [
    'holiday_known',
    'holidayAdjustments[0].drop[0]',
    (d) => (d.holidayAdjustments[0].drop = ['Columbus day']),
  ],
  ['date_format', 'holidayAdjustments[0].drop[0]', (d) => (d.holidayAdjustments[0].drop = ['2026-02-30'])],
  [
    'date_format',
    'holidayAdjustments[0].add[0].date',
    (d) => (d.holidayAdjustments[0].add = [{ name: 'x', date: '13-01' }]),
  ],
  [
    'date_format',
    'holidayAdjustments[0].add[0].since',
    (d) => (d.holidayAdjustments[0].add = [{ name: 'x', date: '2026-12-24', since: 2026 }]),
  ],
  [
    'date_format',
    'holidayAdjustments[0].add[0].until',
    (d) => (d.holidayAdjustments[0].add = [{ name: 'x', date: '12-24', since: 2030, until: 2026 }]),
  ],
  ['issue_type_known', 'issueTypes.support', (d) => (d.issueTypes.support = 'all')],
  ['plan_known', 'issueTypes.advisory[1]', (d) => (d.issueTypes.advisory = ['premier', 'gold'])],
  ['product_known', 'products.onprem', (d) => (d.products.onprem = 'covered')],
  ['product_terms', 'products.azure-ga', (d) => (d.products['azure-ga'] = 'yes')],
  ['default_issue_type', 'defaultIssueType', (d) => (d.defaultIssueType = 'advisory')],
  ['default_product', 'defaultProduct', (d) => (d.defaultProduct = 'onprem')],
];

describe('a broken policy is refused with the rule and the place named', () => {
  it.each(cases)('%s at %s', (rule, path, change) => {
    expect(problemsOf(change)).toContainEqual(expect.objectContaining({ rule, path }));
  });

  it('every named rule has a case here', async () => {
    const source = await import('node:fs').then((fs) =>
      fs.readFileSync(new URL('../../src/sla/policy/findings.ts', import.meta.url), 'utf8'),
    );
    const named = [
      ...(source.split('export type RuleName =')[1]?.split(';')[0] ?? '').matchAll(/'(\w+)'/g),
    ].map((m) => m[1]);
    expect(named.length).toBeGreaterThan(30);
    expect(named.filter((rule) => !cases.some(([tested]) => tested === rule))).toEqual([]);
  });

  it('reports every problem, with the value found', () => {
    const problems = problemsOf((d) => {
      d.businessHours[0].timeZone = 'Europe/Berln';
      d.businessHours[3].opens = '9:00';
    });
    expect(problems).toEqual([
      { rule: 'zone_valid', path: 'businessHours[0].timeZone', value: '"Europe/Berln"' },
      { rule: 'time_format', path: 'businessHours[3].opens', value: '"9:00"' },
    ]);
  });

  it('prototype keys in the data are keys like any other', () => {
    const data = JSON.parse(JSON.stringify(azurePolicy).replace('"billing":"all"', '"__proto__":"all"'));
    expect(buildPolicy(data)).toMatchObject({
      ok: false,
      problems: [{ rule: 'issue_type_known', path: 'issueTypes.__proto__' }],
    });
    expect(buildPolicy(null)).toMatchObject({
      ok: false,
      problems: [{ rule: 'field_type', path: 'policy' }],
    });
    expect(buildPolicy([])).toMatchObject({ ok: false, problems: [{ rule: 'field_type', path: 'policy' }] });
  });

  it('label_every_locale (the loader): an id without a label in every language is named', () => {
    const unified = built((d) =>
      d.plans.push({ id: 'unified', aliases: [], targets: { A: 60, B: 120, C: 240 } }),
    );
    expect(missingLabels(unified)).toEqual([
      {
        rule: 'label_every_locale',
        path: 'plans[5].id',
        value: '"unified" (no label in en, nl, de, fr, es, it, pt, ja, ko, zh-Hant)',
      },
    ]);
  });
});

describe('holiday adjustments: an operator drops and adds named holidays per country or subdivision', () => {
  const C = { plan: 'premier', severity: 'C' };

  it('a dropped name reopens the day; an added yearly date closes it from its first year', () => {
    // Taiwan's Teachers' Day, 28 September, is a public holiday since 2025 (date-holidays misses it).
    const taiwan = built((d) =>
      d.holidayAdjustments.push({
        region: 'TW',
        drop: [],
        add: [{ name: "Teachers' Day", date: '09-28', since: 2025 }],
      }),
    );
    // Monday 2026-09-28 09:00 Taipei, 240 minutes: closed all day, so Tuesday 09:00-13:00.
    const opened = ms('2026-09-28T09:00:00+08:00');
    const answer = evaluate({ ...C, country: 'TW', openedAt: opened }, opened, taiwan);
    expect(answer.ok && iso(answer.assessment.deadline, 'Asia/Taipei')).toBe('2026-09-29T13:00:00+08:00');
    // 2024 is before `since`: Friday 2024-09-27 16:00, 1 h on Friday and 3 h on Monday 30 September.
    const before = ms('2024-09-27T16:00:00+08:00');
    const old = evaluate({ ...C, country: 'TW', openedAt: before }, before, taiwan);
    expect(old.ok && iso(old.assessment.deadline, 'Asia/Taipei')).toBe('2024-09-30T12:00:00+08:00');
  });

  it('a subdivision adjustment applies there only, on top of the country', () => {
    // Queensland closes Christmas Eve in date-holidays; an operator reopens it, by name, for QLD only.
    const open = built((d) =>
      d.holidayAdjustments.push({ region: 'AU-QLD', drop: ['Christmas Eve'], add: [] }),
    );
    const eve = ms('2026-12-24T09:00:00+10:00');
    const qld = { ...C, country: 'AU', subdivision: 'QLD', timeZone: 'Australia/Brisbane', openedAt: eve };
    const before = evaluate(qld, eve, azurePolicy);
    const after = evaluate(qld, eve, open);
    expect(before.ok && before.assessment.status.running).toBe(false);
    expect(after.ok && after.assessment.status.running).toBe(true);
    expect(after.ok && iso(after.assessment.deadline, 'Australia/Brisbane')).toBe(
      '2026-12-24T13:00:00+10:00',
    );
  });

  it('one date dropped and another added moves a holiday (Seollal one day late in 2026)', () => {
    const moved = built((d) =>
      d.holidayAdjustments.push({
        region: 'KR',
        drop: ['2026-02-19'],
        add: [{ name: 'Seollal', date: '2026-02-16' }],
      }),
    );
    const monday = ms('2026-02-16T09:00:00+09:00');
    const thursday = ms('2026-02-19T09:00:00+09:00');
    const kr = { ...C, country: 'KR' };
    const mondayAnswer = evaluate({ ...kr, openedAt: monday }, monday, moved);
    const thursdayAnswer = evaluate({ ...kr, openedAt: thursday }, thursday, moved);
    expect(mondayAnswer.ok && mondayAnswer.assessment.status.running).toBe(false);
    expect(thursdayAnswer.ok && thursdayAnswer.assessment.status.running).toBe(true);
  });
});
