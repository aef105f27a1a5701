// The Teams Notifier: reminders and warnings as replies in the case's thread, proactively.
import { type Activity, type CloudAdapter, MessageFactory } from 'botbuilder';
import { translator } from '../../src/i18n/index.js';
import { reminderText } from '../../src/messages/reminder-text.js';
import { type Notifier, NotifierError, type ThreadPost } from '../../src/reminders/notifier.js';
import { attachment, viewerTime } from './card-json.js';
import { reminderCard } from './cards.js';
import { readConversation } from './conversation.js';

export function createTeamsNotifier(adapter: CloudAdapter, appId: string | undefined): Notifier {
  return {
    platform: 'teams',
    async post({ record: caseRecord, notice }: ThreadPost): Promise<void> {
      const stored = readConversation(caseRecord.conversation);
      if (!stored)
        throw NotifierError.permanent('channel_not_found', {
          message: `case ${caseRecord.id} has no Teams thread`,
        });
      const t = translator(caseRecord.openedByLocale);
      const card = reminderCard(reminderText(t, notice, viewerTime));
      const reply = MessageFactory.attachment(attachment(card)) as Partial<Activity>;
      // The adapter hands errors inside the turn to onTurnError: keep the connector's answer here.
      let failure: unknown;
      try {
        await adapter.continueConversationAsync(appId ?? '', stored.reference, async (context) => {
          // Replies go to the card: the continuation activity's id is what sendActivity replies to.
          context.activity.id = stored.activityId;
          try {
            await context.sendActivity(reply);
          } catch (error) {
            failure = error;
          }
        });
      } catch (error) {
        failure ??= error;
      }
      if (failure !== undefined) throw notifierError(failure);
    },
  };
}

/** The Bot Connector's answer, mapped: 429 and 5xx come back later, 403/404 mean the thread is gone. */
export function notifierError(error: unknown): NotifierError {
  if (error instanceof NotifierError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const status = statusOf(error);
  if (status === 429)
    return NotifierError.transient('rate_limited', {
      message,
      retryAfterMs: retryAfterOf(error),
      cause: error,
    });
  if (status !== undefined && status >= 500)
    return NotifierError.transient('server_error', {
      message,
      retryAfterMs: retryAfterOf(error),
      cause: error,
    });
  if (status === 403) return NotifierError.permanent('bot_removed', { message, cause: error });
  if (status === 404) return NotifierError.permanent('channel_not_found', { message, cause: error });
  if (status === 408 || /timed? ?out|ETIMEDOUT/i.test(message))
    return NotifierError.transient('timeout', { message, cause: error });
  if (/ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|socket hang up/i.test(message))
    return NotifierError.transient('network', { message, cause: error });
  return NotifierError.transient('unknown', { message, cause: error });
}

function statusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const record = error as { statusCode?: unknown; status?: unknown };
  const status = record.statusCode ?? record.status;
  return typeof status === 'number' ? status : undefined;
}

function retryAfterOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const headers = (error as { response?: { headers?: { get?: (name: string) => string | undefined } } })
    .response?.headers;
  const value = typeof headers?.get === 'function' ? headers.get('retry-after') : undefined;
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}
