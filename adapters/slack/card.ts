// The case card as Block Kit, rendered from the neutral card model (src/messages/case-view.ts): the
// lead line first, then which case, its facts, warnings, and one button with the rest in a menu.
import type { types } from '@slack/bolt';
import type { TFunction } from 'i18next';
import type { CaseView } from '../../src/cases/types.js';
import {
  type CardAction,
  type CaseCardModel,
  type Confirmation,
  caseCardModel,
} from '../../src/messages/case-view.js';
import { instantText } from '../../src/messages/format.js';
import type { Standing } from '../../src/messages/lead.js';
import type { Policy } from '../../src/sla/index.js';
import {
  type Block,
  clip,
  context,
  escapeMarkdown,
  LIMITS,
  option,
  plain,
  section,
  slackDate,
} from './blocks.js';

export const CASE_ACTION_PREFIX = 'case_';
/** The severity menu of cards posted before the overflow menu: still answered. */
export const CHANGE_SEVERITY = 'case_change_severity';
/** The overflow menu: its option's value is the action. */
export const MORE_ACTIONS = 'case_more';
const ACTIONS_BLOCK = 'case:';

export interface SlackMessage {
  readonly text: string;
  readonly blocks: Block[];
}

/** Each standing's mark: a colour a reader tells apart at a glance (a breach is never green). */
export const STANDING_EMOJI: { readonly [S in Standing]: string } = {
  open: ':large_blue_circle:',
  due_soon: ':large_orange_circle:',
  breached: ':red_circle:',
  met: ':white_check_mark:',
  missed: ':red_circle:',
  closed: ':white_circle:',
};

export interface SlackCardOptions {
  readonly policy: Policy;
  /** The zone of whoever the card is first meant for (its opener), when known. */
  readonly readerZone?: string | undefined;
}

/** The card in the case opener's language; everyone sees every time in their own zone. */
export function caseCard(
  t: TFunction,
  language: string,
  view: CaseView,
  options: SlackCardOptions,
): SlackMessage {
  const zone = view.assessment.timeZone;
  const model = caseCardModel(t, view, {
    locale: language,
    policy: options.policy,
    openedByName: `<@${view.record.openedBy}>`,
    when: (instant) => slackDate(instant, instantText(instant, zone, language)),
    readerZone: options.readerZone,
  });
  const { lead } = model;
  // The deadline comes first, with the state and the time left beside it: Slack writes the deadline
  // short ("Today 11:00"), so on a phone the first line shows it whatever the state's words are.
  const first = `${STANDING_EMOJI[lead.standing]} *${[lead.deadline, lead.badge, lead.detail].filter(Boolean).join('  ·  ')}*`;
  const lines = [first, lead.clock, lead.customerTime && `_${lead.customerTime}_`].filter(Boolean);
  const blocks: Block[] = [
    section(lines.join('\n')),
    section(`*${escapeMarkdown(model.title)}*\n${model.heading}`),
  ];
  if (model.facts.length)
    blocks.push({
      type: 'section',
      fields: model.facts.slice(0, 10).map((fact) => ({
        type: 'mrkdwn' as const,
        text: clip(`*${fact.label}*\n${fact.value}`, LIMITS.field),
      })),
    });
  if (model.warnings.length)
    blocks.push(section(model.warnings.map((warning) => `:warning: ${warning}`).join('\n')));
  blocks.push(context(model.openedByLine));
  const actions = actionsBlock(model);
  if (actions) blocks.push(actions);
  return { text: model.summary, blocks };
}

/** The case id travels in the block_id (for the menus) and in each button's value. */
export function caseIdOfBlock(blockId: string): string | undefined {
  return blockId.startsWith(ACTIONS_BLOCK) ? blockId.slice(ACTIONS_BLOCK.length) : undefined;
}

/** One button, and the other actions behind the "…" menu. */
function actionsBlock(model: CaseCardModel): Block | null {
  const elements: types.ActionsBlockElement[] = [];
  if (model.primary) elements.push(button(model.primary, model.caseId));
  if (model.more.length)
    elements.push({
      type: 'overflow',
      action_id: MORE_ACTIONS,
      options: model.more.map((action) => option(action.label, action.action)),
    });
  return elements.length ? { type: 'actions', block_id: `${ACTIONS_BLOCK}${model.caseId}`, elements } : null;
}

/** A card action as a button: `case_<action>`, the case id as its value, Slack's own confirmation. */
export function button(action: CardAction, caseId: string): types.Button {
  return {
    type: 'button',
    action_id: `${CASE_ACTION_PREFIX}${action.action}`,
    text: plain(action.label, LIMITS.button),
    value: caseId,
    ...(action.style ? { style: action.style } : {}),
    ...(action.confirm ? { confirm: confirmDialog(action.confirm, action.style) } : {}),
  };
}

function confirmDialog(confirm: Confirmation, style: CardAction['style']): types.ConfirmationDialog {
  return {
    title: plain(confirm.title, 100),
    text: plain(confirm.text, 300),
    confirm: plain(confirm.yes, 30),
    deny: plain(confirm.no, 30),
    ...(style === 'danger' ? { style: 'danger' as const } : {}),
  };
}
