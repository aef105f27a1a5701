// Card buttons: `{ action, caseId }` (plus the inputs of a shown card) → the case service, then the
// card updated in place and a note in the thread saying who did what.
import { type Activity, MessageFactory, type TurnContext } from 'botbuilder';
import type { TFunction } from 'i18next';
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { CaseFailure, CaseResult, CaseView } from '../../src/cases/types.js';
import { translator } from '../../src/i18n/index.js';
import { type CaseAction, caseCardModel } from '../../src/messages/case-view.js';
import { errorText } from '../../src/messages/errors.js';
import { actionNoteText } from '../../src/messages/reminder-text.js';
import { placeOf, type TeamsPlace } from './activity.js';
import { attachment } from './card-json.js';
import { caseCard, noticeCard } from './cards.js';
import { readConversation } from './conversation.js';
import type { TeamsDeps } from './deps.js';

const ACTIONS = [
  'respond_now',
  'respond_at',
  'change_severity',
  'available_24x7',
  'not_available_24x7',
  'waiting_on_us',
  'we_answered',
  'close',
  'reopen',
] as const satisfies readonly CaseAction[];

export const CardActionValue = z.object({
  action: z.enum(ACTIONS),
  caseId: z.string().min(1),
  severity: z.string().optional(),
  respondedDate: z.string().optional(),
  respondedTime: z.string().optional(),
});
type CardActionValue = z.infer<typeof CardActionValue>;

/** The thread note for each action: the event name of `reminders:note.*`. */
const NOTE: Record<CaseAction, string> = {
  respond_now: 'responded',
  respond_at: 'responded',
  change_severity: 'severity_changed',
  available_24x7: 'available',
  not_available_24x7: 'not_available',
  waiting_on_us: 'waiting_on_us',
  we_answered: 'we_answered',
  close: 'closed',
  reopen: 'reopened',
};

export function isCardAction(value: unknown): boolean {
  return CardActionValue.safeParse(value).success;
}

export async function handleCardAction(context: TurnContext, deps: TeamsDeps): Promise<void> {
  const place = placeOf(context.activity);
  const t = translator(place.locale);
  const value = CardActionValue.parse(context.activity.value);
  const before = await deps.cases.get(place.tenantId, value.caseId);
  if (!before) return notice(context, t('teams:error.not_found'));
  const result = await apply(deps, place, value, before);
  if (!result.ok) return notice(context, failureText(t, place.locale, result.failure));
  const view = result.view;
  const caseT = translator(view.record.openedByLocale);
  const stored = readConversation(view.record.conversation);
  const card = caseCard(
    caseT,
    caseCardModel(caseT, view.record.openedByLocale, view, stored?.openedByName ?? place.actor.id),
  );
  const cardId = stored?.activityId ?? context.activity.replyToId;
  if (cardId) {
    const update = MessageFactory.attachment(attachment(card)) as Partial<Activity>;
    await context.updateActivity({ ...update, id: cardId });
  }
  const data =
    value.action === 'change_severity'
      ? { from: before.assessment.severity, to: view.assessment.severity }
      : {};
  await context.sendActivity(
    actionNoteText(caseT, NOTE[value.action], place.actor.name || place.actor.id, data),
  );
}

function apply(
  deps: TeamsDeps,
  place: TeamsPlace,
  value: CardActionValue,
  before: CaseView,
): Promise<CaseResult> {
  const { cases } = deps;
  const { tenantId, actor } = place;
  const id = value.caseId;
  switch (value.action) {
    case 'respond_now':
      return cases.recordResponse(tenantId, id, actor);
    case 'respond_at': {
      const at = respondedAt(value, place.timeZone ?? before.assessment.timeZone);
      if (at === null) return Promise.resolve(invalid('respondedAt'));
      return cases.recordResponse(tenantId, id, actor, at);
    }
    case 'change_severity':
      return value.severity
        ? cases.changeSeverity(tenantId, id, value.severity, actor)
        : Promise.resolve(invalid('severity'));
    case 'available_24x7':
    case 'not_available_24x7':
      return cases.setAvailability(tenantId, id, value.action === 'available_24x7', actor);
    case 'waiting_on_us':
    case 'we_answered':
      return cases.setWaitingOnUs(tenantId, id, value.action === 'waiting_on_us', actor);
    case 'close':
      return cases.close(tenantId, id, actor);
    case 'reopen':
      return cases.reopen(tenantId, id, actor);
  }
}

/** "Responded at…": the date and time as the person typed them, in their own zone. */
function respondedAt(value: CardActionValue, zone: string): number | null {
  if (!value.respondedDate || !value.respondedTime) return null;
  const local = DateTime.fromISO(`${value.respondedDate}T${value.respondedTime}`, { zone });
  return local.isValid ? local.toMillis() : null;
}

function invalid(field: string): CaseResult {
  return { ok: false, failure: { kind: 'case', code: 'invalid_case', params: { field } } };
}

function failureText(t: TFunction, locale: string, failure: CaseFailure): string {
  if (failure.kind === 'sla') return errorText(t, locale, failure.error);
  const state = failure.params.state ? t(`common:state.${failure.params.state}`) : '';
  const { field } = failure.params;
  if (failure.code === 'invalid_case' && (field === 'respondedAt' || field === 'severity'))
    return t(`teams:error.${field}`);
  return t(`teams:error.${failure.code}`, { ...failure.params, state });
}

async function notice(context: TurnContext, message: string): Promise<void> {
  await context.sendActivity(MessageFactory.attachment(attachment(noticeCard(message))));
}
