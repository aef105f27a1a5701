// The case modal: the few required fields first, the rest behind "More options" with their defaults
// said in one line; after a mistake, a summary at the top and each problem under its field.
import type { types } from '@slack/bolt';
import type { TFunction } from 'i18next';
import {
  type CaseField,
  type CaseFormValues,
  COMMIT_CHOICES,
  FIRST_FIELDS,
  MORE_FIELDS,
} from '../../src/chat/form.js';
import {
  type FormErrors,
  hasErrors,
  NO_ERRORS,
  summaryHeading,
  summaryLines,
} from '../../src/chat/form-errors.js';
import type { Policy } from '../../src/sla/index.js';
import { type Block, context, escapeMarkdown, LIMITS, option, plain, section } from './blocks.js';
import type { CaseModalSetup } from './metadata.js';

export const CASE_MODAL = 'sla_case';
export const VALUE = 'value';
/** The "More options" button: not `case_…`, which are the card's actions. */
export const MORE_OPTIONS = 'form_more';

/** block_id of each field: the submitted values and the errors are keyed by these. */
export const FIELD = {
  caseNumber: 'case_number',
  title: 'title',
  plan: 'plan',
  severity: 'severity',
  language: 'language',
  country: 'country',
  subdivision: 'subdivision',
  timeZone: 'time_zone',
  commit24x7: 'commit',
  openedAt: 'opened_at',
  issueType: 'issue_type',
  product: 'product',
} as const satisfies Record<CaseField, string>;

/** The block under a field that carries its error. */
export const errorBlockOf = (field: CaseField): string => `error:${FIELD[field]}`;

export interface CaseModalState {
  readonly values: CaseFormValues;
  readonly policy: Policy;
  readonly now: number;
  readonly errors?: FormErrors;
}

export function caseModal(t: TFunction, metadata: CaseModalSetup, state: CaseModalState): types.ModalView {
  const errors = state.errors ?? NO_ERRORS;
  // A problem in a field under "More options" opens them: the person must see where it is.
  const expanded = metadata.more || MORE_FIELDS.some((field) => errors.fields[field] !== undefined);
  const blocks: Block[] = [];
  if (hasErrors(errors)) blocks.push(summaryBlock(t, errors));
  for (const field of FIRST_FIELDS) blocks.push(...fieldBlocks(t, field, state, errors));
  blocks.push(context(sourceLine(t, metadata)));
  if (expanded) {
    for (const field of MORE_FIELDS) blocks.push(...fieldBlocks(t, field, state, errors));
  } else {
    blocks.push(context(defaultsLine(t, state)), {
      type: 'actions',
      elements: [
        { type: 'button', action_id: MORE_OPTIONS, text: plain(t('slack:modal.more'), LIMITS.button) },
      ],
    });
  }
  return {
    type: 'modal',
    callback_id: CASE_MODAL,
    title: plain(t('slack:modal.title'), LIMITS.modalTitle),
    submit: plain(t('slack:modal.submit'), LIMITS.modalTitle),
    close: plain(t('slack:modal.close'), LIMITS.modalTitle),
    private_metadata: JSON.stringify({
      ...metadata,
      more: expanded,
      hidden: expanded ? {} : hiddenValues(state.values),
    }),
    blocks,
  };
}

function summaryBlock(t: TFunction, errors: FormErrors): Block {
  const label = (field: CaseField) => t(`slack:modal.label.${FIELD[field]}`);
  const lines = summaryLines(errors, label).map((line) => `• ${escapeMarkdown(line)}`);
  return section(`:warning: *${summaryHeading(t, errors)}*\n${lines.join('\n')}`);
}

function fieldBlocks(t: TFunction, field: CaseField, state: CaseModalState, errors: FormErrors): Block[] {
  const error = errors.fields[field];
  return [
    inputOf(t, field, state),
    ...(error ? [{ ...context(`:x: ${escapeMarkdown(error)}`), block_id: errorBlockOf(field) }] : []),
  ];
}

