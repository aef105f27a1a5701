// A submitted case modal into an SLA input, and SLA errors back onto the field they belong to.
import type { ViewOutput } from '@slack/bolt';
import type { TFunction } from 'i18next';
import type { CaseFailure } from '../../src/cases/types.js';
import { errorText } from '../../src/messages/errors.js';
import type { SlaErrorInfo, SlaInput } from '../../src/sla/index.js';
import { FIELD, VALUE } from './modal.js';

export interface CaseSubmission {
  readonly caseNumber: string;
  readonly title: string;
  readonly input: SlaInput;
}

type Values = ViewOutput['state']['values'];

export function readCaseSubmission(values: Values, now: number): CaseSubmission {
  const text = (block: string) => values[block]?.[VALUE]?.value?.trim() || undefined;
  const selected = (block: string) => values[block]?.[VALUE]?.selected_option?.value || undefined;
  const commit = selected(FIELD.commit);
  const openedSeconds = values[FIELD.openedAt]?.[VALUE]?.selected_date_time;
  return {
    caseNumber: text(FIELD.caseNumber) ?? '',
    title: text(FIELD.title) ?? '',
    input: {
      plan: selected(FIELD.plan) ?? '',
      severity: selected(FIELD.severity) ?? '',
      language: text(FIELD.language),
      country: text(FIELD.country) ?? '',
      subdivision: text(FIELD.subdivision),
      timeZone: text(FIELD.timeZone),
      commit24x7: commit === 'yes' ? true : commit === 'no' ? false : undefined,
      openedAt: typeof openedSeconds === 'number' ? openedSeconds * 1000 : now,
      issueType: selected(FIELD.issueType),
      product: selected(FIELD.product),
    },
  };
}

const BLOCK_OF_CODE: Partial<Record<SlaErrorInfo['code'], string>> = {
  unknown_plan: FIELD.plan,
  unknown_severity: FIELD.severity,
  severity_not_available: FIELD.severity,
  unknown_country: FIELD.country,
  unknown_subdivision: FIELD.subdivision,
  time_zone_required: FIELD.timeZone,
  invalid_time_zone: FIELD.timeZone,
  invalid_opened_at: FIELD.openedAt,
  invalid_language: FIELD.language,
};

/** The block an SLA error is shown beside. */
export function blockOfError(error: SlaErrorInfo): string {
  if (error.code === 'out_of_scope' || error.code === 'invalid_field') {
    return error.params.field === 'product' ? FIELD.product : FIELD.issueType;
  }
  return BLOCK_OF_CODE[error.code] ?? FIELD.plan;
}

/** `response_action: errors`, keyed by block_id, in the reader's language; null when all is well. */
export function submissionErrors(
  t: TFunction,
  language: string,
  failure: CaseFailure,
): Record<string, string> {
  if (failure.kind === 'sla') {
    const message = errorText(t, language, failure.error);
    const offer =
      failure.error.code === 'severity_not_available'
        ? ` ${t('slack:modal.error.offer', { severity: failure.error.params.highest })}`
        : '';
    return { [blockOfError(failure.error)]: `${message}${offer}` };
  }
  if (failure.code === 'invalid_case' && failure.params.field === 'caseNumber') {
    return { [FIELD.caseNumber]: t('slack:modal.error.case_number') };
  }
  if (failure.code === 'opened_in_future') return { [FIELD.openedAt]: t('slack:failure.opened_in_future') };
  return { [FIELD.caseNumber]: t(`slack:failure.${failure.code}`) };
}

/** What the form itself requires before the SLA core is asked. */
export function missingFields(t: TFunction, submission: CaseSubmission): Record<string, string> | null {
  const errors: Record<string, string> = {};
  if (!submission.caseNumber) errors[FIELD.caseNumber] = t('slack:modal.error.case_number');
  if (!submission.title) errors[FIELD.title] = t('slack:modal.error.title');
  return Object.keys(errors).length ? errors : null;
}
