// Builds the watcher's pieces against the HTTPS stand-in: the real SDK client trusting the test CA,
// a test credential, the in-memory store and sink.
import { armTicketSource, type TicketSource } from '../../../adapters/azure/arm-client.js';
import { type GateOptions, sleep } from '../../../adapters/azure/gate.js';
import { MemoryWatchStore } from '../../../adapters/azure/memory-store.js';
import type { Watch } from '../../../adapters/azure/ports.js';
import { AzureWatcher, type AzureWatcherOptions } from '../../../adapters/azure/watcher.js';
import { TestCredential } from '../../support/arm-credential.js';
import type { ArmStandIn } from '../../support/arm-stand-in.js';
import { fakeReader, MemoryCaseSink } from './doubles.js';

export const SUBSCRIPTION = '6c2d2a5e-2c5b-4c1e-9f0e-3a1d4b5c6d7e';
export const OTHER_SUBSCRIPTION = '0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0';

export function gateOptions(overrides: Partial<GateOptions> = {}): GateOptions {
  return {
    concurrency: 4,
    spacingMs: 10,
    retries: 3,
    maxInlineWaitMs: 5_000,
    now: Date.now,
    sleep,
    ...overrides,
  };
}

export function source(
  arm: ArmStandIn,
  credential = new TestCredential(),
  gate = gateOptions(),
): TicketSource {
  return armTicketSource({ credential, endpoint: arm.endpoint, ca: arm.ca, gate });
}

export function watchOf(overrides: Partial<Watch> = {}): Watch {
  return {
    tenantId: 'T-CONTOSO',
    subscriptionId: SUBSCRIPTION,
    platform: 'slack',
    channelId: 'C-SUPPORT',
    conversation: { channel: 'C-SUPPORT' },
    locale: 'en',
    since: Date.parse('2026-03-02T08:00:00Z'),
    ...overrides,
  };
}

export interface Rig {
  readonly store: MemoryWatchStore;
  readonly sink: MemoryCaseSink;
  readonly credential: TestCredential;
  watcher(options?: Partial<AzureWatcherOptions>): AzureWatcher;
}

/** A store watching SUBSCRIPTION for T-CONTOSO, a sink, and watchers that share them. */
export function rig(arm: ArmStandIn, watches: Watch[] = [watchOf()]): Rig {
  const store = new MemoryWatchStore(watches);
  const sink = new MemoryCaseSink();
  const credential = new TestCredential();
  return {
    store,
    sink,
    credential,
    watcher: (options = {}) =>
      new AzureWatcher({
        source: source(arm, credential),
        store,
        sink,
        read: fakeReader,
        pollMs: 60_000,
        ...options,
      }),
  };
}
