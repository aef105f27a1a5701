// The shared HTTP server: health, readiness and metrics, then each platform's routes, with every
// socket's time bounded.
import {
  createServer,
  type IncomingMessage,
  type Server,
  type ServerOptions,
  type ServerResponse,
} from 'node:http';
import type { Logger } from 'pino';
import type { Clock } from './cases/types.js';
import { sendJson, sendText } from './http.js';
import type { ServerMetrics } from './metrics.js';
import type { Platform } from './platform.js';
import type { Dispatcher } from './reminders/dispatcher.js';
import type { Store } from './store/store.js';

/** How long a socket may take: bounded so slow or idle clients cannot hold connections open. */
export interface HttpLimits {
  /** Until the request's headers are in (also a connection that sends nothing). */
  readonly headersTimeoutMs: number;
  /** Until the whole request, body included, is in. */
  readonly requestTimeoutMs: number;
  /** An idle keep-alive connection between requests. */
  readonly keepAliveTimeoutMs: number;
}

export const HTTP_LIMITS: HttpLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 15_000,
  keepAliveTimeoutMs: 5_000,
};

export interface HttpParts {
  readonly store: Store;
  readonly platforms: readonly Platform[];
  readonly dispatcher: Dispatcher;
  readonly metrics: ServerMetrics;
  readonly clock: Clock;
  readonly logger: Logger;
}

export function createHttpServer(parts: HttpParts, limits: HttpLimits): Server {
  const { store, platforms, dispatcher, metrics, clock, logger } = parts;
  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const started = performance.now();
    const pathname = pathOf(request);
    if (pathname === '/healthz') return sendJson(response, 200, { status: 'ok' });
    if (pathname === '/readyz') return readiness(store, platforms, response);
    if (pathname === '/metrics') {
      const snapshot = { store: await store.stats(clock.now()), dispatcher: dispatcher.stats() };
      return sendText(response, 200, await metrics.text(snapshot), metrics.contentType);
    }
    const platform = platforms.find((candidate) => candidate.routes?.handles(pathname));
    if (!platform?.routes) return sendJson(response, 404, { error: 'not_found', path: pathname });
    response.once('finish', () => metrics.observeAck(platform.name, (performance.now() - started) / 1000));
    return platform.routes.handle(request, response);
  }
  const server = createServer(httpOptions(limits), (request, response) => {
    route(request, response).catch((error: unknown) => {
      logger.error({ err: error, path: pathOf(request) }, 'request failed');
      if (!response.headersSent) sendJson(response, 500, { error: 'internal_error' });
      else response.end();
    });
  });
  dropSilentConnections(server, limits.headersTimeoutMs);
  return server;
}

function pathOf(request: IncomingMessage): string {
  return new URL(request.url ?? '/', 'http://localhost').pathname;
}

function httpOptions(limits: HttpLimits): ServerOptions {
  return {
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    // Node checks those timeouts every 30 s by default: a slow client would hold on that much longer.
    connectionsCheckingInterval: Math.min(1000, Math.floor(limits.headersTimeoutMs / 4)),
  };
}

/**
 * Node's headers timeout only starts with a request's first byte: a connection that sends nothing
 * would stay open. Such a socket times out here; once a request arrives, the request's own limits rule.
 */
function dropSilentConnections(server: Server, timeoutMs: number): void {
  server.on('connection', (socket) => socket.setTimeout(timeoutMs));
  server.on('request', (request: IncomingMessage) => request.socket.setTimeout(0));
}

/** 200 while the store is reachable and migrated; each platform says how it is doing. */
async function readiness(
  store: Store,
  platforms: readonly Platform[],
  response: ServerResponse,
): Promise<void> {
  const states = Object.fromEntries(
    platforms.map((platform) => [platform.name, platform.readiness?.() ?? { ready: true, state: 'ready' }]),
  );
  const degraded = Object.values(states).some((state) => !state.ready);
  try {
    await store.ping();
    const status = await store.migrationStatus();
    if (status.pending.length)
      return sendJson(response, 503, {
        status: 'migrations_pending',
        pending: status.pending,
        platforms: states,
      });
    sendJson(response, 200, {
      status: degraded ? 'degraded' : 'ready',
      migrations: status.applied.length,
      platforms: states,
    });
  } catch {
    sendJson(response, 503, { status: 'store_unreachable', platforms: states });
  }
}
