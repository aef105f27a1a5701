// The message extension's action commands: `trackCase` and `checkSla`, each a form in a task module.
import type { TurnContext } from 'botbuilder';
import type { TFunction } from 'i18next';
import { z } from 'zod';
import { defaultsSource, formDefaults } from '../../src/chat/defaults.js';
import { readCaseForm } from '../../src/chat/form.js';
import { type FormErrors, failureErrors, problemErrors } from '../../src/chat/form-errors.js';
import { translator } from '../../src/i18n/index.js';
import { placeOf } from './activity.js';
import { type AdaptiveCard, attachment } from './card-json.js';
import { previewCard } from './cards.js';
import { caseMessage } from './case-card.js';
import { readConversation, storedConversation } from './conversation.js';
import type { TeamsDeps } from './deps.js';
import { type FormCommand, type FormData, formCard, formValues, PURPOSE, readFormData } from './form.js';
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

/** The empty form: the customer's details from the channel's last case, nothing from the person's client. */
export async function fetchTask(context: TurnContext, deps: TeamsDeps): Promise<ExtensionResponse> {
  const place = placeOf(context.activity);
  const t = translator(place.locale);
  const value = ActionValue.safeParse(context.activity.value);
  const command = commandOf(value.success ? value.data.commandId : '');
  const title = value.success ? messageTitle(value.data.messagePayload?.body?.content) : undefined;
  const defaults = await formDefaults(deps.store, deps.policy, place, title ? { title } : {});
  const { openedAt: _now, ...values } = defaults.values;
  const from = defaultsSource(defaults);
  const data: FormData = readFormData({
    ...values,
    clientZone: place.timeZone ?? '',
    ...(from ? { from } : {}),
  });
  return taskModule(t, command, formCard(t, { command, data, policy: deps.policy }));
}

export async function submitAction(context: TurnContext, deps: TeamsDeps): Promise<ExtensionResponse> {
  const place = placeOf(context.activity);
  const t = translator(place.locale);
  const value = ActionValue.safeParse(context.activity.value);
  const command = commandOf(value.success ? value.data.commandId : '');
  const data = readFormData(value.success ? value.data.data : {});
  const reshow = (errors: FormErrors) =>
    taskModule(t, command, formCard(t, { command, data, policy: deps.policy, errors }));
  const form = readCaseForm(formValues(data, deps.clock.now()), PURPOSE[command], deps.clock.now());
  if (!form.ok) return reshow(problemErrors(t, form.problems));
  if (command === 'checkSla') {
    const evaluation = deps.cases.check(form.input);
    if (!evaluation.ok)
      return reshow(failureErrors(t, place.locale, { kind: 'sla', error: evaluation.error }));
    return taskModule(t, command, previewCard(t, evaluation.assessment));
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
  if (!opened.ok) return reshow(failureErrors(t, place.locale, opened.failure));
  // A retried delivery finds the case it opened: its card is already in the channel.
  if (readConversation(opened.view.record.conversation)) return {};
  const name = place.actor.name || place.actor.id;
  const message = caseMessage(t, opened.view, {
    locale: place.locale,
    policy: deps.policy,
    openedByName: name,
    readerZone: place.timeZone,
    refreshFor: context.activity.from?.id ? [context.activity.from.id] : [],
  });
  const conversation = await postCaseCard(context, place, message, name);
  const attached = await deps.cases.attachConversation(
    place.tenantId,
    opened.view.record.id,
    storedConversation({ ...conversation, ...(place.timeZone ? { openedByZone: place.timeZone } : {}) }),
  );
  if (!attached.ok)
    deps.logger.error(
      { caseId: opened.view.record.id, failure: attached.failure },
      translator('en')('teams:log.threadNotStored'),
    );
  return {};
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
