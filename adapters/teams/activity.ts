// What a Teams activity tells us about where and who: validated at the edge, mapped to plain values.
import type { Activity } from 'botbuilder';
import { z } from 'zod';
import type { Actor } from '../../src/cases/types.js';

const ChannelData = z
  .object({
    tenant: z.object({ id: z.string() }).partial().optional(),
    team: z.object({ id: z.string() }).partial().optional(),
    channel: z.object({ id: z.string() }).partial().optional(),
  })
  .partial();

const ClientInfo = z.object({
  type: z.literal('clientInfo'),
  locale: z.string().optional(),
  timezone: z.string().optional(),
});

/** Where an activity happened and who sent it, in the project's terms. */
export interface TeamsPlace {
  /** The Azure AD tenant: every case is scoped by it. */
  readonly tenantId: string;
  /** The Teams channel id, or the conversation id outside channels (group chat, personal). */
  readonly channelId: string;
  /** Set in a team channel: the card opens a new conversation there. */
  readonly teamsChannelId: string | undefined;
  readonly actor: Actor;
  /** The client's interface locale ("nl-NL"). */
  readonly locale: string;
  /** The client's IANA zone, when the client said. */
  readonly timeZone: string | undefined;
}

export function placeOf(activity: Partial<Activity>): TeamsPlace {
  const channelData = ChannelData.safeParse(activity.channelData ?? {});
  const data = channelData.success ? channelData.data : {};
  const clientInfo = (activity.entities ?? [])
    .map((entity) => ClientInfo.safeParse(entity))
    .find((parsed) => parsed.success)?.data;
  const locale = activity.locale || clientInfo?.locale || 'en-US';
  const tenantId = data.tenant?.id ?? activity.conversation?.tenantId ?? 'emulator';
  const teamsChannelId = data.channel?.id;
  const from = activity.from;
  return {
    tenantId,
    channelId: teamsChannelId ?? rootConversationId(activity.conversation?.id ?? ''),
    teamsChannelId,
    actor: { id: from?.aadObjectId ?? from?.id ?? 'unknown', name: from?.name ?? from?.id ?? '', locale },
    locale,
    timeZone: clientInfo?.timezone,
  };
}

/** "19:abc@thread.tacv2;messageid=123" → "19:abc@thread.tacv2": the channel of a thread. */
export function rootConversationId(conversationId: string): string {
  return conversationId.split(';')[0] ?? conversationId;
}
