// The case modal: one input block per field, defaults from the person's Slack locale and zone.
import type { types } from '@slack/bolt';
import type { TFunction } from 'i18next';
import { azurePolicy } from '../../src/sla/index.js';
import { type Block, LIMITS, option, plain } from './blocks.js';
import type { CaseModalMetadata } from './metadata.js';

export const CASE_MODAL = 'sla_case';
export const VALUE = 'value';

/** block_id of each field: inline errors are keyed by these. */
export const FIELD = {
  caseNumber: 'case_number',
  title: 'title',
  plan: 'plan',
  severity: 'severity',
  language: 'language',
  country: 'country',
  subdivision: 'subdivision',
  timeZone: 'time_zone',
  commit: 'commit',
  openedAt: 'opened_at',
  issueType: 'issue_type',
  product: 'product',
} as const;

const ISSUE_TYPES = Object.keys(azurePolicy.issueTypes);
const PRODUCTS = Object.keys(azurePolicy.products);
const COMMIT_CHOICES = ['default', 'yes', 'no'] as const;

export interface CaseModalDefaults {
  readonly locale: string;
  readonly timeZone: string | undefined;
  readonly now: number;
}

export function caseModal(
  t: TFunction,
  metadata: CaseModalMetadata,
  defaults: CaseModalDefaults,
): types.ModalView {
  const region = /[-_]([A-Za-z]{2})$/.exec(defaults.locale)?.[1]?.toUpperCase();
  const blocks: Block[] = [
    textInput(t, FIELD.caseNumber, { max: 40 }),
    textInput(t, FIELD.title, { max: 150 }),
    select(
      t,
      FIELD.plan,
      azurePolicy.plans.map((plan) => option(t(`common:plan.${plan.id}`), plan.id)),
    ),
    select(
      t,
      FIELD.severity,
      azurePolicy.severities.map((s) => option(t(`common:severity.${s}`), s)),
    ),
    textInput(t, FIELD.language, { initial: defaults.locale, max: 35 }),
    textInput(t, FIELD.country, { initial: region, max: 3 }),
    textInput(t, FIELD.subdivision, { optional: true, max: 10 }),
    textInput(t, FIELD.timeZone, { initial: defaults.timeZone, optional: true, max: 64 }),
    commitInput(t),
    {
      type: 'input',
      block_id: FIELD.openedAt,
      label: plain(t('slack:modal.label.opened_at'), 2000),
      hint: plain(t('slack:modal.hint.opened_at'), 2000),
      element: {
        type: 'datetimepicker',
        action_id: VALUE,
        initial_date_time: Math.floor(defaults.now / 1000),
      },
    },
    select(
      t,
      FIELD.issueType,
      ISSUE_TYPES.map((id) => option(t(`common:issueType.${id}`), id)),
      azurePolicy.defaultIssueType,
    ),
    select(
      t,
      FIELD.product,
      PRODUCTS.map((id) => option(t(`common:product.${id}`), id)),
      azurePolicy.defaultProduct,
    ),
  ];
  return {
    type: 'modal',
    callback_id: CASE_MODAL,
    title: plain(t('slack:modal.title'), LIMITS.modalTitle),
    submit: plain(t('slack:modal.submit'), LIMITS.modalTitle),
    close: plain(t('slack:modal.close'), LIMITS.modalTitle),
    private_metadata: JSON.stringify(metadata),
    blocks,
  };
}

function textInput(
  t: TFunction,
  blockId: string,
  options: { initial?: string; optional?: boolean; max: number },
): Block {
  return {
    type: 'input',
    block_id: blockId,
    optional: options.optional ?? false,
    label: plain(t(`slack:modal.label.${blockId}`), 2000),
    hint: plain(t(`slack:modal.hint.${blockId}`), 2000),
    element: {
      type: 'plain_text_input',
      action_id: VALUE,
      max_length: options.max,
      ...(options.initial ? { initial_value: options.initial } : {}),
    },
  };
}

function select(t: TFunction, blockId: string, options: types.PlainTextOption[], initial?: string): Block {
  const initialOption = options.find((candidate) => candidate.value === initial);
  return {
    type: 'input',
    block_id: blockId,
    label: plain(t(`slack:modal.label.${blockId}`), 2000),
    element: {
      type: 'static_select',
      action_id: VALUE,
      placeholder: plain(t('slack:modal.choose'), 150),
      options,
      ...(initialOption ? { initial_option: initialOption } : {}),
    },
  };
}

function commitInput(t: TFunction): Block {
  const options = COMMIT_CHOICES.map((choice) => option(t(`slack:modal.commit.${choice}`), choice));
  return {
    type: 'input',
    block_id: FIELD.commit,
    label: plain(t('slack:modal.label.commit'), 2000),
    hint: plain(t('slack:modal.hint.commit'), 2000),
    element: { type: 'radio_buttons', action_id: VALUE, options, initial_option: options[0] },
  };
}
