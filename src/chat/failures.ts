// A failure of a chat request in the reader's words: the core's SLA error (what was wrong and what is
// accepted) or the case service's refusal, one table for every platform.
import type { TFunction } from 'i18next';
import type { CaseErrorCode, CaseFailure } from '../cases/types.js';
import { errorText } from '../messages/errors.js';

/** The `chat:failure.*` key of each refusal; exhaustive, so a new code needs its words. */
const FAILURE_KEY: { readonly [C in CaseErrorCode]: string } = {
  not_found: 'chat:failure.not_found',
  invalid_state: 'chat:failure.invalid_state',
  conflict: 'chat:failure.conflict',
  duplicate: 'chat:failure.duplicate',
  invalid_case: 'chat:failure.invalid_case',
  opened_in_future: 'chat:failure.opened_in_future',
  response_in_future: 'chat:failure.response_in_future',
  response_before_opening: 'chat:failure.response_before_opening',
};

/** A value an action needs that was not given: it has a sentence of its own. */
const MISSING_VALUE: Readonly<Record<string, string>> = {
  respondedAt: 'chat:failure.respondedAt',
  severity: 'chat:failure.severity',
};

export function failureText(t: TFunction, locale: string, failure: CaseFailure): string {
  if (failure.kind === 'sla') return errorText(t, locale, failure.error);
  const { field, state } = failure.params;
  if (failure.code === 'invalid_case' && field !== undefined && Object.hasOwn(MISSING_VALUE, field))
    return t(MISSING_VALUE[field] as string);
  // The state is a sentence of its own per state: "already closed" reads differently in every language.
  if (failure.code === 'invalid_state' && state !== undefined)
    return t(`chat:failure.invalid_state_${state}`, { defaultValue: t(FAILURE_KEY.invalid_state) });
  return t(FAILURE_KEY[failure.code], { field: field ?? '' });
}
