// The Azure ticket watcher: the platform the server runs (`azure`), and the watcher assembled from
// its configuration and ports on its own (tests, tools).
import type { TokenCredential } from '@azure/core-auth';
import { DefaultAzureCredential } from '@azure/identity';
import { configuredTicketSource } from './arm-client.js';
import type { AzureConfig } from './config.js';
import type { CaseSink, TicketReader, WatchStore } from './ports.js';
import { registerConfiguredWatches } from './register.js';
import { AzureWatcher, type WatcherLog } from './watcher.js';

export { AZURE_ACTOR, caseServiceSink, coreTicketReader } from './case-sink.js';
export { type AzureConfig, type AzureConfigProblem, loadAzureConfig } from './config.js';
export { type AzureDesk, azureDeskOf, type ChatPlace, type TrackAnswer, type WatchAnswer } from './desk.js';
export { MemoryWatchStore } from './memory-store.js';
export { AZURE_PLATFORM, type AzurePlatform, azure, azureModule } from './platform.js';
export type * from './ports.js';
export { openKey, watchKey } from './ports.js';
export { AzureWatcher, type WatcherStatus, type WatchStatus } from './watcher.js';

export interface AzureWatcherDeps {
  readonly config: AzureConfig;
  readonly store: WatchStore;
  readonly sink: CaseSink;
  readonly read: TicketReader;
  /** Default: `DefaultAzureCredential` (managed identity, service principal from the environment, CLI). */
  readonly credential?: TokenCredential;
  readonly log?: WatcherLog;
  readonly describe?: (key: string, params: Record<string, string>) => string;
  readonly now?: () => number;
  readonly holder?: string;
}

/** Registers the configured watches (a re-registered one keeps its `since`) and builds the watcher. */
export async function createAzureWatcher(deps: AzureWatcherDeps): Promise<AzureWatcher> {
  const now = deps.now ?? Date.now;
  const { config } = deps;
  await registerConfiguredWatches(deps.store, config.watches, now());
  const source = configuredTicketSource(config, deps.credential ?? new DefaultAzureCredential(), now);
  return new AzureWatcher({
    source,
    store: deps.store,
    sink: deps.sink,
    read: deps.read,
    pollMs: config.pollMs,
    now,
    holder: deps.holder,
    log: deps.log,
    describe: deps.describe,
  });
}
