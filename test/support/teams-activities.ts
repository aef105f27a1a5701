// Activities as Teams sends them to /api/messages, for a team channel with one user.
import { randomUUID } from 'node:crypto';

export const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
export const TEAM = '19:team-general@thread.tacv2';
export const CHANNEL = '19:sla-support@thread.tacv2';
export const BOT = { id: '28:00000000-0000-0000-0000-0000000000b0', name: 'sla-bot' };
export const ANN = {
  id: '29:1ann',
  name: 'Ann de Vries',
  aadObjectId: '00000000-0000-0000-0000-0000000000a1',
};

export interface Client {
  readonly serviceUrl: string;
  readonly locale?: string;
  readonly timezone?: string;
}

type Json = Record<string, unknown>;

function base(client: Client, conversationId: string, extra: Json): Json {
  const locale = client.locale ?? 'en-US';
  return {
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    localTimestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: client.serviceUrl,
    from: ANN,
    recipient: BOT,
    conversation: { id: conversationId, conversationType: 'channel', isGroup: true, tenantId: TENANT },
    channelData: {
      tenant: { id: TENANT },
      team: { id: TEAM, name: 'Support' },
      channel: { id: CHANNEL, name: 'SLA' },
    },
    locale,
    entities: [
      {
        type: 'clientInfo',
        locale,
        country: 'NL',
        platform: 'Web',
        timezone: client.timezone ?? 'Europe/Amsterdam',
      },
    ],
    ...extra,
  };
}

export function fetchTask(client: Client, commandId: string, messageText?: string): Json {
  const value: Json = {
    commandId,
    commandContext: messageText ? 'message' : 'compose',
    context: { theme: 'default' },
  };
  if (messageText)
    value.messagePayload = {
      id: '1711530000000',
      messageType: 'message',
      body: { contentType: 'html', content: messageText },
    };
  return base(client, CHANNEL, { type: 'invoke', name: 'composeExtension/fetchTask', value });
}

export function submitAction(client: Client, commandId: string, data: Json): Json {
  return base(client, CHANNEL, {
    type: 'invoke',
    name: 'composeExtension/submitAction',
    value: { commandId, commandContext: 'compose', context: { theme: 'default' }, data },
  });
}

/** An Action.Submit on a card in a thread: a message with the data (and inputs) as its value. */
export function cardSubmit(client: Client, threadId: string, cardId: string, value: Json): Json {
  return base(client, threadId, { type: 'message', text: '', replyToId: cardId, value });
}

/** "@sla-bot <words>" in the channel, with the mention entity Teams adds. */
export function mention(client: Client, words: string): Json {
  const activity = base(client, CHANNEL, {
    type: 'message',
    text: `<at>sla-bot</at> ${words}`,
    textFormat: 'plain',
  });
  (activity.entities as Json[]).push({ type: 'mention', text: '<at>sla-bot</at>', mentioned: BOT });
  return activity;
}

export async function post(
  serverUrl: string,
  activity: Json,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${serverUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(activity),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // a plain-text answer (401, 405) stays text
  }
  return { status: response.status, body };
}

export const GROUP_CHAT = '19:meeting-chat@thread.v2';

/** The same activity sent from a group chat: no team, no channel, the chat is the conversation. */
export function inGroupChat(activity: Json): Json {
  return {
    ...activity,
    conversation: { id: GROUP_CHAT, conversationType: 'groupChat', isGroup: true, tenantId: TENANT },
    channelData: { tenant: { id: TENANT } },
  };
}

/** What the Bot Framework Emulator sends: no Teams channel data, no tenant. */
export function fromEmulator(serviceUrl: string, text: string): Json {
  return {
    type: 'message',
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    channelId: 'emulator',
    serviceUrl,
    from: { id: 'user-1', name: 'User', role: 'user' },
    recipient: { id: 'bot-1', name: 'Bot', role: 'bot' },
    conversation: { id: 'emulator-conversation-1' },
    locale: 'en-US',
    text,
  };
}
