// Posts reminders and warnings as replies in the case card's thread, in the opener's language.
import { webApi } from '@slack/bolt';
import { translator } from '../../src/i18n/index.js';
import { instantText } from '../../src/messages/format.js';
import { reminderText } from '../../src/messages/reminder-text.js';
import { type Notifier, NotifierError, type ThreadPost } from '../../src/reminders/notifier.js';
import { slackDate } from './blocks.js';
import type { SlackClients } from './clients.js';
import { slackConversation } from './conversation.js';

const PERMANENT = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'account_inactive',
  'invalid_auth',
  'token_revoked',
  'team_access_not_granted',
  'missing_scope',
]);

export function slackNotifier(clients: SlackClients): Notifier {
  return {
    platform: 'slack',
    async post({ record: caseRecord, notice, timeZone }: ThreadPost) {
      const client = await clients.forTeam(caseRecord.tenantId);
      if (!client)
        throw NotifierError.permanent('bot_removed', {
          message: `no installation for ${caseRecord.tenantId}`,
        });
      const where = slackConversation(caseRecord.conversation, caseRecord.channelId);
      const t = translator(caseRecord.openedByLocale);
      const text = reminderText(t, notice, (instant) =>
        slackDate(instant, instantText(instant, timeZone, caseRecord.openedByLocale)),
      );
      try {
        await client.chat.postMessage({
          channel: where.channel,
          text,
          ...(where.ts ? { thread_ts: where.ts } : {}),
        });
      } catch (error) {
        throw notifierError(error);
      }
    },
  };
}

/** Web API failures onto the dispatcher's two kinds: try again later, or give up and flag the case. */
export function notifierError(error: unknown): NotifierError {
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
      });
    case webApi.ErrorCode.PlatformError: {
      const reason = coded.data?.error ?? 'unknown';
      return PERMANENT.has(reason)
        ? NotifierError.permanent(reason, { cause: error })
        : NotifierError.transient(reason, { cause: error });
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
