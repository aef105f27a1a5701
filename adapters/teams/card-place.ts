// Where a Teams case's card is to be posted when no chat request posts it (the Azure watcher, an
// import): the channel's conversation reference and serviceUrl, captured once from an activity
// there (e.g. the command that connects a subscription to the channel), stored as the case's
// `conversation` until the card is posted.
import { type Activity, TurnContext } from 'botbuilder';
import { z } from 'zod';
import { placeOf, rootConversationId, type TeamsPlace } from './activity.js';

const StoredPlace = z.object({
  place: z.object({
    reference: z
      .object({
        serviceUrl: z.string().min(1),
        channelId: z.string().min(1),
        conversation: z
          .object({
            id: z.string().min(1),
            name: z.string().default(''),
            isGroup: z.boolean().default(false),
            conversationType: z.string().default(''),
          })
          .passthrough(),
        bot: z.object({ id: z.string(), name: z.string().default('') }).passthrough(),
      })
      .passthrough(),
    tenantId: z.string().min(1),
    /** Set in a team channel: the card opens a new conversation there. */
    teamsChannelId: z.string().optional(),
  }),
  /** Shown on the card as "Opened by …". */
  openedByName: z.string(),
});
export type CardPlace = z.infer<typeof StoredPlace>;
/** What `cardPlaceOf` gives, before the defaults a stored place is read with. */
type CardPlaceInput = z.input<typeof StoredPlace>;

/**
 * The `conversation` to open a Teams case with, for its card to be posted by the dispatcher: the
 * channel (or chat) `activity` came from. JSON only, so the store keeps it as it is.
 */
export function cardPlaceOf(activity: Partial<Activity>, openedByName: string): CardPlaceInput {
  const where = placeOf(activity);
  const reference = TurnContext.getConversationReference(activity);
  const conversationId = where.teamsChannelId ?? rootConversationId(reference.conversation?.id ?? '');
  return {
    place: {
      reference: JSON.parse(
        JSON.stringify({
          serviceUrl: reference.serviceUrl ?? '',
          channelId: reference.channelId ?? 'msteams',
          bot: reference.bot ?? { id: '' },
          conversation: {
            ...reference.conversation,
            id: conversationId,
            ...(where.teamsChannelId ? { conversationType: 'channel', isGroup: true } : {}),
          },
        }),
      ),
      tenantId: where.tenantId,
      ...(where.teamsChannelId ? { teamsChannelId: where.teamsChannelId } : {}),
    },
    openedByName,
  };
}

export function readCardPlace(value: unknown): CardPlace | null {
  const parsed = StoredPlace.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** The place as the in-request card post sees it (`postCaseCard` needs only tenant and channel). */
export function teamsPlaceOf(stored: CardPlace): TeamsPlace {
  const { place } = stored;
  return {
    tenantId: place.tenantId,
    channelId: place.teamsChannelId ?? place.reference.conversation.id,
    teamsChannelId: place.teamsChannelId,
    actor: { id: '', locale: 'en' },
    locale: 'en',
    timeZone: undefined,
  };
}
