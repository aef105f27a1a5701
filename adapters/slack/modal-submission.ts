// A submitted case modal: Slack's view state into the kit's plain form values (the kit reads them
// into the core's input), and the values back into a modal when it is shown again.
import type { ViewOutput } from '@slack/bolt';
import { CASE_FIELDS, type CaseFormValues } from '../../src/chat/form.js';
import { FIELD, VALUE } from './modal.js';

type Values = ViewOutput['state']['values'];

/**
 * The values as typed and chosen; a field the modal does not show (collapsed) takes the value it was
 * given when the modal was built (`hidden`, from the private metadata), else stays undefined.
 */
export function caseFormValues(
  values: Values,
  hidden: Readonly<Record<string, string>> = {},
): CaseFormValues {
  const element = (block: string) => values[block]?.[VALUE];
  const read: Record<string, unknown> = {};
  for (const field of CASE_FIELDS)
    if (field !== 'openedAt' && Object.hasOwn(hidden, field)) read[field] = hidden[field];
  for (const field of CASE_FIELDS) {
    const value = element(FIELD[field]);
    if (!value) continue;
    if (field === 'openedAt') {
      const seconds = value.selected_date_time;
      read.openedAt = typeof seconds === 'number' ? seconds * 1000 : undefined;
    } else {
      read[field] = value.selected_option?.value ?? value.value ?? undefined;
    }
  }
  return read as CaseFormValues;
}
