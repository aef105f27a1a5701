// A local stand-in for the Slack Web API: records every call and answers as Slack does, including
// the failures a test asks for (channel_not_found, not_in_channel, 429 with Retry-After), the
// latency of a real workspace (seconds for a slow post), and its per-channel rate limit. Messages
// are kept per channel and thread, with their metadata, and read back with conversations.replies
// and conversations.history as Slack does. A message is posted when its request arrives, even if
// the answer comes late or never (a client that gave up, or was killed, still posted it).
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { keep, type Latency, latencyOf, postLimiter, type StoredMessage } from './slack-messages.js';

export type { Latency, StoredMessage } from './slack-messages.js';

export interface RecordedCall {
  /** Web API method (`chat.postMessage`), or `response_url` for posts to a response URL. */
  readonly method: string;
  readonly path: string;
  readonly body: Record<string, unknown>;
  readonly token: string | undefined;
  /** When it arrived (Date.now()). */
  readonly at?: number;
}

export interface SlackUser {
  readonly id: string;
  readonly name?: string;
  readonly locale?: string;
  readonly tz?: string;
}

export type Failure = { error: string } | { status: 429; retryAfter: number } | { status: number };

export interface SlackStandIn {
  /** Base URL for SLACK_API_URL (ends with `/api/`). */
  readonly apiUrl: string;
  /** A response_url pointing here. */
  readonly responseUrl: string;
  readonly calls: RecordedCall[];
  callsTo(method: string): RecordedCall[];
  /** Resolves once `count` calls to `method` were recorded (polls; fails after `timeoutMs`). */
  waitFor(method: string, count?: number, timeoutMs?: number): Promise<RecordedCall[]>;
  /** Every later call to `method` (to `channel`, if given) fails this way until `clear`. */
  fail(method: string, failure: Failure, channel?: string): void;
  clear(): void;
  user(user: SlackUser): void;
  /** Answers `method` with `body` from now on (e.g. apps.connections.open with a WebSocket URL). */
  answer(method: string, body: unknown): void;
  /** The next `times` calls to `method` fail this way, then it works again. */
  failNext(method: string, failure: Failure, times?: number): void;
  /** `method` answers after this long (the call is handled, and a message posted, at once). */
  latency(method: string, latency: Latency): void;
  /** `method` handles its calls but never answers them (a lost answer: the client times out). */
  hang(method: string): void;
  /**
   * Slack's special limit on posting: about one message per second per channel, after a short
   * burst; beyond it chat.postMessage answers 429 with Retry-After. Off until called.
   */
  limitPostsPerChannel(options?: { perSecond?: number; burst?: number }): void;
  /** chat.postMessage calls refused with 429 by the per-channel limit. */
  readonly rateLimited: RecordedCall[];
  /** Every message posted, in order (updates change them in place). */
  readonly messages: StoredMessage[];
  /** The replies in a thread, oldest first. */
  replies(channel: string, threadTs: string): StoredMessage[];
  close(): Promise<void>;
}

