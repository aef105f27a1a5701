import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hostname } from 'node:os';
import { join } from 'node:path';
import pino, { type Logger } from 'pino';
import { CaseService } from './cases/service.js';
import type { Clock } from './cases/types.js';
import { type Config, type ConfigProblem, loadConfig } from './config.js';
import { sendJson, sendText } from './http.js';
import { prometheusText } from './metrics.js';
import type { ChatPlatform, PlatformContext } from './platform.js';
import { createDispatcher, type Dispatcher } from './reminders/dispatcher.js';
import type { Notifier } from './reminders/notifier.js';
import { openStore } from './store/open.js';
import type { Store } from './store/store.js';

export interface StartOptions {
  readonly env: NodeJS.ProcessEnv;
  readonly clock?: Clock;
  readonly logger?: Logger;
  /** `manual`: tests call `dispatcher.tick()` themselves with their injected clock. */
  readonly dispatch?: 'poll' | 'manual';
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  readonly config: Config;
  readonly cases: CaseService;
  readonly store: Store;
  readonly dispatcher: Dispatcher;
  readonly platforms: readonly ChatPlatform[];
  stop(): Promise<void>;
}

export class ConfigError extends Error {
  constructor(readonly problems: ConfigProblem[]) {
    super(`configuration: ${problems.map((problem) => problem.key).join(', ')}`);
    this.name = 'ConfigError';
  }
}

const systemClock: Clock = { now: () => Date.now() };
const STOP_GRACE_MS = 8_000;

/** One HTTP server for both chat platforms, the health checks and metrics, plus the reminder dispatcher. */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  const loaded = loadConfig(options.env);
  if (!loaded.ok) throw new ConfigError(loaded.problems);
  const config = loaded.config;
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? pino({ level: config.logLevel, base: { service: 'sla-bot' } });
  const store = openStore(config.databaseUrl ?? `sqlite:${join(config.dataDir, 'sla-bot.db')}`, {
    onError: (error) => logger.error({ err: error }, 'database connection error'),
  });
  await store.migrate();
  const cases = new CaseService({ store, clock, reminders: config.reminders });
  const context: PlatformContext = { config, cases, store, clock, logger };
  const platforms = await loadPlatforms(context);

  const notifiers: Partial<Record<ChatPlatform['name'], Notifier>> = {};
  for (const platform of platforms) notifiers[platform.name] = platform.notifier;
  const dispatcher = createDispatcher({
    store,
    notifiers,
    cases,
    clock,
    owner: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
    ...config.dispatcher,
    logger,
  });

  const server = createServer((request, response) => {
    route(request, response).catch((error: unknown) => {
      logger.error({ err: error, path: request.url }, 'request failed');
      if (!response.headersSent) sendJson(response, 500, { error: 'internal_error' });
      else response.end();
    });
  });
  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (pathname === '/healthz') return sendJson(response, 200, { status: 'ok' });
    if (pathname === '/readyz') return readiness(store, response);
    if (pathname === '/metrics') {
      const text = prometheusText({
        store: await store.stats(clock.now()),
        dispatcher: dispatcher.stats(),
        breachesPosted: dispatcher.stats().sentByKind.breach,
      });
      return sendText(response, 200, text, 'text/plain; version=0.0.4; charset=utf-8');
    }
    const platform = platforms.find((candidate) => candidate.handles(pathname));
    if (platform) return platform.handle(request, response);
    sendJson(response, 404, { error: 'not_found', path: pathname });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  for (const platform of platforms) await platform.start?.();
  if (options.dispatch !== 'manual') dispatcher.start();
  const port = (server.address() as AddressInfo).port;
  const shownHost = config.host === '0.0.0.0' ? '127.0.0.1' : config.host;

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
  return { url: `http://${shownHost}:${port}`, port, config, cases, store, dispatcher, platforms, stop };
}

async function readiness(store: Store, response: ServerResponse): Promise<void> {
  try {
    await store.ping();
    const status = await store.migrationStatus();
    if (status.pending.length)
      return sendJson(response, 503, { status: 'migrations_pending', pending: status.pending });
    sendJson(response, 200, { status: 'ready', migrations: status.applied.length });
  } catch (error) {
    sendJson(response, 503, { status: 'store_unreachable', error: (error as Error).message });
  }
}

/** Slack and Teams, each only when its adapter says it can run with this configuration. */
async function loadPlatforms(context: PlatformContext): Promise<ChatPlatform[]> {
  const { createSlackPlatform } = await import('../adapters/slack/index.js');
  const { createTeamsPlatform } = await import('../adapters/teams/index.js');
  const platforms = [await createSlackPlatform(context), await createTeamsPlatform(context)];
  return platforms.filter((platform): platform is ChatPlatform => platform !== null);
}
