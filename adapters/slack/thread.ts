// The card in the channel and the notes in its thread: post, update, reply.
import type { webApi } from '@slack/bolt';
import type { CaseResult, CaseView } from '../../src/cases/types.js';
import type { ActionNote } from '../../src/chat/actions.js';
import { translator } from '../../src/i18n/index.js';
import { actionNoteText } from '../../src/messages/reminder-text.js';
import type { Policy } from '../../src/sla/index.js';
import { caseCard } from './card.js';
import { type SlackConversation, slackConversation } from './conversation.js';
import type { SlackDeps } from './deps.js';

type Client = webApi.WebClient;

/**
 * Posts the card once per case and remembers its thread on the case (and the opener's zone, for the
 * customer's time on the card); null if Slack refused.
 */
export async function postCard(
  client: Client,
  deps: SlackDeps,
  view: CaseView,
  openerZone: string | undefined,
): Promise<SlackConversation | null> {
  const { record } = view;
  const known = slackConversation(record.conversation, record.channelId);
  if (known.ts) return known;
  if (!(await deps.store.remember(`slack:card:${record.tenantId}:${record.id}`, deps.clock.now())))
    return null;
  const language = record.openedByLocale;
  const card = caseCard(translator(language), language, view, {
    policy: deps.policy,
    readerZone: openerZone,
  });
  const posted = await client.chat.postMessage({
    channel: record.channelId,
    text: card.text,
    blocks: card.blocks,
  });
  const where = {
    channel: posted.channel ?? record.channelId,
    ts: String(posted.ts),
    ...(openerZone ? { zone: openerZone } : {}),
  };
  await deps.cases.attachConversation(record.tenantId, record.id, where);
  return where;
}

/** Re-renders the card in place after a change. */
export async function refreshCard(
  client: Client,
  view: CaseView,
  fallback: SlackConversation,
  policy: Policy,
): Promise<SlackConversation> {
  const { record } = view;
  const stored = slackConversation(record.conversation, record.channelId);
  const where = stored.ts ? stored : fallback;
  const language = record.openedByLocale;
  const card = caseCard(translator(language), language, view, { policy, readerZone: stored.zone });
  if (where.ts)
    await client.chat.update({ channel: where.channel, ts: where.ts, text: card.text, blocks: card.blocks });
  return where;
}

/** "Ann recorded Microsoft's first response" in the card's thread, in the opener's language. */
export async function postNote(
  client: Client,
  view: CaseView,
  where: SlackConversation,
  note: ActionNote & { actorId: string },
): Promise<void> {
  const t = translator(view.record.openedByLocale);
  const text = actionNoteText(t, note.event, `<@${note.actorId}>`, note.data);
  await client.chat.postMessage({
    channel: where.channel,
    text,
    ...(where.ts ? { thread_ts: where.ts } : {}),
  });
}

/** Only the person who pressed sees it; errors here are not worth failing for. */
export async function tellPerson(client: Client, channel: string, user: string, text: string): Promise<void> {
  await client.chat
    .postEphemeral({ channel, user, text })
    .catch(() => client.chat.postMessage({ channel: user, text }));
}

/** chat.update of the card, then one line in its thread saying who did what. */
export async function showChange(
  client: Client,
  deps: Pick<SlackDeps, 'policy'>,
  result: CaseResult & { ok: true },
  fallback: SlackConversation,
  note: ActionNote & { actorId: string },
): Promise<void> {
  const where = await refreshCard(client, result.view, fallback, deps.policy);
  await postNote(client, result.view, where, note);
}
