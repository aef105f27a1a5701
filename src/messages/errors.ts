import type { TFunction } from 'i18next';
import type { SlaErrorInfo } from '../sla/index.js';
import { listText } from './format.js';

// Issue types restricted to some plans, each with its own sentence (a label inside a sentence breaks
// the grammar of most languages). Another issue type falls back to a sentence that quotes its name.
const RESTRICTED_ISSUE_TYPES = new Set(['advisory', 'proactive', 'account-management']);

/** What was wrong and what is accepted, in the reader's language. */
export function errorText(t: TFunction, locale: string, error: SlaErrorInfo): string {
  const key = messageKey(error);
  const params: Record<string, unknown> = {};
  // Plan and issue-type ids read as their names ("Professional Direct", "advisory").
  const planName = (id: string) => t(`common:plan.${id}`, { defaultValue: id });
  for (const [name, value] of Object.entries(error.params)) {
    const values = name === 'plans' && Array.isArray(value) ? (value as string[]).map(planName) : value;
    // The plans that offer something are all of them ("and"); accepted values are a choice ("or").
    const joining = name === 'plans' ? 'conjunction' : 'disjunction';
    params[name] = Array.isArray(values) ? listText(values as string[], locale, joining) : values;
  }
  if (key === 'sla:error.out_of_scope') {
    params.value = t(`common:issueType.${String(error.params.value)}`, { defaultValue: error.params.value });
  }
  // The wrong-type, length and range messages name the JSON field as written in the input.
  if (typeof params.field === 'string' && !key.startsWith('sla:error.field_')) {
    params.field = t(`sla:field.${params.field}`, { defaultValue: params.field });
  }
  if (typeof params.expected === 'string') params.expected = t(`sla:expected.${params.expected}`);
  if (typeof params.got === 'string') params.got = t(`sla:jsonType.${params.got}`);
  if (typeof params.plan === 'string')
    params.plan = t(`common:plan.${params.plan}`, { defaultValue: params.plan });
  return t(key, params);
}

/** The message that fits what the caller gave: a wrong type, too much, out of range, or a wrong value. */
function messageKey(error: SlaErrorInfo): string {
  const { code, params } = error;
  if (params.got !== undefined) {
    return params.field === 'input' ? 'sla:error.input_type' : 'sla:error.field_type';
  }
  if (params.max !== undefined) return 'sla:error.field_length';
  if (params.first !== undefined) return 'sla:error.field_range';
  if (code === 'out_of_scope' && params.field === 'issueType' && !params.accepted) {
    const id = String(params.value);
    return RESTRICTED_ISSUE_TYPES.has(id) ? `sla:error.out_of_scope_${id}` : 'sla:error.out_of_scope';
  }
  return `sla:error.${code}${variant(error)}`;
}

/** The wording depends on what the caller gave: nothing at all, or a value with no choices. */
function variant(error: SlaErrorInfo): string {
  const { code, params } = error;
  if (code === 'out_of_scope' && params.accepted) return '_unknown';
  if (code === 'unknown_severity' && params.source === 'ticket') return '_ticket';
  if (code === 'unknown_subdivision' && Array.isArray(params.accepted) && params.accepted.length === 0)
    return '_none';
  if (code === 'time_zone_required' && Array.isArray(params.zones) && params.zones.length === 0)
    return '_unlisted';
  const missing = params.value === '' || params.value === 'undefined';
  if (missing && ['unknown_plan', 'unknown_severity', 'unknown_country', 'invalid_opened_at'].includes(code))
    return '_missing';
  return '';
}
