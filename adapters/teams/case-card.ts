// The case card as an Adaptive Card with Universal Actions: the lead line in a container coloured by
// the state, then which case, its facts and warnings; one primary action and the rest under "More".
// The card refreshes itself (`refresh`), so whoever looks at it sees the time left as it is now.
import type { Activity } from 'botbuilder';
import type { TFunction } from 'i18next';
import type { CaseView } from '../../src/cases/types.js';
import type { CaseAction } from '../../src/chat/actions.js';
import { type CardAction, type CaseCardModel, caseCardModel } from '../../src/messages/case-view.js';
import type { Standing, Tone } from '../../src/messages/lead.js';
import type { Policy } from '../../src/sla/index.js';
import {
  type AdaptiveCard,
  adaptiveCard,
  type CardElement,
  cardMessage,
  text,
  viewerClock,
  viewerTime,
} from './card-json.js';

/** The verb Teams sends when it refreshes the card for someone looking at it. */
export const REFRESH = 'refresh';

/** What a card action sends back (Teams adds the inputs of the shown card to it). */
export interface CardActionData {
  readonly action: CaseAction | typeof REFRESH;
  readonly caseId: string;
  /** Pressed on a reminder in the thread rather than on the card. */
  readonly from?: 'notice';
}

/** A Teams container style per tone: a breach is red, never green; a warning tints, it is not yellow text. */
export const CONTAINER_STYLE: { readonly [T in Tone]: string } = {
  accent: 'accent',
  warning: 'warning',
  attention: 'attention',
  good: 'good',
  neutral: 'emphasis',
};

const STANDING_ICON: { readonly [S in Standing]: string } = {
  open: '🔵',
  due_soon: '🟠',
  breached: '🔴',
  met: '✅',
  missed: '🔴',
  closed: '⚪',
};

export interface TeamsCardOptions {
  readonly locale: string;
  readonly policy: Policy;
  readonly openedByName: string;
  /** The zone of whoever the card is rendered for (a refresh knows the viewer's), when known. */
  readonly readerZone?: string | undefined;
  /** Who gets the automatic refresh in a channel of more than 60 people (their Teams ids). */
  readonly refreshFor?: readonly string[];
}

export function caseCard(t: TFunction, view: CaseView, options: TeamsCardOptions): AdaptiveCard {
  const model = caseCardModel(t, view, { ...options, when: viewerTime, time: viewerClock });
  return caseCardOf(t, model, options.refreshFor);
}

/** The card as a message, with the summary notifications and channel previews show. */
export function caseMessage(t: TFunction, view: CaseView, options: TeamsCardOptions): Partial<Activity> {
  const model = caseCardModel(t, view, { ...options, when: viewerTime, time: viewerClock });
  return cardMessage(caseCardOf(t, model, options.refreshFor), model.summary);
}

