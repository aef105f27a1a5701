// A local stand-in of the Bot Connector: records what the bot creates, posts and updates, and
// answers with ids as the connector does (a channel conversation's id ends in ";messageid=<id>").
import { createServer, type IncomingMessage, type Server } from 'node:http';
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
}

export interface ConnectorStandIn {
  readonly url: string;
  readonly calls: ConnectorCall[];
  /** The next calls get this status (e.g. 404, 429) instead of an answer. */
  failNext(status: number, times?: number, headers?: Record<string, string>): void;
  /** Every call about this conversation gets this status (a deleted channel, a removed bot). */
  failConversation(conversationId: string, status: number): void;
  creates(): ConnectorCall[];
  posts(): ConnectorCall[];
  updates(): ConnectorCall[];
  clear(): void;
  close(): Promise<void>;
}

const ROUTE = /^\/v3\/conversations(?:\/([^/]+)\/activities(?:\/([^/]+))?)?\/?$/;

export async function startConnector(): Promise<ConnectorStandIn> {
  const calls: ConnectorCall[] = [];
  const failures: Array<{ status: number; headers: Record<string, string> }> = [];
  const gone = new Map<string, number>();
  let next = 1000;
  const server: Server = createServer((request, response) => {
    void readJson(request).then((body) => {
      const path = new URL(request.url ?? '/', 'http://connector').pathname;
      const match = ROUTE.exec(path);
      const conversationId = match?.[1] ? decodeURIComponent(match[1]) : null;
      const activityId = match?.[2] ? decodeURIComponent(match[2]) : null;
      calls.push({
        method: request.method ?? '',
        path,
        conversationId,
        activityId,
        body,
        authorization: request.headers.authorization,
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
    creates: () => calls.filter((call) => call.method === 'POST' && call.conversationId === null),
    posts: () => calls.filter((call) => call.method === 'POST' && call.conversationId !== null),
    updates: () => calls.filter((call) => call.method === 'PUT'),
    clear: () => {
      calls.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
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
