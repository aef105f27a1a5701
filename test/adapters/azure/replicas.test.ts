// Exactly once per tenant and ticket: across a restart (the stored cursor), with two replicas on
// one store (the poll lease, then the ticket claims), and after a crash between opening a case and
// linking it (the case service's idempotency key).
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { MemoryWatchStore } from '../../../adapters/azure/memory-store.js';
import type { TicketLink } from '../../../adapters/azure/ports.js';
import { type ArmStandIn, startArmStandIn } from '../../support/arm-stand-in.js';
import { iso, ticketResource } from '../../support/arm-tickets.js';
import { rig, SUBSCRIPTION, watchOf } from './harness.js';

const SINCE = watchOf().since;
const at = (minutes: number) => SINCE + minutes * 60_000;
let arm: ArmStandIn;

function addTicket(name: string, minutes: number) {
  arm.addTicket(SUBSCRIPTION, ticketResource(SUBSCRIPTION, { name, createdDate: iso(at(minutes)) }));
}

beforeEach(async () => {
  arm = await startArmStandIn({ latencyMs: [100, 600] });
  arm.subscription(SUBSCRIPTION);
  arm.grant('good-token', [SUBSCRIPTION]);
});
afterEach(() => arm.close());

/** Every replica may poll every time: what is left is the ticket claims and the sink's keys. */
class NoLeaseStore extends MemoryWatchStore {
  override async leasePoll(): Promise<boolean> {
    return true;
  }
}

describe('exactly once', () => {
  test('a restarted watcher resumes from the stored cursor and opens nothing twice', async () => {
    const { sink, watcher, store } = rig(arm);
    addTicket('2603020020000001', 10);
    await watcher({ holder: 'replica-1' }).pollOnce();
    expect(await store.cursor('T-CONTOSO', SUBSCRIPTION)).toBe(at(10));
    addTicket('2603020020000002', 40);
    arm.requests.length = 0;
    const restarted = watcher({ holder: 'replica-1', tuning: { overlapMs: 5 * 60_000 } });
    await restarted.pollOnce();
    expect(sink.of('open').map((call) => call.request.ticket.number)).toEqual([
      '2603020020000001',
      '2603020020000002',
    ]);
    expect(sink.calls.filter((call) => call.kind === 'open')).toHaveLength(2);
    expect(arm.requestsTo('tickets')[0]?.query.$filter).toBe(`createdDate ge ${iso(at(5))}`);
    expect(await store.cursor('T-CONTOSO', SUBSCRIPTION)).toBe(at(40));
  });

  test('two replicas polling one store at once: one holds the poll, each ticket becomes one case', async () => {
    const { sink, watcher } = rig(arm);
    for (let i = 0; i < 12; i += 1) addTicket(`26030200300000${String(i).padStart(2, '0')}`, i);
    const [one, two] = [watcher({ holder: 'replica-1' }), watcher({ holder: 'replica-2' })];
    await Promise.all([one.pollOnce(), two.pollOnce()]);
    expect(sink.calls.filter((call) => call.kind === 'open')).toHaveLength(12);
    expect(new Set(sink.of('open').map((call) => call.request.idempotencyKey)).size).toBe(12);
    // One discovery listing and one open-ticket listing: the other replica read nothing.
    expect(arm.requestsTo('tickets')).toHaveLength(2);
  });

  test('two replicas both polling (a lease ran out mid-poll): the ticket claims still open each ticket once', async () => {
    const shared = rig(arm, [watchOf()]);
    const store = new NoLeaseStore([watchOf()]);
    const replica = (holder: string) => shared.watcher({ holder, store });
    for (let i = 0; i < 12; i += 1) addTicket(`26030200400000${String(i).padStart(2, '0')}`, i);
    await Promise.all([replica('replica-1').pollOnce(), replica('replica-2').pollOnce()]);
    await Promise.all([replica('replica-1').pollOnce(), replica('replica-2').pollOnce()]);
    expect(shared.sink.of('open')).toHaveLength(12);
    // The claims, not the sink's keys, kept the second replica away: no open was even asked twice.
    expect(shared.sink.calls.filter((call) => call.kind === 'open')).toHaveLength(12);
  });

  test('a crash after the case was opened and before the link was saved: the retry gets the same case', async () => {
    class CrashOnceStore extends MemoryWatchStore {
      crashed = false;
      override async saveLink(link: TicketLink, expected: number | null): Promise<boolean> {
        if (!this.crashed && link.caseId !== null) {
          this.crashed = true;
          throw new Error('replica lost its database connection');
        }
        return super.saveLink(link, expected);
      }
    }
    const store = new CrashOnceStore([watchOf()]);
    const { sink, watcher } = rig(arm);
    addTicket('2603020050000001', 3);
    const crashing = watcher({ holder: 'replica-1', store, tuning: { claimLeaseMs: 0 } });
    await crashing.pollOnce();
    expect(crashing.status().watches[0]).toMatchObject({
      health: 'failed',
      problem: { params: { detail: 'Error' } },
    });
    expect(await store.cursor('T-CONTOSO', SUBSCRIPTION)).toBeNull();
    const other = watcher({ holder: 'replica-2', store, tuning: { claimLeaseMs: 0 } });
    await store.releasePoll(`T-CONTOSO:${SUBSCRIPTION}`, 'replica-1');
    await other.pollOnce();
    expect(sink.calls.filter((call) => call.kind === 'open')).toHaveLength(2);
    expect(sink.of('open')).toHaveLength(1);
    expect(
      (
        await store.link(
          'T-CONTOSO',
          `/subscriptions/${SUBSCRIPTION}/providers/microsoft.support/supporttickets/2603020050000001`,
        )
      )?.caseId,
    ).toBe('case-1');
  });
});
