// The watcher end to end over HTTPS against the ARM stand-in: tickets become cases once, Microsoft's
// first reply, a severity change and a close reach the case sink, with ARM's latency and failures.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { type ArmStandIn, startArmStandIn } from '../../support/arm-stand-in.js';
import { iso, ticketResource } from '../../support/arm-tickets.js';
import { rig, SUBSCRIPTION, watchOf } from './harness.js';

const SINCE = watchOf().since;
const at = (minutes: number) => SINCE + minutes * 60_000;
let arm: ArmStandIn;

function addTicket(name: string, minutes: number, status: 'Open' | 'Closed' = 'Open') {
  arm.addTicket(SUBSCRIPTION, ticketResource(SUBSCRIPTION, { name, createdDate: iso(at(minutes)), status }));
}

beforeEach(async () => {
  arm = await startArmStandIn();
  arm.subscription(SUBSCRIPTION);
  arm.grant('good-token', [SUBSCRIPTION]);
});
afterEach(() => arm.close());

describe('new tickets', () => {
  test('a new ticket becomes a case once, in the watched channel, with its idempotency key', async () => {
    const { sink, watcher } = rig(arm);
    addTicket('2603020010000001', 5);
    addTicket('2603010010000099', -60);
    addTicket('2603020010000002', 6, 'Closed');
    const one = watcher();
    await one.pollOnce();
    await one.pollOnce();
    expect(sink.calls.filter((call) => call.kind === 'open')).toHaveLength(1);
    const [opened] = sink.of('open');
    expect(opened?.request).toMatchObject({
      tenantId: 'T-CONTOSO',
      platform: 'slack',
      channelId: 'C-SUPPORT',
      idempotencyKey: `azure:T-CONTOSO:/subscriptions/${SUBSCRIPTION}/providers/microsoft.support/supporttickets/2603020010000001`,
      ticket: { number: '2603020010000001', name: '2603020010000001', subscriptionId: SUBSCRIPTION },
      input: { severity: 'B', country: 'USA' },
      microsoft: { startTime: at(5), slaMinutes: 120 },
    });
    expect(one.status()).toMatchObject({ ready: true, watches: [{ health: 'ok', last: { opened: 0 } }] });
  });

  test('a ticket the core cannot read is named, opens nothing, and the others still become cases', async () => {
    const { sink, watcher } = rig(arm);
    addTicket('2603020010000003', 1);
    addTicket('2603020010000004', 2);
    const broken = arm.ticket(SUBSCRIPTION, '2603020010000003');
    broken.properties.severity = 'urgent';
    Object.defineProperty(broken.properties, '__proto__', {
      value: { severity: 'critical' },
      enumerable: true,
    });
    const one = watcher();
    await one.pollOnce();
    expect(sink.of('open').map((call) => call.request.ticket.number)).toEqual(['2603020010000004']);
    expect(one.status().watches[0]?.last?.problems).toEqual([
      { ticket: '2603020010000003', code: 'unknown_severity', detail: 'severity not readable' },
    ]);
  });
});

