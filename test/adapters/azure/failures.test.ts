// Missing credentials or permissions and ARM throttling: the watcher keeps running, says what is
// missing in its status and its log, and reads again once the cause is gone.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { MemoryWatchStore } from '../../../adapters/azure/memory-store.js';
import { type ArmStandIn, startArmStandIn } from '../../support/arm-stand-in.js';
import { iso, ticketResource } from '../../support/arm-tickets.js';
import { rig, SUBSCRIPTION, watchOf } from './harness.js';

let arm: ArmStandIn;
const logged: Array<{ level: string; fields: Record<string, unknown>; message: string }> = [];
const log = {
  info: (fields: Record<string, unknown>, message: string) => logged.push({ level: 'info', fields, message }),
  warn: (fields: Record<string, unknown>, message: string) => logged.push({ level: 'warn', fields, message }),
};

beforeEach(async () => {
  logged.length = 0;
  arm = await startArmStandIn({ latencyMs: [100, 400] });
  arm.subscription(SUBSCRIPTION);
  arm.addTicket(
    SUBSCRIPTION,
    ticketResource(SUBSCRIPTION, { name: '2603020060000001', createdDate: iso(watchOf().since + 60_000) }),
  );
});
afterEach(() => arm.close());

async function until(condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('what is missing is said, nothing crashes', () => {
  test('no credentials: not ready, the log says what to set; credentials given: the ticket becomes a case', async () => {
    const { watcher, credential, sink } = rig(arm);
    arm.grant('good-token', [SUBSCRIPTION]);
    credential.token = null;
    const one = watcher({ log, holder: 'replica-1' });
    await one.pollOnce();
    expect(one.status()).toMatchObject({
      ready: false,
      watches: [
        {
          health: 'credentials',
          problem: { key: 'problem.credentials', params: { subscription: SUBSCRIPTION } },
        },
      ],
    });
    expect(logged).toEqual([
      {
        level: 'warn',
        fields: { tenantId: 'T-CONTOSO', subscription: SUBSCRIPTION, health: 'credentials' },
        message: 'azure:problem.credentials',
      },
    ]);
    await one.pollOnce();
    expect(logged).toHaveLength(1);
    credential.token = 'good-token';
    await one.pollOnce();
    expect(one.status()).toMatchObject({ ready: true, watches: [{ health: 'ok', problem: null }] });
    expect(logged.at(-1)).toMatchObject({ level: 'info', message: 'azure:log.reading' });
    expect(sink.of('open')).toHaveLength(1);
  });

  test('a role missing (403) while the loop runs: it keeps polling and recovers when the role is assigned', async () => {
    const { watcher, sink } = rig(arm);
    arm.grant('good-token', []);
    const running = watcher({ log, pollMs: 300 });
    running.start();
    try {
      await until(() => running.status().watches[0]?.health === 'forbidden');
      expect(running.status().watches[0]?.problem?.params).toMatchObject({ code: 'AuthorizationFailed' });
      arm.grant('good-token', [SUBSCRIPTION]);
      await until(() => running.status().watches[0]?.health === 'ok');
      expect(sink.of('open')).toHaveLength(1);
      expect(running.status()).toMatchObject({ running: true, ready: true });
    } finally {
      await running.stop();
    }
    expect(running.status().running).toBe(false);
    expect(logged.map((entry) => entry.message)).toEqual(['azure:problem.forbidden', 'azure:log.reading']);
  });

  test('throttled beyond what a poll waits for: reported with the time, and no request until then', async () => {
    const { watcher } = rig(arm);
    arm.grant('good-token', [SUBSCRIPTION]);
    arm.failNext(SUBSCRIPTION, 429, 1, 90);
    const one = watcher({ log, holder: 'replica-1' });
    await one.pollOnce();
    const status = one.status().watches[0];
    expect(status?.health).toBe('throttled');
    expect(Date.parse(status?.problem?.params.until ?? '')).toBeGreaterThan(Date.now() + 60_000);
    const before = arm.requests.length;
    await one.pollOnce();
    expect(arm.requests).toHaveLength(before);
  });

  test('stop() ends a poll waiting on Retry-After at once and gives the lease back', async () => {
    const { watcher, store } = rig(arm);
    arm.grant('good-token', [SUBSCRIPTION]);
    arm.failNext(SUBSCRIPTION, 429, 1, 4);
    const running = watcher({ holder: 'replica-1' });
    running.start();
    await until(() => arm.requests.some((request) => request.status === 429));
    const stopping = Date.now();
    await running.stop();
    expect(Date.now() - stopping).toBeLessThan(3_000);
    expect(await store.leasePoll(`T-CONTOSO:${SUBSCRIPTION}`, 'replica-2', Date.now(), 1000)).toBe(true);
  });

  test('its own store failing: said as our failure with the error in the log, and the next poll recovers', async () => {
    class FlakyStore extends MemoryWatchStore {
      down = true;
      override async leasePoll(key: string, holder: string, now: number, ms: number): Promise<boolean> {
        if (this.down) throw new Error('connection terminated unexpectedly');
        return super.leasePoll(key, holder, now, ms);
      }
    }
    const store = new FlakyStore([watchOf()]);
    const { watcher, sink } = rig(arm);
    arm.grant('good-token', [SUBSCRIPTION]);
    const one = watcher({ log, store, holder: 'replica-1' });
    await one.pollOnce();
    expect(one.status().watches[0]).toMatchObject({
      health: 'failed',
      problem: { params: { detail: 'Error' } },
    });
    expect(logged[0]?.fields.err).toBeInstanceOf(Error);
    expect(JSON.stringify(one.status())).not.toContain('connection terminated');
    store.down = false;
    await one.pollOnce();
    expect(one.status().watches[0]?.health).toBe('ok');
    expect(sink.of('open')).toHaveLength(1);
  });
});
