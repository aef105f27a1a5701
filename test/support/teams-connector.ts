// A local stand-in of the Bot Connector: records what the bot creates, posts and updates, and
// answers with ids as the connector does (a channel conversation's id ends in ";messageid=<id>"),
// after the latency a test gives each route (the create call answers in about 1.2 s in real
// tenants). A call is handled when it arrives, even if its answer comes late or never.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ConnectorCall {
  readonly method: string;
  readonly path: string;
  /** The conversation id in the path, decoded. */
  readonly conversationId: string | null;
  /** The activity id in the path (reply-to or updated activity). */
  readonly activityId: string | null;
  readonly body: Record<string, unknown>;
  readonly authorization: string | undefined;
  /** When it arrived (Date.now()). */
  readonly at: number;
}

/** The connector's routes, as the bot calls them. */
export type ConnectorRoute = 'createConversation' | 'sendActivity' | 'updateActivity';

export interface ConnectorStandIn {
  readonly url: string;
  readonly calls: ConnectorCall[];
  /** `route` answers after `ms` (the call is handled at once). */
  latency(route: ConnectorRoute, ms: number): void;
  /** `route` handles its calls but never answers (a lost answer: the client gives up). */
  hang(route: ConnectorRoute): void;
  /** The next calls get this status (e.g. 404, 429) instead of an answer. */
  failNext(status: number, times?: number, headers?: Record<string, string>): void;
  /** Every call about this conversation gets this status (a deleted channel, a removed bot). */
  failConversation(conversationId: string, status: number): void;
  creates(): ConnectorCall[];
  posts(): ConnectorCall[];
  updates(): ConnectorCall[];
  /** Forgets the calls (and the latency, hangs and failures when `everything`). */
  clear(everything?: boolean): void;
  close(): Promise<void>;
}

const ROUTE = /^\/v3\/conversations(?:\/([^/]+)\/activities(?:\/([^/]+))?)?\/?$/;

export async function startConnector(): Promise<ConnectorStandIn> {
  const calls: ConnectorCall[] = [];
  const failures: Array<{ status: number; headers: Record<string, string> }> = [];
  const gone = new Map<string, number>();
  const latencies = new Map<ConnectorRoute, number>();
  const hanging = new Set<ConnectorRoute>();
  let next = 1000;
  const server: Server = createServer((request, real) => {
    void readJson(request).then((body) => {
      const path = new URL(request.url ?? '/', 'http://connector').pathname;
      const match = ROUTE.exec(path);
      const conversationId = match?.[1] ? decodeURIComponent(match[1]) : null;
      const activityId = match?.[2] ? decodeURIComponent(match[2]) : null;
      const route: ConnectorRoute =
        request.method === 'PUT' ? 'updateActivity' : conversationId ? 'sendActivity' : 'createConversation';
      const response = delayed(real, hanging.has(route) ? null : (latencies.get(route) ?? 0));
      calls.push({
        method: request.method ?? '',
        path,
        conversationId,
        activityId,
        body,
        authorization: request.headers.authorization,
        at: Date.now(),
      });
      const goneStatus = conversationId ? gone.get(conversationId) : undefined;
      const failure = goneStatus ? { status: goneStatus, headers: {} } : failures.shift();
      if (failure) {
        response.writeHead(failure.status, { 'content-type': 'application/json', ...failure.headers });
        response.end(
          JSON.stringify({ error: { code: 'StandInFailure', message: `status ${failure.status}` } }),
        );
        return;
      }
      const answer = (value: unknown) => {
        response.writeHead(request.method === 'POST' && !conversationId ? 201 : 200, {
          'content-type': 'application/json',
        });
        response.end(JSON.stringify(value));
      };
      if (!match) {
        response.writeHead(404).end();
        return;
      }
      next += 1;
      if (request.method === 'POST' && !conversationId) {
        const channel =
          (body.channelData as { channel?: { id?: string } } | undefined)?.channel?.id ?? 'a:chat';
        const id = `${next}`;
        return answer({ id: `${channel};messageid=${id}`, activityId: id, serviceUrl: '' });
      }
      if (request.method === 'PUT' && activityId) return answer({ id: activityId });
      return answer({ id: `${next}` });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    calls,
    failNext(status, times = 1, headers = {}) {
      for (let i = 0; i < times; i += 1) failures.push({ status, headers });
    },
    failConversation(conversationId, status) {
      gone.set(conversationId, status);
    },
    latency: (route, ms) => void latencies.set(route, ms),
    hang: (route) => void hanging.add(route),
    creates: () => calls.filter((call) => call.method === 'POST' && call.conversationId === null),
    posts: () => calls.filter((call) => call.method === 'POST' && call.conversationId !== null),
    updates: () => calls.filter((call) => call.method === 'PUT'),
    clear: (everything = false) => {
      calls.length = 0;
      if (!everything) return;
      latencies.clear();
      hanging.clear();
      failures.length = 0;
      gone.clear();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The writes of an answer, sent `ms` later (null: never). */
function delayed(response: ServerResponse, ms: number | null) {
  let head: { status: number; headers: Record<string, string> | undefined } | null = null;
  const answer = {
    writeHead(status: number, headers?: Record<string, string>) {
      head = { status, headers };
      return answer;
    },
    end(text?: string) {
      if (ms === null) return;
      const write = () => {
        if (response.destroyed) return;
        if (head) response.writeHead(head.status, head.headers);
        response.end(text);
      };
      if (ms > 0) setTimeout(write, ms);
      else write();
    },
  };
  return answer;
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return {};
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return {};
  }
}
