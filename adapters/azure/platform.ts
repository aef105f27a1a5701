// The Azure ticket watcher as one of the server's platforms: read from AZURE_* variables, it polls the
// watched subscriptions, opens and follows cases through the case service (the chat platforms post
// the cards), reports its health in /readyz, and answers chat's `/sla watch` and `/sla track`.
import type { TokenCredential } from '@azure/core-auth';
import { DefaultAzureCredential } from '@azure/identity';
import { translator } from '../../src/i18n/index.js';
import type {
  Platform,
  PlatformContext,
  PlatformModule,
  PlatformReadiness,
  PlatformSetup,
} from '../../src/platform.js';
import { configuredTicketSource } from './arm-client.js';
import { caseServiceSink, coreTicketReader } from './case-sink.js';
import { type AzureConfig, loadAzureConfig } from './config.js';
import { type AzureDesk, createDesk } from './desk.js';
import { classify, type WatchProblem } from './problems.js';
import { registerConfiguredWatches } from './register.js';
import { AzureWatcher, DEFAULT_TUNING } from './watcher.js';

export const AZURE_PLATFORM = 'azure';

export interface AzurePlatform extends Platform {
  readonly desk: AzureDesk;
  readonly watcher: AzureWatcher;
}

export interface AzureModuleOptions {
  /** Default: `DefaultAzureCredential` (managed identity, a service principal from the environment, CLI). */
  readonly credential?: () => TokenCredential;
}

/** The module `adapters/index.ts` lists; tests build one with their own credential. */
export function azureModule(options: AzureModuleOptions = {}): PlatformModule {
  return {
    name: AZURE_PLATFORM,
    configure(env): PlatformSetup {
      const loaded = loadAzureConfig(env);
      if (!loaded.ok) {
        const problems = loaded.problems.map((p) => ({
          key: `azure:config.problem.${p.key}`,
          params: p.params,
        }));
        return { state: 'invalid', problems };
      }
      const { config } = loaded;
      if (!config.enabled) return { state: 'off', note: { level: 'info', key: 'azure:log.off' } };
      return {
        state: 'on',
        note: {
          level: 'info',
          key: 'azure:log.on',
          params: { count: config.watches.length, seconds: config.pollMs / 1000 },
        },
        create: (context) => createAzurePlatform(config, context, options),
      };
    },
  };
}

export const azure = azureModule();

export function createAzurePlatform(
  config: AzureConfig,
  context: PlatformContext,
  options: AzureModuleOptions = {},
): AzurePlatform {
  const t = translator('en');
  const logger = context.logger.child({ platform: AZURE_PLATFORM });
  const now = () => context.clock.now();
  const credential = options.credential?.() ?? new DefaultAzureCredential();
  const source = configuredTicketSource(config, credential, now);
  const sink = caseServiceSink(context.cases);
  const read = coreTicketReader(context.policy);
  const describe = (key: string, params: Record<string, string>) => t(`azure:${key}`, params);
  const watcher = new AzureWatcher({
    source,
    store: context.store,
    sink,
    read,
    pollMs: config.pollMs,
    now,
    log: logger,
    describe,
  });
  /** What the last look at the credential found, before any subscription was read. */
  let access: WatchProblem | null = null;
  const desk = createDesk({
    source,
    store: context.store,
    sink,
    read,
    holder: watcher.holder,
    now,
    claimLeaseMs: DEFAULT_TUNING.claimLeaseMs,
    chatTenants: config.chatTenants,
    onProbe: (problem) => {
      access = problem;
    },
  });

  async function checkCredential(): Promise<void> {
    try {
      // The scope the SDK asks for: the endpoint's own.
      await credential.getToken(`${config.endpoint}/.default`);
      access = null;
    } catch (error) {
      const problem = classify(error, '');
      const said = problem.health === 'credentials' || problem.health === 'credentialsRejected';
      access = { ...problem, key: `probe.${said ? problem.health : 'unreachable'}` };
      logger.warn({ health: access.health }, describe(access.key, access.params));
    }
  }

  return {
    name: AZURE_PLATFORM,
    desk,
    watcher,
    async start() {
      await registerConfiguredWatches(context.store, config.watches, now());
      void checkCredential();
      watcher.start();
    },
    stop: () => watcher.stop(),
    readiness: () => readinessOf(watcher, access, describe),
  };
}

/** Ready while every watched subscription was read at its last poll; otherwise what to set or grant. */
function readinessOf(
  watcher: AzureWatcher,
  access: WatchProblem | null,
  describe: (key: string, params: Record<string, string>) => string,
): PlatformReadiness {
  const { watches } = watcher.status();
  const problems = watches.flatMap((watch) => (watch.problem ? [watch.problem] : []));
  const read = watches.some((watch) => watch.health === 'ok');
  const first = problems[0] ?? (read ? null : access);
  if (!first) return { ready: true, state: watches.length ? 'watching' : 'ready' };
  const others = problems.slice(1).map((problem) => problem.params.subscription ?? '');
  const more = others.length ? ` ${describe('problem.more', { others: others.join(', ') })}` : '';
  return {
    ready: false,
    state: first.health,
    reason: first.health,
    detail: `${describe(first.key, first.params)}${more}`,
  };
}
