// The case card as Block Kit, rendered from the neutral card model (src/messages/case-view.ts).
import type { TFunction } from 'i18next';
import type { CaseView } from '../../src/cases/types.js';
import { type CaseCardModel, caseCardModel } from '../../src/messages/case-view.js';
import { azurePolicy } from '../../src/sla/index.js';
import { type Block, clip, context, LIMITS, option, plain, section, slackDate } from './blocks.js';

export const CASE_ACTION_PREFIX = 'case_';
export const CHANGE_SEVERITY = 'case_change_severity';
const ACTIONS_BLOCK = 'case:';

export interface SlackMessage {
  readonly text: string;
  readonly blocks: Block[];
}

/** The card in the case opener's language; everyone sees the deadline in their own zone. */
export function caseCard(t: TFunction, language: string, view: CaseView): SlackMessage {
  const model = caseCardModel(t, language, view, `<@${view.record.openedBy}>`);
  const deadline = slackDate(model.deadline, model.deadlineText);
  const blocks: Block[] = [
    { type: 'header', text: plain(model.title, LIMITS.header) },
    section(`*${model.heading}*\n*${t('slack:card.deadline')}:* ${deadline} · ${model.stateLabel}`),
    {
      type: 'section',
      fields: model.facts.slice(0, 10).map((fact) => ({
        type: 'mrkdwn' as const,
        text: clip(`*${fact.label}*\n${fact.value}`, LIMITS.field),
      })),
    },
  ];
  if (model.warnings.length)
    blocks.push(section(model.warnings.map((warning) => `:warning: ${warning}`).join('\n')));
  if (model.outcome) blocks.push(section(model.outcome));
  blocks.push(context(model.openedByLine), actionsBlock(t, model, view));
  return { text: `${model.title}: ${model.deadlineText}`, blocks };
}

/** The case id travels in the block_id (for the severity menu) and in each button's value. */
export function caseIdOfBlock(blockId: string): string | undefined {
  return blockId.startsWith(ACTIONS_BLOCK) ? blockId.slice(ACTIONS_BLOCK.length) : undefined;
}

function actionsBlock(t: TFunction, model: CaseCardModel, view: CaseView): Block {
  const elements = model.actions.map((action) => {
    if (action.action === 'change_severity') {
      const current = view.assessment.severity;
      return {
        type: 'static_select' as const,
        action_id: CHANGE_SEVERITY,
        placeholder: plain(action.label, LIMITS.button),
        options: azurePolicy.severities
          .filter((s) => s !== current)
          .map((s) => option(t(`common:severity.${s}`), s)),
      };
    }
    return {
      type: 'button' as const,
      action_id: `${CASE_ACTION_PREFIX}${action.action}`,
      text: plain(action.label, LIMITS.button),
      value: model.caseId,
      ...(action.style ? { style: action.style } : {}),
    };
  });
  return { type: 'actions', block_id: `${ACTIONS_BLOCK}${model.caseId}`, elements };
}
