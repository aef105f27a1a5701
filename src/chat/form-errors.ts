// Where a problem with a submitted form is shown, for every platform: the field it belongs to (one
// table), its sentence, and the summary at the top that lists every problem at once.
import type { TFunction } from 'i18next';
import type { CaseErrorCode, CaseFailure } from '../cases/types.js';
import type { SlaErrorCode, SlaErrorInfo } from '../sla/index.js';
import { failureText } from './failures.js';
import { CASE_FIELDS, type CaseField, type FormProblems } from './form.js';

/** What a form shows: a sentence beside each field, and the summary at the top. */
export interface FormErrors {
  readonly fields: Partial<Record<CaseField, string>>;
  /** Problems that belong to no field (a conflict, a case that is gone): shown in the summary only. */
  readonly general: readonly string[];
}

export const NO_ERRORS: FormErrors = { fields: {}, general: [] };

const isField = (name: unknown): name is CaseField =>
  typeof name === 'string' && (CASE_FIELDS as readonly string[]).includes(name);

/** The field each SLA error is shown beside; exhaustive over the core's codes. */
const FIELD_OF_SLA_ERROR: { readonly [C in SlaErrorCode]: (error: SlaErrorInfo) => CaseField | null } = {
  unknown_plan: () => 'plan',
  unknown_severity: () => 'severity',
  severity_not_available: () => 'severity',
  unknown_country: () => 'country',
  unknown_subdivision: () => 'subdivision',
  time_zone_required: () => 'timeZone',
  invalid_time_zone: () => 'timeZone',
  invalid_opened_at: () => 'openedAt',
  invalid_language: () => 'language',
  out_of_scope: (error) => (error.params.field === 'product' ? 'product' : 'issueType'),
  // A flag or a scope value that is not what the core reads: its own field where the form has one.
  invalid_field: (error) => (isField(error.params.field) ? error.params.field : null),
  invalid_at: () => null,
  invalid_json: () => null,
};

/** The field each refusal of the case service is shown beside, if any. */
const FIELD_OF_CASE_ERROR: {
  readonly [C in CaseErrorCode]: (params: Record<string, string>) => CaseField | null;
} = {
  opened_in_future: () => 'openedAt',
  invalid_case: (params) => (isField(params.field) ? params.field : null),
  duplicate: () => 'caseNumber',
  not_found: () => null,
  invalid_state: () => null,
  conflict: () => null,
  response_in_future: () => null,
  response_before_opening: () => null,
};

export function fieldOfFailure(failure: CaseFailure): CaseField | null {
  return failure.kind === 'sla'
    ? FIELD_OF_SLA_ERROR[failure.error.code](failure.error)
    : FIELD_OF_CASE_ERROR[failure.code](failure.params);
}

/** The core's or the case service's answer to a submission, placed on the form. */
export function failureErrors(t: TFunction, locale: string, failure: CaseFailure): FormErrors {
  let message = failureText(t, locale, failure);
  // Developer and Basic plans offer no severity A: the message says which severity would do.
  if (failure.kind === 'sla' && failure.error.code === 'severity_not_available')
    message = `${message} ${t('chat:form.offer', { severity: failure.error.params.highest })}`;
  const field = fieldOfFailure(failure);
  return field ? { fields: { [field]: message }, general: [] } : { fields: {}, general: [message] };
}

/** The form's own problems (left empty, not a date), each with its field's sentence. */
export function problemErrors(t: TFunction, problems: FormProblems): FormErrors {
  const fields: Partial<Record<CaseField, string>> = {};
  for (const field of CASE_FIELDS) {
    const problem = problems[field];
    if (problem) fields[field] = t(`chat:form.${problem}.${field}`);
  }
  return { fields, general: [] };
}

/** The lines of the summary at the top, in the order of the form: "Country: …", then the rest. */
export function summaryLines(errors: FormErrors, label: (field: CaseField) => string): string[] {
  const lines = CASE_FIELDS.flatMap((field) => {
    const message = errors.fields[field];
    return message ? [`${label(field)}: ${message}`] : [];
  });
  return [...lines, ...errors.general];
}

/** The heading of the summary: how many things need a fix. */
export function summaryHeading(t: TFunction, errors: FormErrors): string {
  return t('chat:form.summary', { count: Object.keys(errors.fields).length + errors.general.length });
}

export function hasErrors(errors: FormErrors): boolean {
  return Object.keys(errors.fields).length > 0 || errors.general.length > 0;
}
