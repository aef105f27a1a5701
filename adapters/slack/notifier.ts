// The Slack Notifier: posts a case's card (chat.postMessage) and keeps it current (chat.update), and
// posts notices as replies in the card's thread, in the opener's language. Each message carries its
// identity in its metadata, so that after an uncertain try the thread is read before posting again.
import { webApi } from '@slack/bolt';
import { translator } from '../../src/i18n/index.js';
import {
  type CardPost,
  type Notifier,
  NotifierError,
  type ThreadPost,
} from '../../src/reminders/notifier.js';
import type { Policy } from '../../src/sla/index.js';
import type { CaseRecord } from '../../src/store/records.js';
import { caseCard } from './card.js';
import type { SlackClients } from './clients.js';
import { slackConversation } from './conversation.js';
import { noticeMessage } from './notice.js';

/** The metadata event types of our messages (Slack wants lower case and underscores). */
export const NOTICE_EVENT = 'sla_bot_notice';
export const CARD_EVENT = 'sla_bot_case';
/** Pages of a thread or channel read before concluding a message is not there. */
const MAX_PAGES = 10;

const PERMANENT = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'account_inactive',
  'invalid_auth',
  'token_revoked',
  'team_access_not_granted',
  'missing_scope',
  'message_not_found',
  'cant_update_message',
]);
/** Reading the thread back is not possible (an install from before the history scopes): post anyway. */
const CANNOT_READ = new Set(['missing_scope', 'not_allowed_token_type', 'no_permission']);

type Client = webApi.WebClient;
type Message = { ts?: string; metadata?: { event_type?: string; event_payload?: Record<string, unknown> } };

export function slackNotifier(clients: SlackClients, policy: Policy): Notifier {
  const clientOf = async (record: CaseRecord): Promise<Client> => {
    const client = await clients.forTeam(record.tenantId);
    if (!client)
      throw NotifierError.permanent('bot_removed', { message: `no installation for ${record.tenantId}` });
    return client;
  };
  return {
    platform: 'slack',
    perChannelIntervalMs: 1000,
    hasThread: (record) => threadOf(record) !== null,

    async post({ record, reminder, notice, timeZone }: ThreadPost) {
      const thread = requireThread(record);
      const client = await clientOf(record);
      const message = noticeMessage(translator(record.openedByLocale), record, notice, timeZone);
      await call(() =>
        client.chat.postMessage({
          channel: thread.channel,
          thread_ts: thread.ts,
          ...message,
          metadata: { event_type: NOTICE_EVENT, event_payload: { case_id: record.id, key: reminder.key } },
        }),
      );
    },

    async postCard({ record, view }: CardPost) {
      const client = await clientOf(record);
      const where = slackConversation(record.conversation, record.channelId);
      const card = caseCard(translator(record.openedByLocale), record.openedByLocale, view, {
        policy,
        readerZone: where.zone,
      });
      const posted = await call(() =>
        client.chat.postMessage({
          channel: where.channel,
          text: card.text,
          blocks: card.blocks,
          metadata: { event_type: CARD_EVENT, event_payload: { case_id: record.id } },
        }),
      );
      return { channel: posted.channel ?? where.channel, ts: String(posted.ts) };
    },

    async updateCard({ record, view }: CardPost) {
      const thread = requireThread(record);
      const client = await clientOf(record);
      const card = caseCard(translator(record.openedByLocale), record.openedByLocale, view, {
        policy,
        readerZone: slackConversation(record.conversation, record.channelId).zone,
      });
      await call(() =>
        client.chat.update({ channel: thread.channel, ts: thread.ts, text: card.text, blocks: card.blocks }),
      );
    },

    async findPost({ record, reminder }: ThreadPost) {
      const thread = requireThread(record);
      const client = await clientOf(record);
      const found = await findMessage((cursor) =>
        client.conversations.replies({
          channel: thread.channel,
          ts: thread.ts,
          include_all_metadata: true,
          limit: 200,
          ...(cursor ? { cursor } : {}),
        }),
      );
      const mine = (m: Message) =>
        m.metadata?.event_type === NOTICE_EVENT && m.metadata.event_payload?.key === reminder.key;
      return found(mine) !== undefined;
    },

    async findCard({ record }: CardPost) {
      const client = await clientOf(record);
      const where = slackConversation(record.conversation, record.channelId);
      const found = await findMessage((cursor) =>
        client.conversations.history({
          channel: where.channel,
          oldest: String(Math.floor(record.createdAt / 1000) - 60),
          include_all_metadata: true,
          limit: 200,
          ...(cursor ? { cursor } : {}),
        }),
      );
      const card = found(
        (m) => m.metadata?.event_type === CARD_EVENT && m.metadata.event_payload?.case_id === record.id,
      );
      return card?.ts ? { channel: where.channel, ts: card.ts } : null;
    },
  };
}

/** Where a case's notices go: its card's channel and ts. */
type Thread = { readonly channel: string; readonly ts: string };

function threadOf(record: CaseRecord): Thread | null {
  const where = slackConversation(record.conversation, record.channelId);
  return where.ts ? { channel: where.channel, ts: where.ts } : null;
}

/** A notice goes into its card's thread or nowhere: without a thread it waits (never top-level). */
function requireThread(record: CaseRecord): Thread {
  const thread = threadOf(record);
  if (!thread)
    throw NotifierError.transient('thread_missing', {
      message: `case ${record.id} has no card yet`,
      maybePosted: false,
    });
  return thread;
}

type Page = { messages?: Message[]; response_metadata?: { next_cursor?: string } };

/** Reads pages until a match; a history Slack will not let us read counts as "not found". */
async function findMessage(page: (cursor: string | undefined) => Promise<Page>) {
  const seen: Message[] = [];
  let cursor: string | undefined;
  try {
    for (let n = 0; n < MAX_PAGES; n += 1) {
      const answer = await page(cursor);
      seen.push(...(answer.messages ?? []));
      cursor = answer.response_metadata?.next_cursor || undefined;
      if (!cursor) break;
    }
  } catch (error) {
    const mapped = notifierError(error);
    if (!CANNOT_READ.has(mapped.reason)) throw mapped;
  }
  return (match: (message: Message) => boolean) => seen.find(match);
}

async function call<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw notifierError(error);
  }
}

/** Web API failures onto the dispatcher's two kinds: try again later, or give up and flag the case. */
export function notifierError(error: unknown): NotifierError {
  if (error instanceof NotifierError) return error;
  const coded = error as {
    code?: string;
    data?: { error?: string };
    retryAfter?: number;
    statusCode?: number;
  };
  switch (coded.code) {
    case webApi.ErrorCode.RateLimitedError:
      return NotifierError.transient('rate_limited', {
        retryAfterMs: (coded.retryAfter ?? 1) * 1000,
        cause: error,
        maybePosted: false,
      });
    case webApi.ErrorCode.PlatformError: {
      // Slack answered `ok: false`: nothing was posted.
      const reason = coded.data?.error ?? 'unknown';
      return PERMANENT.has(reason)
        ? NotifierError.permanent(reason, { cause: error })
        : NotifierError.transient(reason, { cause: error, maybePosted: false });
    }
    case webApi.ErrorCode.HTTPError:
      return NotifierError.transient('server_error', { message: `HTTP ${coded.statusCode}`, cause: error });
    case webApi.ErrorCode.RequestError:
      return NotifierError.transient('network', { cause: error });
    default:
      return NotifierError.transient('unknown', {
        message: error instanceof Error ? error.message : String(error),
        cause: error,
      });
  }
}
