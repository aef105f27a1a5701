// The Teams Notifier: the case's card posted proactively (a new conversation in the channel, from the
// stored channel reference and serviceUrl) and updated in place, and notices as replies in its thread.
import type { Activity, CloudAdapter, TurnContext } from 'botbuilder';
import { translator } from '../../src/i18n/index.js';
import { instantText } from '../../src/messages/format.js';
import { noticeModel } from '../../src/messages/notice-view.js';
import {
  type CardPost,
  type Notifier,
  NotifierError,
  type ThreadPost,
} from '../../src/reminders/notifier.js';
import type { Policy } from '../../src/sla/index.js';
import type { CaseRecord } from '../../src/store/records.js';
import { cardMessage, viewerTime } from './card-json.js';
import { readCardPlace, teamsPlaceOf } from './card-place.js';
import { noticeCardOf } from './cards.js';
import { caseMessage } from './case-card.js';
import { openerOf, readConversation, storedConversation, type TeamsConversation } from './conversation.js';
import { postCaseCard } from './post-case.js';

type Reference = Parameters<CloudAdapter['continueConversationAsync']>[1];

export function createTeamsNotifier(
  adapter: CloudAdapter,
  appId: string | undefined,
  policy: Policy,
): Notifier {
  /** Runs `work` in a proactive turn; the connector's answer is kept (the adapter would swallow it). */
  async function inTurn(reference: Reference, work: (context: TurnContext) => Promise<void>): Promise<void> {
    let failure: unknown;
    try {
      await adapter.continueConversationAsync(appId ?? '', reference, async (context) => {
        try {
          await work(context);
        } catch (error) {
          failure = error;
        }
      });
    } catch (error) {
      failure ??= error;
    }
    if (failure !== undefined) throw notifierError(failure);
  }

  return {
    platform: 'teams',
    // The connector allows a bot about two messages a second per thread, sustained.
    perChannelIntervalMs: 500,
    hasThread: (record) => readConversation(record.conversation) !== null,

    async post({ record, notice, timeZone }: ThreadPost): Promise<void> {
      const stored = requireThread(record);
      const t = translator(record.openedByLocale);
      const model = noticeModel(t, record, notice, {
        when: viewerTime,
        plain: (instant) => instantText(instant, timeZone, record.openedByLocale),
      });
      const reply = cardMessage(noticeCardOf(t, record.id, model), model.summary);
      await inTurn(stored.reference, async (context) => {
        // Replies go to the card: the continuation activity's id is what sendActivity replies to.
        context.activity.id = stored.activityId;
        await context.sendActivity(reply);
      });
    },

    async postCard({ record, view }: CardPost): Promise<unknown> {
      const place = readCardPlace(record.conversation);
      if (!place)
        throw NotifierError.permanent('channel_not_found', {
          message: `case ${record.id} has no Teams channel to post its card in`,
        });
      const card = cardFor(record, view, place.openedByName, undefined, policy);
      let posted: TeamsConversation | undefined;
      await inTurn(place.place.reference, async (context) => {
        posted = await postCaseCard(context, teamsPlaceOf(place), card, place.openedByName);
      });
      if (!posted) throw NotifierError.transient('unknown', { message: 'the connector returned no card' });
      return storedConversation(posted);
    },

    async updateCard({ record, view }: CardPost): Promise<void> {
      const stored = requireThread(record);
      const update = cardFor(record, view, stored.openedByName, stored, policy);
      await inTurn(stored.reference, async (context) => {
        await context.updateActivity({ ...update, id: stored.activityId });
      });
    },
  };
}

/** The card as its opener reads it, for everyone in the channel (a refresh gives each viewer theirs). */
function cardFor(
  record: CaseRecord,
  view: CardPost['view'],
  openedByName: string,
  stored: TeamsConversation | undefined,
  policy: Policy,
): Partial<Activity> {
  return caseMessage(translator(record.openedByLocale), view, {
    locale: record.openedByLocale,
    policy,
    openedByName,
    readerZone: stored?.openedByZone,
    refreshFor: openerOf(stored),
  });
}

/** A notice goes into its card's thread or nowhere: without a thread it waits. */
function requireThread(record: CaseRecord): TeamsConversation {
  const stored = readConversation(record.conversation);
  if (!stored)
    throw NotifierError.transient('thread_missing', {
      message: `case ${record.id} has no Teams thread yet`,
      maybePosted: false,
    });
  return stored;
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
      maybePosted: false,
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
  // Any other 4xx: the connector refused it, so nothing was posted.
  if (status !== undefined && status >= 400)
    return NotifierError.transient('refused', { message, cause: error, maybePosted: false });
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
