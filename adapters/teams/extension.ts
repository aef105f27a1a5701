// The message extension's action commands: `trackCase` and `checkSla`, each a form in a task module.
import type { TurnContext } from 'botbuilder';
import type { TFunction } from 'i18next';
import { z } from 'zod';
import type { CaseFailure } from '../../src/cases/types.js';
import { translator } from '../../src/i18n/index.js';
import { caseCardModel } from '../../src/messages/case-view.js';
import { errorText } from '../../src/messages/errors.js';
import { placeOf, type TeamsPlace } from './activity.js';
import { type AdaptiveCard, attachment } from './card-json.js';
import { caseCard, previewCard } from './cards.js';
import { readConversation, storedConversation } from './conversation.js';
import type { TeamsDeps } from './deps.js';
import {
  caseErrorField,
  defaultValues,
  errorField,
  type FormCommand,
  type FormErrors,
  type FormValues,
  formCard,
  parseForm,
} from './form.js';
import { postCaseCard } from './post-case.js';

const ActionValue = z.object({
  commandId: z.string(),
  commandContext: z.string().optional(),
  data: z.unknown().optional(),
  messagePayload: z
    .object({ body: z.object({ content: z.string().optional() }).partial().optional() })
    .partial()
    .optional(),
});

/** A message extension's answer: a task module to show, or nothing (the dialog closes). */
export type ExtensionResponse =
  | { task: { type: 'continue'; value: { title: string; width: string; height: string; card: unknown } } }
  | Record<string, never>;

const TITLE_LENGTH = 150;

export function fetchTask(context: TurnContext): ExtensionResponse {
  const place = placeOf(context.activity);
  const t = translator(place.locale);
  const value = ActionValue.safeParse(context.activity.value);
  const command = commandOf(value.success ? value.data.commandId : '');
  const title = value.success ? messageTitle(value.data.messagePayload?.body?.content) : undefined;
  return taskModule(t, command, formCard(t, command, defaultValues(place.locale, place.timeZone, title)));
}

export async function submitAction(context: TurnContext, deps: TeamsDeps): Promise<ExtensionResponse> {
  const place = placeOf(context.activity);
  const t = translator(place.locale);
  const value = ActionValue.safeParse(context.activity.value);
  const command = commandOf(value.success ? value.data.commandId : '');
  const form = parseForm(t, command, value.success ? value.data.data : {}, deps.clock.now());
  if (!form.ok) return reshow(t, command, form.values, form.errors);
  if (command === 'checkSla') {
    const evaluation = deps.cases.check(form.input);
    if (!evaluation.ok)
      return reshow(t, command, form.values, {
        [errorField(evaluation.error)]: errorText(t, place.locale, evaluation.error),
      });
    return taskModule(t, command, previewCard(t, place.locale, evaluation.assessment));
  }
  const opened = await deps.cases.open({
    tenantId: place.tenantId,
    platform: 'teams',
    channelId: place.channelId,
    conversation: null,
    caseNumber: form.caseNumber,
    title: form.title,
    input: form.input,
    openedBy: place.actor,
    idempotencyKey: context.activity.id,
    card: 'posted_by_caller',
  });
  if (!opened.ok) return reshow(t, command, form.values, failureErrors(t, place, opened.failure));
  // A retried delivery finds the case it opened: its card is already in the channel.
  if (readConversation(opened.view.record.conversation)) return {};
  const name = place.actor.name || place.actor.id;
  const card = caseCard(t, caseCardModel(t, place.locale, opened.view, name));
  const conversation = await postCaseCard(context, place, card, name);
  const attached = await deps.cases.attachConversation(
    place.tenantId,
    opened.view.record.id,
    storedConversation(conversation),
  );
  if (!attached.ok)
    deps.logger.error(
      { caseId: opened.view.record.id, failure: attached.failure },
      translator('en')('teams:log.threadNotStored'),
    );
  return {};
}

function reshow(
  t: TFunction,
  command: FormCommand,
  values: FormValues,
  errors: FormErrors,
): ExtensionResponse {
  return taskModule(t, command, formCard(t, command, values, errors));
}

function failureErrors(t: TFunction, place: TeamsPlace, failure: CaseFailure): FormErrors {
  if (failure.kind === 'sla')
    return { [errorField(failure.error)]: errorText(t, place.locale, failure.error) };
  return { [caseErrorField(failure.code)]: t(`teams:error.${failure.code}`) };
}

function taskModule(t: TFunction, command: FormCommand, card: AdaptiveCard): ExtensionResponse {
  return {
    task: {
      type: 'continue',
      value: {
        title: t(`teams:form.${command}.title`),
        width: 'medium',
        height: 'large',
        card: attachment(card),
      },
    },
  };
}

function commandOf(commandId: string): FormCommand {
  return commandId === 'checkSla' ? 'checkSla' : 'trackCase';
}

/** The text of the message the action was started on, without its markup, as a case title. */
function messageTitle(html: string | undefined): string | undefined {
  if (!html) return undefined;
  const plain = html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/\s+/g, ' ')
    .trim();
  return plain ? plain.slice(0, TITLE_LENGTH) : undefined;
}
