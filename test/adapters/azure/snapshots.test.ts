// Microsoft's own recorded tickets (test/fixtures/azure-tickets, from public SDK test recordings)
// served by the stand-in and read through the SDK: each open one becomes one case, the closed one none.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type ArmStandIn, startArmStandIn } from '../../support/arm-stand-in.js';
import type { TicketResource } from '../../support/arm-tickets.js';
import { rig, watchOf } from './harness.js';

const FIXTURE = join(import.meta.dirname, '../../fixtures/azure-tickets/snapshots.ndjson');
const NO_SUBSCRIPTION = 'ffffffff-0000-4000-8000-000000000001';
const snapshots = readFileSync(FIXTURE, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as TicketResource);
const subscriptionOf = (ticket: TicketResource) =>
  /^\/subscriptions\/([^/]+)\//.exec(ticket.id)?.[1] ?? NO_SUBSCRIPTION;
const subscriptions = [...new Set(snapshots.map(subscriptionOf))];
let arm: ArmStandIn;

beforeAll(async () => {
  arm = await startArmStandIn({ latencyMs: [100, 500] });
  arm.grant('good-token', subscriptions);
  for (const ticket of snapshots) arm.addTicket(subscriptionOf(ticket), ticket);
});
afterAll(() => arm.close());

test('every open recorded ticket becomes one case with its number, title and Microsoft clock', async () => {
  const since = Date.parse('2020-01-01T00:00:00Z');
  const { sink, watcher } = rig(
    arm,
    subscriptions.map((subscriptionId) => watchOf({ subscriptionId, since })),
  );
  await watcher().pollOnce();
  const opened = sink.of('open').map(({ request }) => request);
  const open = snapshots.filter((ticket) => ticket.properties.status === 'Open');
  expect(opened.map((request) => request.ticket.number).sort()).toEqual(
    open.map((ticket) => String(ticket.properties.supportTicketId)).sort(),
  );
  for (const ticket of open) {
    const request = opened.find((r) => r.ticket.number === ticket.properties.supportTicketId);
    const agreement = ticket.properties.serviceLevelAgreement;
    expect(request?.title).toBe(ticket.properties.title);
    expect(request?.microsoft).toEqual({
      startTime: Date.parse(agreement.startTime),
      deadline: Date.parse(agreement.expirationTime),
      slaMinutes: agreement.slaMinutes,
    });
  }
  expect(opened.map((request) => request.ticket.number)).not.toContain('2303060030001646');
});
