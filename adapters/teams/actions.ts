// Card actions: Universal Actions (`adaptiveCard/action` invokes, answered with the card as it is
// now) and `Action.Submit` messages from older clients and older cards. Either way the kit's action
// table runs the action, the card is updated in place for everyone, and the thread is told who did what.
import type { Activity, TurnContext } from 'botbuilder';
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { CaseView } from '../../src/cases/types.js';
import { CASE_ACTIONS, type CaseAction, runCaseAction } from '../../src/chat/actions.js';
import { failureText } from '../../src/chat/failures.js';
import { translator } from '../../src/i18n/index.js';
import { actionNoteText } from '../../src/messages/reminder-text.js';
import { placeOf, type TeamsPlace } from './activity.js';
import { ADAPTIVE_CARD_CONTENT_TYPE, attachment } from './card-json.js';
import { noticeCard } from './cards.js';
import { caseCard, caseMessage, REFRESH } from './case-card.js';
import { openerOf, readConversation } from './conversation.js';
import type { TeamsDeps } from './deps.js';

export const CardActionValue = z.object({
  action: z.enum([...CASE_ACTIONS, REFRESH]),
  caseId: z.string().min(1).max(100),
  from: z.literal('notice').optional(),
  severity: z.string().max(20).optional(),
  respondedDate: z.string().max(40).optional(),
  respondedTime: z.string().max(40).optional(),
});
type CardActionValue = z.infer<typeof CardActionValue>;

/** What Teams sends with `adaptiveCard/action`: the pressed `Action.Execute` (its data has the inputs). */
const ExecuteValue = z.object({
  action: z.object({ type: z.literal('Action.Execute'), verb: z.string().optional(), data: z.unknown() }),
  trigger: z.enum(['manual', 'automatic']).optional(),
});

export function isCardAction(value: unknown): boolean {
  return CardActionValue.safeParse(value).success;
}

/** The body of an `adaptiveCard/action` invoke response. */
export type ExecuteAnswer =
  | { statusCode: 200; type: typeof ADAPTIVE_CARD_CONTENT_TYPE; value: unknown }
  | { statusCode: 200; type: 'application/vnd.microsoft.activity.message'; value: string }
  | { statusCode: 400; type: 'application/vnd.microsoft.error'; value: { code: string; message: string } };

/** Universal Actions: a refresh or a pressed button, answered with the card as this person should see it. */
export async function executeAction(context: TurnContext, deps: TeamsDeps): Promise<ExecuteAnswer> {
  const place = placeOf(context.activity);
  const t = translator(place.locale);
  const invoke = ExecuteValue.safeParse(context.activity.value);
  const value = CardActionValue.safeParse(invoke.success ? invoke.data.action.data : undefined);
  if (!value.success)
    return {
      statusCode: 400,
      type: 'application/vnd.microsoft.error',
      value: { code: 'bad_action', message: t('chat:failure.not_offered') },
    };
  if (value.data.action === REFRESH) {
    const view = await deps.cases.get(place.tenantId, value.data.caseId);
    if (!view) return message(t('chat:failure.not_found'));
    return { statusCode: 200, type: ADAPTIVE_CARD_CONTENT_TYPE, value: cardFor(deps, view, place) };
  }
  const done = await apply(context, deps, place, { ...value.data, action: value.data.action });
  if (!done.ok) return message(done.message);
  // A button on a reminder: the card in the channel changed; the reminder says what was done.
  if (value.data.from === 'notice') return message(done.note);
  return { statusCode: 200, type: ADAPTIVE_CARD_CONTENT_TYPE, value: cardFor(deps, done.view, place) };
}

/** `Action.Submit` (clients without Universal Actions, cards posted before them): a message with the data. */
export async function handleCardAction(context: TurnContext, deps: TeamsDeps): Promise<void> {
  const place = placeOf(context.activity);
  const value = CardActionValue.parse(context.activity.value);
  if (value.action === REFRESH) return;
  const done = await apply(context, deps, place, { ...value, action: value.action });
  if (!done.ok) await context.sendActivity({ attachments: [attachment(noticeCard(done.message))] });
}

type Applied =
  | { readonly ok: true; readonly view: CaseView; readonly note: string }
  | { readonly ok: false; readonly message: string };

/** Runs the action, updates the card in the channel for everyone and notes it in the thread. */
async function apply(
  context: TurnContext,
  deps: TeamsDeps,
  place: TeamsPlace,
  value: CardActionValue & { action: CaseAction },
): Promise<Applied> {
  const t = translator(place.locale);
  const before = await deps.cases.get(place.tenantId, value.caseId);
  if (!before) return { ok: false, message: t('chat:failure.not_found') };
  const { result, note } = await runCaseAction(deps.cases, value.action, {
    tenantId: place.tenantId,
    caseId: value.caseId,
    actor: place.actor,
    severity: value.severity,
    respondedAt: respondedAt(value, place.timeZone ?? before.assessment.timeZone),
  });
  if (!result.ok) return { ok: false, message: failureText(t, place.locale, result.failure) };
  const { view } = result;
  const caseT = translator(view.record.openedByLocale);
  const stored = readConversation(view.record.conversation);
  const cardId = stored?.activityId ?? context.activity.replyToId;
  if (cardId) {
    const update = caseMessage(caseT, view, {
      locale: view.record.openedByLocale,
      policy: deps.policy,
      openedByName: stored?.openedByName ?? place.actor.id,
      readerZone: stored?.openedByZone,
      refreshFor: openerOf(stored),
    });
    await context.updateActivity({ ...update, id: cardId } as Partial<Activity>);
  }
  const line = actionNoteText(caseT, note.event, place.actor.name || place.actor.id, note.data);
  await context.sendActivity(line);
  return {
    ok: true,
    view,
    note: actionNoteText(t, note.event, place.actor.name || place.actor.id, note.data),
  };
}

/** The card for the person looking at it: their language, their zone beside the customer's. */
function cardFor(deps: TeamsDeps, view: CaseView, place: TeamsPlace) {
  const stored = readConversation(view.record.conversation);
  return caseCard(translator(place.locale), view, {
    locale: place.locale,
    policy: deps.policy,
    openedByName: stored?.openedByName ?? view.record.openedBy,
    readerZone: place.timeZone,
    refreshFor: openerOf(stored),
  });
}

/** "Responded at…": the date and time as the person typed them, in their own zone; null if not a time. */
function respondedAt(value: CardActionValue, zone: string): number | null | undefined {
  if (value.action !== 'respond_at') return undefined;
  if (!value.respondedDate || !value.respondedTime) return null;
  const local = DateTime.fromISO(`${value.respondedDate}T${value.respondedTime}`, { zone });
  return local.isValid ? local.toMillis() : null;
}

function message(text: string): ExecuteAnswer {
  return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text };
}
