import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hostname } from 'node:os';
import { join } from 'node:path';
import pino, { type Logger } from 'pino';
import { CaseService } from './cases/service.js';
import type { Clock } from './cases/types.js';
import type { Config, ConfigProblem } from './config.js';
import { createHttpServer, HTTP_LIMITS, type HttpLimits, type HttpParts } from './http-server.js';
import { translator } from './i18n/index.js';
import { createMetrics, type ServerMetrics } from './metrics.js';
import type { Platform, PlatformContext, PlatformModule } from './platform.js';
import { createDispatcher, type Dispatcher } from './reminders/dispatcher.js';
import type { Notifier } from './reminders/notifier.js';
import { platformNotes, readSettings, type Settings } from './settings.js';
import type { Policy } from './sla/index.js';
import { openStore } from './store/open.js';
import type { Store } from './store/store.js';

/** Socket limits live with the HTTP server; re-exported for tests. */
export { HTTP_LIMITS, type HttpLimits };

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

/** One HTTP server for every platform, the health checks and metrics, plus the reminder dispatcher. */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  const read = readSettings(options.env, options.platforms);
  if (!read.ok) throw new ConfigError(read.problems);
  const { settings } = read;
  const { config, policy, policySource } = settings;
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? pino({ level: config.logLevel, base: { service: 'sla-bot' } });
  const t = translator('en');
  for (const { platform, note } of platformNotes(settings))
    logger[note.level]({ platform }, t(note.key, note.params));
  const store = openStore(config.databaseUrl ?? `sqlite:${join(config.dataDir, 'sla-bot.db')}`, {
    onError: (error) => logger.error({ err: error }, 'database connection error'),
  });
  await store.migrate();
  const cases = new CaseService({ store, clock, reminders: config.reminders, policy });
  const platforms = await buildPlatforms(settings, { cases, store, clock, logger, policy });
  const metrics = createMetrics();
  const dispatcher = serverDispatcher(config, { store, cases, platforms, metrics, clock, logger });
  const server = createHttpServer(
    { store, platforms, dispatcher, metrics, clock, logger },
    { ...HTTP_LIMITS, ...options.httpLimits },
  );
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
  const stop = stopper(server, dispatcher, platforms, store);
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

/** Every platform that is on, built with the context; each can find the others once all are built. */
async function buildPlatforms(
  settings: Settings,
  shared: Omit<PlatformContext, 'platform'>,
): Promise<Platform[]> {
  const platforms: Platform[] = [];
  const context: PlatformContext = {
    ...shared,
    platform: (name) => platforms.find((platform) => platform.name === name),
  };
  for (const { setup } of settings.platforms)
    if (setup.state === 'on') platforms.push(await setup.create(context));
  return platforms;
}

/** The reminder dispatcher, posting through each platform's notifier, measured. */
function serverDispatcher(
  config: Config,
  parts: Pick<HttpParts, 'store' | 'platforms' | 'metrics' | 'clock' | 'logger'> & { cases: CaseService },
): Dispatcher {
  const { store, cases, platforms, metrics, clock, logger } = parts;
  const notifiers: Record<string, Notifier> = {};
  for (const platform of platforms)
    if (platform.notifier) notifiers[platform.name] = measured(platform.notifier, metrics, clock);
  return createDispatcher({
    store,
    notifiers,
    cases,
    clock,
    owner: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
    ...config.dispatcher,
    logger,
  });
}

/** Stops claiming, lets requests and posts in flight finish (8 s at most), then closes the store. */
function stopper(server: Server, dispatcher: Dispatcher, platforms: readonly Platform[], store: Store) {
  let stopping: Promise<void> | undefined;
  return () => {
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
}

/** An IPv6 address in brackets, as a URL needs it. */
export function hostPart(address: string): string {
  return address.includes(':') ? `[${address}]` : address;
}

function listen(server: Server, config: Config): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code ? new ListenError(error.code, config.host, config.port) : error),
    );
    server.listen(config.port, config.host, () => resolve());
  });
}

/** Counts breaches and measures how late each reminder went out. */
function measured(notifier: Notifier, metrics: ServerMetrics, clock: Clock): Notifier {
  return {
    platform: notifier.platform,
    perChannelIntervalMs: notifier.perChannelIntervalMs,
    hasThread: (record) => notifier.hasThread(record),
    async post(post) {
      await notifier.post(post);
      metrics.observeLateness((clock.now() - post.reminder.dueAt) / 1000);
      if (post.notice.kind === 'breach') metrics.breachPosted();
    },
    postCard: (card) => notifier.postCard(card),
    updateCard: (card) => notifier.updateCard(card),
    ...(notifier.findPost && { findPost: notifier.findPost.bind(notifier) }),
    ...(notifier.findCard && { findCard: notifier.findCard.bind(notifier) }),
  };
}
