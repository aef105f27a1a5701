// Azure tickets from Teams: "watch <subscription id>" said to the bot in a channel connects the
// subscription there (the channel's place is captured from that very message, so cards can be posted
// without a request), "track <number>" or the message extension's "Track Azure ticket" follows one
// existing ticket as a case there. Without the Azure platform on, they say what to set.
import { type Activity, type InvokeResponse, TurnContext } from 'botbuilder';
import { z } from 'zod';
import { translator } from '../../src/i18n/index.js';
import { azureOffText, trackAnswerText, watchAnswerText } from '../azure/chat-answers.js';
import { type AzureDesk, azureDeskOf, type ChatPlace } from '../azure/desk.js';
import { placeOf } from './activity.js';
import { cardPlaceOf } from './card-place.js';
import type { TeamsDeps } from './deps.js';

export const TRACK_AZURE_COMMAND = 'trackAzureTicket';
/** What a person types after mentioning the bot. */
const COMMANDS = { watch: 'watch', track: 'track' };
const MESSAGE = /^(watch|track)(?:\s+(.*))?$/is;
const TrackAction = z.object({ commandId: z.literal(TRACK_AZURE_COMMAND), data: z.unknown().optional() });
/** The number as typed; anything that is not a short text reads as nothing, and gets the usage. */
const TicketNumber = z.object({ ticketNumber: z.string().max(200) });

/** Answers "watch …" and "track …" said to the bot; false for any other message. */
export async function answerAzureMessage(context: TurnContext, deps: TeamsDeps): Promise<boolean> {
  const text = (TurnContext.removeRecipientMention(context.activity) ?? context.activity.text ?? '').trim();
  const match = MESSAGE.exec(text);
  if (!match) return false;
  const action = (match[1] ?? '').toLowerCase();
  const argument = match[2] ?? '';
  const reply = await answer(context.activity, deps, action === 'watch' ? 'watch' : 'track', argument);
  await context.sendActivity(reply);
  return true;
}

/** The message extension's "Track Azure ticket" (a submitAction): the answer in a small dialog; null for other commands. */
export async function azureExtensionAction(
  context: TurnContext,
  deps: TeamsDeps,
): Promise<InvokeResponse | null> {
  const action = TrackAction.safeParse(context.activity.value);
  if (!action.success) return null;
  const typed = TicketNumber.safeParse(action.data.data);
  const text = await answer(context.activity, deps, 'track', typed.success ? typed.data.ticketNumber : '');
  return { status: 200, body: { task: { type: 'message', value: text } } };
}

async function answer(
  activity: Activity,
  deps: TeamsDeps,
  action: 'watch' | 'track',
  argument: string,
): Promise<string> {
  const where = placeOf(activity);
  const t = translator(where.locale);
  const desk: AzureDesk | null = azureDeskOf(deps.azure?.());
  if (!desk) return azureOffText(t);
  const place: ChatPlace = {
    tenantId: where.tenantId,
    platform: 'teams',
    channelId: where.channelId,
    // The card is posted by the dispatcher later, in this channel: its place is this activity's.
    conversation: cardPlaceOf(activity, 'Azure'),
    locale: where.locale,
  };
  if (action === 'watch') return watchAnswerText(t, await desk.watch(place, argument), COMMANDS);
  return trackAnswerText(t, where.locale, await desk.track(place, argument), COMMANDS);
}
