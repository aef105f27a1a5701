import { buildPolicy } from './build.js';
import type { Policy } from './types.js';

/** Microsoft's published Azure support responsiveness (SLA-RULES.md), as data. */
const AZURE = {
  id: 'azure',
  plans: [
    { id: 'developer', aliases: ['dev'], targets: { A: null, B: null, C: 480 } },
    { id: 'standard', aliases: ['std'], targets: { A: 60, B: 240, C: 480 } },
    {
      id: 'professional-direct',
      aliases: ['prodirect', 'pro-direct'],
      targets: { A: 60, B: 120, C: 240 },
    },
    { id: 'premier', aliases: [], targets: { A: 60, B: 120, C: 240 } },
    {
      id: 'rapid-response',
      aliases: ['arr', 'azure-rapid-response'],
      targets: { A: 15, B: 120, C: 240 },
    },
  ],
  severities: ['A', 'B', 'C'],
  clocks: {
    A: {
      languages24x7: ['en', 'ja'],
      needs24x7Choice: false,
      committedByDefault: true,
      downgradeTo: 'B',
      contactDetailsNote: true,
    },
    B: {
      languages24x7: ['en'],
      needs24x7Choice: true,
      committedByDefault: false,
      downgradeTo: 'C',
      contactDetailsNote: true,
    },
    C: {
      languages24x7: [],
      needs24x7Choice: false,
      committedByDefault: false,
      downgradeTo: null,
      contactDetailsNote: false,
    },
  },
  supportLanguages: ['en', 'es', 'fr', 'de', 'it', 'pt', 'zh-Hant', 'ko', 'ja'],
  fallbackLanguage: 'en',
  businessHours: [
    {
      id: 'north-america',
      countries: ['US', 'CA'],
      weekdays: [1, 2, 3, 4, 5],
      opens: '06:00',
      closes: '18:00',
      timeZone: 'America/Los_Angeles',
    },
    {
      id: 'japan',
      countries: ['JP'],
      weekdays: [1, 2, 3, 4, 5],
      opens: '09:00',
      closes: '17:30',
      timeZone: 'Asia/Tokyo',
    },
    // China keeps one official time, Beijing time (UTC+8), although the tz database also lists
    // Asia/Urumqi: Microsoft's Chinese tickets run on Beijing hours (SLA-RULES §11).
    {
      id: 'china',
      countries: ['CN'],
      weekdays: [1, 2, 3, 4, 5],
      opens: '09:00',
      closes: '17:00',
      timeZone: 'Asia/Shanghai',
    },
    // Every Austrian ticket Microsoft answered opened at 08:00 (SLA-RULES §11); closing is not shown: 17:00.
    {
      id: 'austria',
      countries: ['AT'],
      weekdays: [1, 2, 3, 4, 5],
      opens: '08:00',
      closes: '17:00',
      timeZone: 'local',
    },
    {
      id: 'default',
      countries: '*',
      weekdays: [1, 2, 3, 4, 5],
      opens: '09:00',
      closes: '17:00',
      timeZone: 'local',
    },
  ],
  holidayTypes: ['public'],
  holidayAdjustments: [
    // Microsoft's US holidays, not the federal list: open on Columbus Day and Veterans Day (SLA-RULES §11).
    { region: 'US', drop: ['Columbus Day', 'Veterans Day'], add: [] },
  ],
  issueTypes: {
    technical: 'all',
    billing: 'all',
    'subscription-management': 'all',
    'technical-compensation': 'all',
    advisory: ['professional-direct', 'premier'],
    proactive: ['professional-direct', 'premier'],
    'account-management': ['professional-direct', 'premier'],
  },
  products: {
    'azure-ga': 'covered',
    'azure-preview': 'covered',
    'non-microsoft': 'covered',
    'other-channel': 'agreement-terms',
  },
  defaultIssueType: 'technical',
  defaultProduct: 'azure-ga',
};

/** The built-in policy, built and checked like any operator's file; broken data fails at start-up. */
export const azurePolicy: Policy = builtIn();

function builtIn(): Policy {
  const built = buildPolicy(AZURE);
  if (!built.ok) {
    const problems = built.problems.map((p) => `${p.rule} at ${p.path}: ${p.value}`).join('; ');
    throw new Error(`the built-in azure policy breaks its rules: ${problems}`);
  }
  return built.policy;
}
