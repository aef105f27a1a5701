// What chat asks of the watcher, over the HTTPS stand-in: hostile arguments are refused before any
// read or write, a ticket the core cannot read is refused with the core's own error, and a tenant
// only ever reaches its own watches.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDesk } from '../../../adapters/azure/desk.js';
import { MemoryWatchStore } from '../../../adapters/azure/memory-store.js';
import { TestCredential } from '../../support/arm-credential.js';
import { type ArmStandIn, startArmStandIn } from '../../support/arm-stand-in.js';
import { iso, ticketResource } from '../../support/arm-tickets.js';
import { fakeReader, MemoryCaseSink } from './doubles.js';
import { SUBSCRIPTION, source } from './harness.js';

let arm: ArmStandIn;
beforeAll(async () => {
  arm = await startArmStandIn({ latencyMs: [5, 30] });
  arm.subscription(SUBSCRIPTION);
  arm.grant('good-token', [SUBSCRIPTION]);
});
afterAll(() => arm.close());

function desk(chatTenants: ReadonlySet<string> | null = null) {
  const store = new MemoryWatchStore();
  const sink = new MemoryCaseSink();
  const chat = createDesk({
    source: source(arm, new TestCredential()),
    store,
    sink,
    read: fakeReader,
    holder: 'replica-1',
    now: Date.now,
    claimLeaseMs: 60_000,
    chatTenants,
  });
  return { chat, store, sink };
}

const place = (tenantId = 'T1') => ({
  tenantId,
  platform: 'slack',
  channelId: 'C1',
  conversation: { channel: 'C1' },
  locale: 'en',
});

const HOSTILE = [
  '__proto__',
  'constructor',
  'toString',
  'x'.repeat(100_000),
  '../../../x',
  "1' OR '1'='1",
  '\u0000',
  '',
];

describe('the chat desk', () => {
  it('refuses hostile subscriptions and numbers before reading or writing anything', async () => {
    const { chat, store } = desk();
    arm.requests.length = 0;
    for (const value of HOSTILE) expect(await chat.watch(place(), value)).toEqual({ kind: 'usage' });
    expect(await store.watches()).toEqual([]);
    await chat.watch(place(), SUBSCRIPTION);
    arm.requests.length = 0;
    const unreadable = HOSTILE.filter((value) => !/^\w+$/.test(value));
    for (const value of unreadable) expect(await chat.track(place(), value)).toEqual({ kind: 'usage' });
    expect(arm.requests).toEqual([]);
    // Names that could be a ticket's are looked up as that name and nothing else.
    for (const value of ['__proto__', 'constructor', 'toString'])
      expect(await chat.track(place(), value)).toMatchObject({ kind: 'notFound', number: value });
    expect(new Set(arm.requests.map((request) => request.route))).toEqual(new Set(['ticket', 'tickets']));
    expect(await store.watches()).toHaveLength(1);
  });

  it('a tenant reaches only its own watches; an unlisted tenant none at all', async () => {
    const { chat } = desk(new Set(['T1']));
    expect(await chat.watch(place('T2'), SUBSCRIPTION)).toEqual({ kind: 'notAllowed', tenant: 'T2' });
    expect(await chat.track(place('T2'), '1')).toEqual({ kind: 'notAllowed', tenant: 'T2' });
    const open = desk();
    await open.chat.watch(place('T1'), SUBSCRIPTION);
    expect(await open.chat.track(place('T2'), '2604010090000001')).toEqual({ kind: 'noWatch' });
  });

  it("a ticket the core cannot read is refused with the core's error, and not tried again", async () => {
    const { chat, sink } = desk();
    await chat.watch(place(), SUBSCRIPTION);
    const broken = ticketResource(SUBSCRIPTION, { name: '2604010090000002', createdDate: iso(Date.now()) });
    broken.properties.severity = 'Apocalyptic';
    arm.addTicket(SUBSCRIPTION, broken);
    expect(await chat.track(place(), '2604010090000002')).toMatchObject({
      kind: 'refused',
      number: '2604010090000002',
      code: 'unknown_severity',
    });
    expect(await chat.track(place(), '2604010090000002')).toEqual({
      kind: 'already',
      number: '2604010090000002',
    });
    expect(sink.calls).toEqual([]);
  });

  it('finds a ticket by its number when its resource name is another', async () => {
    const { chat, sink } = desk();
    await chat.watch(place(), SUBSCRIPTION);
    arm.addTicket(
      SUBSCRIPTION,
      ticketResource(SUBSCRIPTION, {
        name: 'my-own-name',
        number: '2604010090000003',
        createdDate: iso(Date.now()),
      }),
    );
    expect(await chat.track(place(), '2604010090000003')).toMatchObject({
      kind: 'opened',
      number: '2604010090000003',
    });
    expect(sink.of('open')[0]?.request).toMatchObject({
      channelId: 'C1',
      conversation: { channel: 'C1' },
      ticket: { name: 'my-own-name', number: '2604010090000003' },
    });
  });
});