function inputOf(t: TFunction, field: CaseField, state: CaseModalState): Block {
  const { values, policy } = state;
  const label = (text: string) => plain(text, 2000);
  const text = (max: number, optional = false) => textInput(t, field, values, max, optional);
  switch (field) {
    case 'caseNumber':
      return text(40);
    case 'title':
      return text(150);
    case 'country':
      return text(3);
    case 'language':
      return text(35, true);
    case 'subdivision':
      return text(10, true);
    case 'timeZone':
      return text(64, true);
    case 'plan':
      return choice(
        t,
        field,
        values.plan,
        policy.plans.map((plan) => [t(`common:plan.${plan.id}`), plan.id]),
      );
    case 'severity':
      return choice(
        t,
        field,
        values.severity,
        policy.severities.map((s) => [t(`common:severity.${s}`), s]),
        'radio_buttons',
      );
    case 'issueType':
      return choice(
        t,
        field,
        values.issueType,
        Object.keys(policy.issueTypes).map((id) => [t(`common:issueType.${id}`), id]),
      );
    case 'product':
      return choice(
        t,
        field,
        values.product,
        Object.keys(policy.products).map((id) => [t(`common:product.${id}`), id]),
      );
    case 'commit24x7': {
      const options = COMMIT_CHOICES.map((commit) => option(t(`slack:modal.commit.${commit}`), commit));
      const initial = options.find((o) => o.value === values.commit24x7) ?? options[0];
      return {
        type: 'input',
        block_id: FIELD.commit24x7,
        label: label(t('slack:modal.label.commit')),
        hint: label(t('slack:modal.hint.commit')),
        element: {
          type: 'radio_buttons',
          action_id: VALUE,
          options,
          ...(initial ? { initial_option: initial } : {}),
        },
      };
    }
    case 'openedAt': {
      const opened = typeof values.openedAt === 'number' ? values.openedAt : state.now;
      return {
        type: 'input',
        block_id: FIELD.openedAt,
        label: label(t('slack:modal.label.opened_at')),
        hint: label(t('slack:modal.hint.opened_at')),
        element: { type: 'datetimepicker', action_id: VALUE, initial_date_time: Math.floor(opened / 1000) },
      };
    }
  }
}

function textInput(
  t: TFunction,
  field: CaseField,
  values: CaseFormValues,
  max: number,
  optional: boolean,
): Block {
  const blockId = FIELD[field];
  const value = values[field];
  const initial = typeof value === 'string' && value.length <= max ? value : undefined;
  return {
    type: 'input',
    block_id: blockId,
    optional,
    label: plain(t(`slack:modal.label.${blockId}`), 2000),
    hint: plain(t(`slack:modal.hint.${blockId}`), 2000),
    element: {
      type: 'plain_text_input',
      action_id: VALUE,
      max_length: max,
      ...(initial ? { initial_value: initial } : {}),
    },
  };
}

/**
 * A choice of a few values: a menu, or radio buttons where the choices are long (a severity is
 * Microsoft's whole phrase) so that every one shows whole, where a menu would cut it on a phone.
 */
function choice(
  t: TFunction,
  field: CaseField,
  initial: string | undefined,
  choices: ReadonlyArray<readonly [string, string]>,
  kind: 'static_select' | 'radio_buttons' = 'static_select',
): Block {
  const options = choices.map(([text, value]) => option(text, value));
  const initialOption = options.find((candidate) => candidate.value === initial);
  return {
    type: 'input',
    block_id: FIELD[field],
    label: plain(t(`slack:modal.label.${FIELD[field]}`), 2000),
    element: {
      type: kind,
      action_id: VALUE,
      ...(kind === 'static_select' ? { placeholder: plain(t('slack:modal.choose'), 150) } : {}),
      options,
      ...(initialOption ? { initial_option: initialOption } : {}),
    },
  };
}

/** What the hidden fields hold, so that a collapsed modal submits the defaults it says it has. */
function hiddenValues(values: CaseFormValues): Record<string, string> {
  const hidden: Record<string, string> = {};
  for (const field of MORE_FIELDS) {
    const value = values[field];
    if (typeof value === 'string' && value.length <= 100) hidden[field] = value;
  }
  return hidden;
}

/** Where the customer's details came from: the channel's last case, or nowhere (left empty). */
function sourceLine(t: TFunction, metadata: CaseModalSetup): string {
  return metadata.from
    ? t('slack:modal.from', { case: escapeMarkdown(metadata.from) })
    : t('slack:modal.fromNothing');
}

/** What the fields under "More options" will be if left alone. */
function defaultsLine(t: TFunction, state: CaseModalState): string {
  const { values, policy } = state;
  return t('slack:modal.defaults', {
    language: values.language ? escapeMarkdown(values.language) : t('slack:modal.defaultLanguage'),
    timeZone: values.timeZone ? escapeMarkdown(values.timeZone) : t('slack:modal.defaultZone'),
    issueType: t(`common:issueType.${values.issueType ?? policy.defaultIssueType}`),
    product: t(`common:product.${values.product ?? policy.defaultProduct}`),
  });
}
