// Where a Teams case lives: the reference of its thread and the id of its card, stored on the case.
import type { ConversationReference } from 'botbuilder';
import { z } from 'zod';

const StoredConversation = z.object({
  /** The thread's reference: its conversation id ends in ";messageid=<card id>" in a channel. */
  reference: z
    .object({
      serviceUrl: z.string(),
      channelId: z.string(),
      conversation: z.object({ id: z.string() }).passthrough(),
    })
    .passthrough(),
  /** The card's activity id: updated in place, replied to. */
  activityId: z.string(),
  /** Shown on the card as "Opened by …": Teams ids are not names. */
  openedByName: z.string(),
  /** The opener's zone: the card shows the customer's time where it differs. */
  openedByZone: z.string().optional(),
});

export interface TeamsConversation {
  readonly reference: Partial<ConversationReference>;
  readonly activityId: string;
  readonly openedByName: string;
  readonly openedByZone?: string;
}

/** What `attachConversation` stores: JSON only. */
export function storedConversation(conversation: TeamsConversation): unknown {
  return JSON.parse(JSON.stringify(conversation));
}

/** The stored conversation, or null for a case opened elsewhere or not posted yet. */
export function readConversation(value: unknown): TeamsConversation | null {
  const parsed = StoredConversation.safeParse(value);
  return parsed.success ? (parsed.data as unknown as TeamsConversation) : null;
}

/** The opener's Teams id, who gets the card's automatic refresh even in a channel of more than 60. */
export function openerOf(stored: TeamsConversation | null | undefined): string[] {
  const user = (stored?.reference as { user?: { id?: unknown } } | undefined)?.user?.id;
  return typeof user === 'string' && user ? [user] : [];
}