describe('open tickets, refreshed', () => {
  test("Microsoft's first communication records the first response at its own time; the customer's and the automatic acknowledgement do not", async () => {
    const { sink, watcher } = rig(arm);
    addTicket('2603020010000010', 10);
    const one = watcher();
    await one.pollOnce();
    arm.addCommunication(SUBSCRIPTION, '2603020010000010', {
      direction: 'Inbound',
      sender: 'ana@contoso.com',
      at: at(11),
    });
    arm.addCommunication(SUBSCRIPTION, '2603020010000010', {
      direction: 'Inbound',
      sender: 'support@mail.support.microsoft.com',
      at: at(11.5),
    });
    await one.pollOnce();
    expect(sink.of('respond')).toEqual([]);
    arm.addCommunication(SUBSCRIPTION, '2603020010000010', {
      direction: 'Outbound',
      sender: 'Engineer',
      at: at(47),
    });
    arm.addCommunication(SUBSCRIPTION, '2603020010000010', {
      direction: 'Outbound',
      sender: 'Engineer',
      at: at(52),
    });
    await one.pollOnce();
    expect(sink.of('respond').map((call) => call.change)).toEqual([
      {
        tenantId: 'T-CONTOSO',
        caseId: 'case-1',
        respondedAt: at(47),
        idempotencyKey: `azure-response:T-CONTOSO:/subscriptions/${SUBSCRIPTION}/providers/microsoft.support/supporttickets/2603020010000010`,
      },
    ]);
    const reads = arm.requestsTo('communications').length;
    await one.pollOnce();
    expect(arm.requestsTo('communications')).toHaveLength(reads);
    expect(sink.calls.filter((call) => call.kind === 'respond')).toHaveLength(1);
  });

  test('a severity change re-plans the case with the clock restarted at the change, once', async () => {
    const { sink, watcher } = rig(arm);
    addTicket('2603020010000020', 20);
    const one = watcher();
    await one.pollOnce();
    arm.changeSeverity(SUBSCRIPTION, '2603020010000020', 'Critical', at(90));
    await one.pollOnce();
    await one.pollOnce();
    expect(
      sink.of('severity').map(({ change }) => [change.input.severity, change.changedAt, change.microsoft]),
    ).toEqual([['A', at(90), { startTime: at(90), deadline: at(150), slaMinutes: 60 }]]);
  });

  test('changes reach the case in the order they happened: the reply before a later severity change', async () => {
    const { sink, watcher } = rig(arm);
    addTicket('2603020010000025', 25);
    const one = watcher();
    await one.pollOnce();
    arm.addCommunication(SUBSCRIPTION, '2603020010000025', {
      direction: 'Outbound',
      sender: 'Engineer',
      at: at(40),
    });
    arm.changeSeverity(SUBSCRIPTION, '2603020010000025', 'Minimal', at(70));
    await one.pollOnce();
    expect(sink.applied.slice(1).map((call) => call.kind)).toEqual(['respond', 'severity']);
  });

  test('a closed ticket closes its case, and is no longer read', async () => {
    const { sink, watcher } = rig(arm);
    addTicket('2603020010000030', 30);
    addTicket('2603020010000031', 31);
    const one = watcher();
    await one.pollOnce();
    arm.closeTicket(SUBSCRIPTION, '2603020010000030', at(200));
    await one.pollOnce();
    const opened = sink.of('open').findIndex((call) => call.request.ticket.name === '2603020010000030');
    expect(sink.of('close').map(({ change }) => [change.caseId, change.closedAt])).toEqual([
      [`case-${opened + 1}`, at(200)],
    ]);
    const gets = arm.requestsTo('ticket').length;
    await one.pollOnce();
    expect(arm.requestsTo('ticket')).toHaveLength(gets);
    expect(sink.calls.filter((call) => call.kind === 'close')).toHaveLength(1);
  });

  test('with few reads left (ARM header below the floor) communications wait for a later poll', async () => {
    const { sink, watcher } = rig(arm);
    for (let i = 0; i < 3; i += 1) addTicket(`260302001000004${i}`, 40 + i);
    for (let i = 0; i < 3; i += 1)
      arm.addCommunication(SUBSCRIPTION, `260302001000004${i}`, {
        direction: 'Outbound',
        sender: 'Engineer',
        at: at(60),
      });
    const starved = watcher({ holder: 'replica-1', tuning: { readFloor: 10_000 } });
    await starved.pollOnce();
    expect(starved.status().watches[0]?.last).toMatchObject({ opened: 3, checked: 0, deferred: 3 });
    expect(sink.of('respond')).toEqual([]);
    await watcher({ holder: 'replica-1' }).pollOnce();
    expect(sink.of('respond')).toHaveLength(3);
  });
});
