// Posts a new case's card: in a team channel as a new conversation (its thread is the case's),
// elsewhere (group chat, personal, the Emulator) into the conversation itself.
import { type Activity, type ConversationParameters, TurnContext } from 'botbuilder';
import type { TeamsPlace } from './activity.js';
import type { TeamsConversation } from './conversation.js';

/** The part of the Bot Connector client this needs (botframework-connector's ConnectorClient). */
interface ConversationsClient {
  readonly conversations: {
    createConversation(parameters: ConversationParameters): Promise<{ id?: string; activityId?: string }>;
  };
}

export async function postCaseCard(
  context: TurnContext,
  place: TeamsPlace,
  card: Partial<Activity>,
  openedByName: string,
): Promise<TeamsConversation> {
  const message = card as Activity;
  const here = TurnContext.getConversationReference(context.activity);
  if (!place.teamsChannelId) {
    const sent = await context.sendActivity(message);
    const activityId = sent?.id ?? '';
    return { reference: { ...here, activityId }, activityId, openedByName };
  }
  const client = context.turnState.get<ConversationsClient | undefined>(context.adapter.ConnectorClientKey);
  if (!client) throw new Error('no Bot Connector client on the turn');
  const created = await client.conversations.createConversation({
    isGroup: true,
    bot: context.activity.recipient,
    tenantId: place.tenantId,
    channelData: { channel: { id: place.teamsChannelId }, tenant: { id: place.tenantId } },
    activity: message,
  });
  const conversationId = created.id ?? `${place.teamsChannelId};messageid=${created.activityId ?? ''}`;
  const activityId = created.activityId ?? conversationId.split(';messageid=')[1] ?? '';
  const conversation = {
    isGroup: true,
    conversationType: 'channel',
    name: '',
    ...here.conversation,
    id: conversationId,
  };
  const reference = { ...here, conversation, activityId };
  return { reference, activityId, openedByName };
}
