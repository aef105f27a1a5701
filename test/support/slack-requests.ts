// Requests exactly as Slack sends them: form-encoded commands and `payload=` interactions, JSON
// events, each signed with the signing secret (v0 HMAC-SHA256 over `v0:<ts>:<body>`).
import { createHmac } from 'node:crypto';

export const SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';

export interface SlackResponse {
  readonly status: number;
  readonly text: string;
  json<T = Record<string, unknown>>(): T;
}

export interface SendOptions {
  readonly secret?: string;
  /** Seconds since the epoch; default now. */
  readonly timestamp?: number;
  readonly headers?: Record<string, string>;
}

export function signature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export async function sendSigned(
  url: string,
  body: string,
  contentType: string,
  options: SendOptions = {},
): Promise<SlackResponse> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': signature(options.secret ?? SIGNING_SECRET, timestamp, body),
      ...options.headers,
    },
    body,
  });
  const text = await response.text();
  return { status: response.status, text, json: <T>() => JSON.parse(text) as T };
}

export interface CommandFields {
  readonly text: string;
  readonly user?: string;
  readonly channel?: string;
  readonly team?: string;
  readonly responseUrl: string;
}

export function slashCommandBody(fields: CommandFields): string {
  return new URLSearchParams({
    token: 'deprecated-verification-token',
    team_id: fields.team ?? 'T1',
    team_domain: 'acme',
    channel_id: fields.channel ?? 'C1',
    channel_name: 'support',
    user_id: fields.user ?? 'U1',
    user_name: 'ann',
    command: '/sla',
    text: fields.text,
    api_app_id: 'A1',
    is_enterprise_install: 'false',
    response_url: fields.responseUrl,
    trigger_id: `trigger-${Math.random().toString(36).slice(2)}`,
  }).toString();
}

export function payloadBody(payload: unknown): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

export const FORM = 'application/x-www-form-urlencoded';
export const JSON_TYPE = 'application/json';

export function viewSubmission(
  view: { id: string; callback_id: string; private_metadata: string; values: unknown },
  user = 'U1',
  team = 'T1',
) {
  return {
    type: 'view_submission',
    team: { id: team, domain: 'acme' },
    user: { id: user, username: 'ann', name: 'ann', team_id: team },
    api_app_id: 'A1',
    token: 'deprecated',
    trigger_id: `trigger-${Math.random().toString(36).slice(2)}`,
    view: {
      id: view.id,
      team_id: team,
      type: 'modal',
      callback_id: view.callback_id,
      private_metadata: view.private_metadata,
      state: { values: view.values },
      hash: 'h',
      title: { type: 'plain_text', text: 'x' },
      blocks: [],
      app_id: 'A1',
      bot_id: 'BBOT',
      root_view_id: view.id,
      previous_view_id: null,
      close: null,
      submit: null,
    },
    response_urls: [],
  };
}

export function blockAction(
  action: Record<string, unknown>,
  where: { channel: string; ts: string },
  user = 'U2',
  team = 'T1',
) {
  return {
    type: 'block_actions',
    team: { id: team, domain: 'acme' },
    user: { id: user, username: 'bob', name: 'bob', team_id: team },
    api_app_id: 'A1',
    token: 'deprecated',
    trigger_id: `trigger-${Math.random().toString(36).slice(2)}`,
    container: { type: 'message', message_ts: where.ts, channel_id: where.channel, is_ephemeral: false },
    channel: { id: where.channel, name: 'support' },
    message: { ts: where.ts, type: 'message', text: '', blocks: [] },
    response_url: 'http://127.0.0.1:9/never',
    actions: [{ action_ts: String(Date.now() / 1000), ...action }],
  };
}

export function eventEnvelope(event: Record<string, unknown>, team = 'T1') {
  return {
    token: 'deprecated',
    team_id: team,
    api_app_id: 'A1',
    event,
    type: 'event_callback',
    event_id: `Ev${Math.random().toString(36).slice(2)}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: team, user_id: 'UBOT', is_bot: true, is_enterprise_install: false }],
  };
}
