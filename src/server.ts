import { randomUUID } from 'node:crypto';
import {
  createServer,
  type IncomingMessage,
  type Server,
  type ServerOptions,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { hostname } from 'node:os';
import { join } from 'node:path';
import pino, { type Logger } from 'pino';
import { CaseService } from './cases/service.js';
import type { Clock } from './cases/types.js';
import type { Config, ConfigProblem } from './config.js';
import { sendJson, sendText } from './http.js';
import { translator } from './i18n/index.js';
import { createMetrics, type ServerMetrics } from './metrics.js';
import type { Platform, PlatformContext, PlatformModule } from './platform.js';
import { createDispatcher, type Dispatcher } from './reminders/dispatcher.js';
import type { Notifier } from './reminders/notifier.js';
import { platformNotes, readSettings } from './settings.js';
import type { Policy } from './sla/index.js';
import { openStore } from './store/open.js';
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

export interface StartOptions {
  readonly env: NodeJS.ProcessEnv;
  /** The platforms this build knows (`adapters/index.ts`); each reads its own settings from `env`. */
  readonly platforms: readonly PlatformModule[];
  readonly clock?: Clock;
  readonly logger?: Logger;
  /** `manual`: tests call `dispatcher.tick()` themselves with their injected clock. */
  readonly dispatch?: 'poll' | 'manual';
  /** Tests shorten these to see a slow client dropped. */
  readonly httpLimits?: Partial<HttpLimits>;
}

export interface RunningServer {
  /** Where this machine reaches the server (127.0.0.1 when bound to every interface). */
  readonly url: string;
  /** The address actually bound, as the operating system reports it (`0.0.0.0`, `::`, `127.0.0.1`). */
  readonly address: string;
  readonly port: number;
  readonly config: Config;
  readonly policy: Policy;
  readonly policySource: string;
  readonly cases: CaseService;
  readonly store: Store;
  readonly dispatcher: Dispatcher;
  readonly platforms: readonly Platform[];
  stop(): Promise<void>;
}

export class ConfigError extends Error {
  constructor(readonly problems: ConfigProblem[]) {
    super(`configuration: ${problems.map((problem) => problem.key).join(', ')}`);
    this.name = 'ConfigError';
  }
}

/** The port could not be had: `code` is the system's (`EADDRINUSE`, `EACCES`, `EADDRNOTAVAIL`). */
export class ListenError extends Error {
  constructor(
    readonly code: string,
    readonly host: string,
    readonly port: number,
  ) {
    super(`cannot listen on ${host}:${port} (${code})`);
    this.name = 'ListenError';
  }
}

const systemClock: Clock = { now: () => Date.now() };
const STOP_GRACE_MS = 8_000;
const POST_TIMEOUT_MS = 7_000;

/** One HTTP server for every platform, the health checks and metrics, plus the reminder dispatcher. */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  const read = readSettings(options.env, options.platforms);
  if (!read.ok) throw new ConfigError(read.problems);
  const { config, policy, policySource } = read.settings;
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? pino({ level: config.logLevel, base: { service: 'sla-bot' } });
  const t = translator('en');
  for (const { platform, note } of platformNotes(read.settings))
    logger[note.level]({ platform }, t(note.key, note.params));
  const store = openStore(config.databaseUrl ?? `sqlite:${join(config.dataDir, 'sla-bot.db')}`, {
    onError: (error) => logger.error({ err: error }, 'database connection error'),
  });
  await store.migrate();
  const cases = new CaseService({ store, clock, reminders: config.reminders, policy });
  const platforms: Platform[] = [];
  const context: PlatformContext = {
    cases,
    store,
    clock,
    logger,
    policy,
    platform: (name) => platforms.find((platform) => platform.name === name),
  };
  for (const { setup } of read.settings.platforms)
    if (setup.state === 'on') platforms.push(await setup.create(context));

  const metrics = createMetrics();
  const notifiers: Record<string, Notifier> = {};
  for (const platform of platforms)
    if (platform.notifier) notifiers[platform.name] = measured(platform.notifier, metrics, clock);
  const dispatcher = createDispatcher({
    store,
    notifiers,
    clock,
    owner: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
    ...config.dispatcher,
    // A hung post is abandoned before the 10-second shutdown budget runs out.
    postTimeoutMs: Math.min(POST_TIMEOUT_MS, Math.floor(config.dispatcher.leaseMs / 3)),
    logger,
  });

  const limits = { ...HTTP_LIMITS, ...options.httpLimits };
  const server = createServer(httpOptions(limits), (request, response) => {
    route(request, response).catch((error: unknown) => {
      logger.error({ err: error, path: pathOf(request) }, 'request failed');
      if (!response.headersSent) sendJson(response, 500, { error: 'internal_error' });
      else response.end();
    });
  });
  dropSilentConnections(server, limits.headersTimeoutMs);
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

  try {
    await listen(server, config);
  } catch (error) {
    await store.close();
    throw error;
  }
  for (const platform of platforms) await platform.start?.();
  if (options.dispatch !== 'manual') dispatcher.start();
  const { address, port } = server.address() as AddressInfo;
  const reachable = address === '0.0.0.0' ? '127.0.0.1' : address === '::' ? '[::1]' : hostPart(address);

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      await dispatcher.stop();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const grace = setTimeout(() => server.closeAllConnections(), STOP_GRACE_MS);
      grace.unref();
      for (const platform of platforms) await platform.stop?.();
      await closed;
      clearTimeout(grace);
      await store.close();
    })();
    return stopping;
  };
  return {
    url: `http://${reachable}:${port}`,
    address,
    port,
    config,
    policy,
    policySource,
    cases,
    store,
    dispatcher,
    platforms,
    stop,
  };
}

function pathOf(request: IncomingMessage): string {
  return new URL(request.url ?? '/', 'http://localhost').pathname;
}

/** An IPv6 address in brackets, as a URL needs it. */
export function hostPart(address: string): string {
  return address.includes(':') ? `[${address}]` : address;
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

function listen(server: Server, config: Config): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code ? new ListenError(error.code, config.host, config.port) : error),
    );
    server.listen(config.port, config.host, () => resolve());
  });
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

/** Counts breaches and measures how late each reminder went out. */
function measured(notifier: Notifier, metrics: ServerMetrics, clock: Clock): Notifier {
  return {
    platform: notifier.platform,
    async post(caseRecord, reminder) {
      await notifier.post(caseRecord, reminder);
      metrics.observeLateness((clock.now() - reminder.dueAt) / 1000);
      if (reminder.kind === 'breach') metrics.breachPosted();
    },
  };
}