export async function startSlackStandIn(): Promise<SlackStandIn> {
  const calls: RecordedCall[] = [];
  const failures = new Map<string, { failure: Failure; channel: string | undefined }>();
  const once = new Map<string, Failure[]>();
  const latencies = new Map<string, Latency>();
  const hanging = new Set<string>();
  const users = new Map<string, SlackUser>();
  const answers = new Map<string, unknown>();
  const rateLimited: RecordedCall[] = [];
  const messages: StoredMessage[] = [];
  const limiter = postLimiter();
  let sequence = 0;
  const nextTs = () => `1774600000.${String(++sequence).padStart(6, '0')}`;

  const server: Server = createServer(async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const body = await readBody(request);
    const isApi = path.startsWith('/api/');
    const method = isApi ? path.slice('/api/'.length) : 'response_url';
    const auth = request.headers.authorization;
    const token = auth?.replace(/^Bearer /, '') ?? (body.token as string | undefined);
    const call = { method, path, body, token, at: Date.now() };
    calls.push(call);
    const rule = failures.get(method);
    const failure =
      once.get(method)?.shift() ??
      (rule && (rule.channel === undefined || rule.channel === body.channel) ? rule.failure : undefined);
    const send = (status: number, answer: unknown, headers: Record<string, string> = {}) => {
      if (hanging.has(method)) return; // handled, never answered
      const delay = latencyOf(latencies.get(method), body);
      const write = () => {
        if (response.destroyed) return;
        response
          .writeHead(status, { 'content-type': 'application/json', ...headers })
          .end(JSON.stringify(answer));
      };
      if (delay > 0) setTimeout(write, delay);
      else write();
    };
    if (failure && 'status' in failure) {
      const headers: Record<string, string> = {};
      if ('retryAfter' in failure) headers['retry-after'] = String(failure.retryAfter);
      send(
        failure.status,
        { ok: false, error: failure.status === 429 ? 'ratelimited' : 'internal_error' },
        headers,
      );
      return;
    }
    if (!failure && method === 'chat.postMessage' && !limiter.allow(String(body.channel ?? ''))) {
      rateLimited.push(call);
      send(429, { ok: false, error: 'ratelimited' }, { 'retry-after': '1' });
      return;
    }
    const answer = failure
      ? { ok: false, error: failure.error }
      : answers.has(method)
        ? answers.get(method)
        : (keep(messages, method, body, nextTs) ?? answerFor(method, body, users, nextTs));
    send(200, answer);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  const callsTo = (method: string) => calls.filter((call) => call.method === method);

  return {
    apiUrl: `${base}/api/`,
    responseUrl: `${base}/response/T1/1/abc`,
    calls,
    callsTo,
    async waitFor(method, count = 1, timeoutMs = 5_000) {
      const until = Date.now() + timeoutMs;
      while (callsTo(method).length < count) {
        if (Date.now() > until)
          throw new Error(
            `waited ${timeoutMs} ms for ${count} × ${method}; saw ${calls.map((c) => c.method).join(', ') || 'nothing'}`,
          );
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      return callsTo(method);
    },
    fail: (method, failure, channel) => void failures.set(method, { failure, channel }),
    clear: () => {
      failures.clear();
      once.clear();
      latencies.clear();
      hanging.clear();
      limiter.off();
    },
    user: (user) => void users.set(user.id, user),
    answer: (method, body) => void answers.set(method, body),
    failNext(method, failure, times = 1) {
      const queue = once.get(method) ?? [];
      for (let i = 0; i < times; i += 1) queue.push(failure);
      once.set(method, queue);
    },
    latency: (method, latency) => void latencies.set(method, latency),
    hang: (method) => void hanging.add(method),
    limitPostsPerChannel: (options) => limiter.on(options?.perSecond ?? 1, options?.burst ?? 3),
    rateLimited,
    messages,
    replies: (channel, threadTs) => messages.filter((m) => m.channel === channel && m.threadTs === threadTs),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function answerFor(
  method: string,
  body: Record<string, unknown>,
  users: Map<string, SlackUser>,
  nextTs: () => string,
): unknown {
  switch (method) {
    case 'response_url':
      return { ok: true };
    case 'auth.test':
      return { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1', team: 'Test', user: 'sla-bot' };
    case 'users.info': {
      const id = String(body.user ?? '');
      const user = users.get(id) ?? { id };
      return {
        ok: true,
        user: {
          id,
          name: user.name ?? id.toLowerCase(),
          real_name: user.name ?? id,
          locale: user.locale ?? 'en-US',
          tz: user.tz ?? 'Europe/Amsterdam',
          profile: { display_name: user.name ?? '' },
        },
      };
    }
    case 'oauth.v2.access':
      return {
        ok: true,
        app_id: 'A1',
        authed_user: { id: 'U1' },
        scope: 'commands,chat:write,users:read',
        token_type: 'bot',
        access_token: `xoxb-installed-${String(body.code ?? '')}`,
        bot_user_id: 'UBOT',
        team: { id: 'T-OAUTH', name: 'OAuth Team' },
        enterprise: null,
        is_enterprise_install: false,
      };
    case 'chat.postEphemeral':
      return { ok: true, message_ts: nextTs() };
    case 'views.open':
    case 'views.publish':
      return { ok: true, view: { id: `V${Date.now()}` } };
    default:
      return { ok: true };
  }
}

async function readBody(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return {};
  if ((request.headers['content-type'] ?? '').includes('json'))
    return JSON.parse(text) as Record<string, unknown>;
  const body: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(text)) {
    body[key] = /^[[{]/.test(value) ? safeJson(value) : value;
  }
  return body;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
