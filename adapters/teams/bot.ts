// The bot's routes: each activity goes to one thin handler.
import { ActivityTypes, type InvokeResponse, MessageFactory, TurnContext } from 'botbuilder';
import { translator } from '../../src/i18n/index.js';
import { executeAction, handleCardAction, isCardAction } from './actions.js';
import { placeOf } from './activity.js';
import { answerAzureMessage, azureExtensionAction } from './azure-commands.js';
import { attachment } from './card-json.js';
import { helpCard, listCard, welcomeCard } from './cards.js';
import type { TeamsDeps } from './deps.js';
import { fetchTask, submitAction } from './extension.js';

export type TurnLogic = (context: TurnContext) => Promise<void>;

export function createBot(deps: TeamsDeps): TurnLogic {
  return async (context) => {
    const { type, value } = context.activity;
    if (type === ActivityTypes.Invoke) return invoke(context, deps);
    if (type === ActivityTypes.ConversationUpdate) return welcome(context, deps);
    if (type !== ActivityTypes.Message) return;
    if (isCardAction(value)) return handleCardAction(context, deps);
    return answerMessage(context, deps);
  };
}

async function invoke(context: TurnContext, deps: TeamsDeps): Promise<void> {
  const response = await invokeResponse(context, deps);
  await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: response });
}

async function invokeResponse(context: TurnContext, deps: TeamsDeps): Promise<InvokeResponse> {
  try {
    switch (context.activity.name) {
      case 'composeExtension/fetchTask':
        return { status: 200, body: await fetchTask(context, deps) };
      case 'adaptiveCard/action':
        return { status: 200, body: await executeAction(context, deps) };
      case 'composeExtension/submitAction':
        return (
          (await azureExtensionAction(context, deps)) ?? {
            status: 200,
            body: await submitAction(context, deps),
          }
        );
      default:
        return { status: 501 };
    }
  } catch (error) {
    deps.logger.error(
      { err: error, name: context.activity.name },
      translator('en')('teams:log.invokeFailed', { name: context.activity.name }),
    );
    return { status: 500 };
  }
}

/** The bot itself was added to a team or chat: say what it does and how to start, once, there. */
async function welcome(context: TurnContext, deps: TeamsDeps): Promise<void> {
  const bot = context.activity.recipient?.id;
  const added = context.activity.membersAdded ?? [];
  if (!bot || !added.some((member) => member.id === bot)) return;
  const place = placeOf(context.activity);
  const key = `teams:welcome:${place.tenantId}:${context.activity.conversation?.id ?? ''}`;
  if (!(await deps.store.remember(key, deps.clock.now()))) return; // a retried delivery
  const t = translator(place.locale);
  await context.sendActivity(MessageFactory.attachment(attachment(welcomeCard(t))));
}

/** `@SLA bot list` lists the channel's open cases; anything else gets the help. */
async function answerMessage(context: TurnContext, deps: TeamsDeps): Promise<void> {
  if (await answerAzureMessage(context, deps)) return;
  const place = placeOf(context.activity);
  const t = translator(place.locale);
  const words = (TurnContext.removeRecipientMention(context.activity) ?? context.activity.text ?? '')
    .trim()
    .toLowerCase();
  if (words === 'list' || words === t('teams:command.list')) {
    const views = await deps.cases.list({ tenantId: place.tenantId, channelId: place.channelId });
    await context.sendActivity(MessageFactory.attachment(attachment(listCard(t, views, place.locale))));
    return;
  }
  await context.sendActivity(MessageFactory.attachment(attachment(helpCard(t))));
}
