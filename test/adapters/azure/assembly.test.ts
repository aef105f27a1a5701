// The watcher as the server will build it: from its environment variables, over the stand-in.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { WATCH_GRACE_MS } from '../../../adapters/azure/desk.js';
import { createAzureWatcher, loadAzureConfig, MemoryWatchStore } from '../../../adapters/azure/index.js';
import { TestCredential } from '../../support/arm-credential.js';
import { type ArmStandIn, startArmStandIn } from '../../support/arm-stand-in.js';
import { iso, ticketResource } from '../../support/arm-tickets.js';
import { fakeReader, MemoryCaseSink } from './doubles.js';
import { SUBSCRIPTION } from './harness.js';

let arm: ArmStandIn;
beforeAll(async () => {
  arm = await startArmStandIn();
  arm.subscription(SUBSCRIPTION);
  arm.grant('good-token', [SUBSCRIPTION]);
});
afterAll(() => arm.close());

test('built from AZURE_* variables, it registers its watches once and reads through the configured endpoint', async () => {
  const env = {
    AZURE_WATCH: `${SUBSCRIPTION}=slack/T0123ABCD/C0456EFGH ${SUBSCRIPTION}=teams/72f988bf-86f1-41af-91ab-2d7cd011db47/19:abc@thread.tacv2`,
    AZURE_ARM_ENDPOINT: arm.endpoint,
    AZURE_ARM_CA_FILE: '/test-ca.pem',
    AZURE_POLL_SECONDS: '15',
  };
  const config = loadAzureConfig(env, () => arm.ca);
  if (!config.ok) throw new Error(JSON.stringify(config.problems));
  const store = new MemoryWatchStore();
  const sink = new MemoryCaseSink();
  const deps = { config: config.config, store, sink, read: fakeReader, credential: new TestCredential() };
  const firstStart = Date.parse('2026-03-02T08:00:00Z');
  await createAzureWatcher({ ...deps, now: () => firstStart });
  const watcher = await createAzureWatcher(deps);
  // Slack posts to a channel by its id; a Teams channel needs its place, captured from the channel.
  expect(await store.watches()).toEqual([
    {
      subscriptionId: SUBSCRIPTION,
      platform: 'slack',
      tenantId: 'T0123ABCD',
      channelId: 'C0456EFGH',
      conversation: { channel: 'C0456EFGH' },
      locale: 'en',
      since: firstStart - WATCH_GRACE_MS,
    },
    {
      subscriptionId: SUBSCRIPTION,
      platform: 'teams',
      tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
      channelId: '19:abc@thread.tacv2',
      conversation: null,
      locale: 'en',
      since: firstStart - WATCH_GRACE_MS,
    },
  ]);
  arm.addTicket(
    SUBSCRIPTION,
    ticketResource(SUBSCRIPTION, { name: '2603020070000001', createdDate: iso(firstStart + 60_000) }),
  );
  await watcher.pollOnce();
  expect(sink.of('open').map((call) => [call.request.platform, call.request.channelId])).toEqual([
    ['slack', 'C0456EFGH'],
  ]);
  // The Teams channel is not polled until someone connects it from there: its status says how.
  expect(watcher.status().watches.find((watch) => watch.health !== 'ok')).toMatchObject({
    tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
    health: 'channelUnknown',
    problem: { key: 'problem.channelUnknown', params: { channel: '19:abc@thread.tacv2' } },
  });
  expect(arm.requests.every((request) => request.token === 'good-token')).toBe(true);
});