/** The card for a model already built (tests and previews build their own). */
export function caseCardOf(
  t: TFunction,
  model: CaseCardModel,
  refreshFor: readonly string[] = [],
): AdaptiveCard {
  const { lead } = model;
  const body: CardElement[] = [
    {
      type: 'Container',
      style: CONTAINER_STYLE[lead.tone],
      items: [
        // How long there is comes first, the deadline's time beside it at the right: on a phone it is
        // the line a glance reads, however long the state is in the reader's language.
        {
          type: 'ColumnSet',
          columns: [
            {
              type: 'Column',
              width: 'stretch',
              items: [
                text(
                  [`${STANDING_ICON[lead.standing]} ${lead.badge}`, lead.detail].filter(Boolean).join(' · '),
                  {
                    weight: 'bolder',
                    size: 'medium',
                  },
                ),
              ],
            },
            {
              type: 'Column',
              width: 'auto',
              items: [text(lead.time, { weight: 'bolder', size: 'medium', horizontalAlignment: 'right' })],
            },
          ],
        },
        text(lead.deadline, { spacing: 'small' }),
        ...(lead.clock ? [text(lead.clock, { size: 'small', spacing: 'none' })] : []),
        ...(lead.customerTime
          ? [text(lead.customerTime, { isSubtle: true, size: 'small', spacing: 'none' })]
          : []),
      ],
    },
    text(model.title, { weight: 'bolder', spacing: 'medium' }),
    text(model.heading, { isSubtle: true, size: 'small', spacing: 'none' }),
  ];
  if (model.facts.length)
    body.push({
      type: 'FactSet',
      facts: model.facts.map((fact) => ({ title: fact.label, value: fact.value })),
    });
  if (model.warnings.length)
    body.push({
      type: 'Container',
      style: 'warning',
      items: model.warnings.map((warning) => text(`⚠️ ${warning}`)),
    });
  body.push(text(model.openedByLine, { isSubtle: true, size: 'small' }));
  const actions: CardElement[] = [];
  if (model.primary) actions.push(cardAction(t, model.caseId, model.primary));
  if (model.more.length) actions.push(moreAction(t, model));
  return {
    ...adaptiveCard(body, actions),
    refresh: {
      action: { type: 'Action.Execute', verb: REFRESH, data: { action: REFRESH, caseId: model.caseId } },
      ...(refreshFor.length ? { userIds: refreshFor.slice(0, 60) } : {}),
    },
  };
}

/** "More": the other actions, one per row, so that each label shows whole on a phone. */
function moreAction(t: TFunction, model: CaseCardModel): CardElement {
  return {
    type: 'Action.ShowCard',
    title: t('cards:action.more'),
    card: {
      type: 'AdaptiveCard',
      body: model.more.map((action) => ({
        type: 'ActionSet',
        actions: [cardAction(t, model.caseId, action)],
      })),
    },
  };
}

/**
 * One card action: an `Action.Execute` (with `Action.Submit` for clients without Universal Actions),
 * behind a shown card when it needs a choice, a time or a confirmation first.
 */
export function cardAction(
  t: TFunction,
  caseId: string,
  action: CardAction,
  from?: CardActionData['from'],
): CardElement {
  const data: CardActionData = { action: action.action, caseId, ...(from ? { from } : {}) };
  const style =
    action.style === 'primary' ? 'positive' : action.style === 'danger' ? 'destructive' : undefined;
  const execute = (title: string) => executeAction(title, data, style);
  const { input, confirm } = action;
  if (input?.kind === 'severity')
    return showCard(
      action.label,
      [
        {
          type: 'Input.ChoiceSet',
          id: 'severity',
          label: t('teams:form.severity.label'),
          style: 'expanded',
          // Wrapped: Teams clips a choice's title to one line otherwise ("Schweregrad B (mäßige…").
          wrap: true,
          choices: input.choices.map((choice) => ({ title: choice.label, value: choice.value })),
          isRequired: true,
          errorMessage: t('chat:failure.severity'),
        },
      ],
      execute(t('teams:card.apply')),
    );
  if (input?.kind === 'respondedAt')
    return showCard(
      action.label,
      (['respondedDate', 'respondedTime'] as const).map((id) => ({
        type: id === 'respondedDate' ? 'Input.Date' : 'Input.Time',
        id,
        label: t(`teams:card.${id}`),
        isRequired: true,
        errorMessage: t('chat:failure.respondedAt'),
      })),
      execute(t('teams:card.apply')),
    );
  if (confirm)
    return showCard(
      action.label,
      [text(confirm.title, { weight: 'bolder' }), text(confirm.text, { spacing: 'small' })],
      execute(confirm.yes),
    );
  return execute(action.label);
}

export function executeAction(title: string, data: CardActionData, style?: string): CardElement {
  const styled = style ? { style } : {};
  return {
    type: 'Action.Execute',
    title,
    verb: data.action,
    data,
    ...styled,
    fallback: { type: 'Action.Submit', title, data, ...styled },
  };
}

function showCard(title: string, body: CardElement[], submit: CardElement): CardElement {
  return { type: 'Action.ShowCard', title, card: { type: 'AdaptiveCard', body, actions: [submit] } };
}
