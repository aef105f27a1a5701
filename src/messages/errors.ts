import type { TFunction } from 'i18next';
import type { SlaErrorInfo } from '../sla/index.js';
import { listText } from './format.js';

/** What was wrong and what is accepted, in the reader's language. */
export function errorText(t: TFunction, locale: string, error: SlaErrorInfo): string {
  const params: Record<string, unknown> = {};
  // Plan and issue-type ids read as their names ("Professional Direct", "advisory").
  const planName = (id: string) => t(`common:plan.${id}`, { defaultValue: id });
  for (const [name, value] of Object.entries(error.params)) {
    const values = name === 'plans' && Array.isArray(value) ? (value as string[]).map(planName) : value;
    // The plans that offer something are all of them ("and"); accepted values are a choice ("or").
    const joining = name === 'plans' ? 'conjunction' : 'disjunction';
    params[name] = Array.isArray(values) ? listText(values as string[], locale, joining) : values;
  }
  if (error.code === 'out_of_scope' && error.params.field === 'issueType' && !error.params.accepted) {
    params.value = t(`common:issueType.${String(error.params.value)}`, { defaultValue: error.params.value });
  }
  if (typeof params.field === 'string') {
    params.field = t(`sla:field.${params.field}`, { defaultValue: params.field });
  }
  if (typeof params.expected === 'string') params.expected = t(`sla:expected.${params.expected}`);
  if (typeof params.plan === 'string')
    params.plan = t(`common:plan.${params.plan}`, { defaultValue: params.plan });
  return t(`sla:error.${error.code}${variant(error)}`, params);
}

/** The wording depends on what the caller gave: nothing at all, or a value with no choices. */
function variant(error: SlaErrorInfo): string {
  const { code, params } = error;
  if (code === 'out_of_scope' && params.accepted) return '_unknown';
  if (code === 'unknown_subdivision' && Array.isArray(params.accepted) && params.accepted.length === 0)
    return '_none';
  if (code === 'time_zone_required' && Array.isArray(params.zones) && params.zones.length === 0)
    return '_unlisted';
  const missing = params.value === '' || params.value === 'undefined';
  if (missing && ['unknown_plan', 'unknown_severity', 'unknown_country', 'invalid_opened_at'].includes(code))
    return '_missing';
  return '';
}
