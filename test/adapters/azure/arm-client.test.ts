// The real Azure SDK (`MicrosoftSupport` with the `endpoint` option and a test credential) against
// the HTTPS stand-in: listing with $filter and paging, a ticket, communications, and ARM's failures.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { armTicketSource } from '../../../adapters/azure/arm-client.js';
import { ThrottledError } from '../../../adapters/azure/gate.js';
import { classify } from '../../../adapters/azure/problems.js';
import { TestCredential } from '../../support/arm-credential.js';
import { type ArmStandIn, startArmStandIn } from '../../support/arm-stand-in.js';
import { iso, ticketResource } from '../../support/arm-tickets.js';
import { gateOptions, OTHER_SUBSCRIPTION, SUBSCRIPTION, source } from './harness.js';

const T0 = Date.parse('2026-03-02T09:00:00Z');
let arm: ArmStandIn;

async function all(pages: AsyncIterable<unknown[]>): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const page of pages) out.push(...page);
  return out;
}

beforeAll(async () => {
  arm = await startArmStandIn();
  arm.grant('good-token', [SUBSCRIPTION]);
  arm.subscription(SUBSCRIPTION);
  arm.subscription(OTHER_SUBSCRIPTION);
  for (let i = 0; i < 230; i += 1) {
    const status = i % 10 === 0 ? 'Closed' : 'Open';
    arm.addTicket(
      SUBSCRIPTION,
      ticketResource(SUBSCRIPTION, { name: `t${i}`, createdDate: iso(T0 + i * 60_000), status }),
    );
  }
  for (let i = 0; i < 23; i += 1)
    arm.addCommunication(SUBSCRIPTION, 't5', {
      direction: i === 7 ? 'Outbound' : 'Inbound',
      sender: 'x@contoso.com',
      at: T0 + i * 1000,
    });
});
afterAll(() => arm.close());

describe('reading through the Azure SDK over HTTPS', () => {
  test('lists every ticket page by page through nextLink, raw as the API sent them, with a bearer token', async () => {
    const credential = new TestCredential();
    arm.requests.length = 0;
    const tickets = await all(source(arm, credential).listTickets(SUBSCRIPTION, "status eq 'Open'"));
    expect(tickets).toHaveLength(207);
    const first = tickets[0] as { name: string; properties: { createdDate: unknown; severity: unknown } };
    expect(first.name).toBe('t229');
    expect(typeof first.properties.createdDate).toBe('string');
    const requests = arm.requestsTo('tickets');
    expect(requests.map((r) => [r.query.$top, r.query.$skiptoken])).toEqual([
      ['100', undefined],
      ['100', '100'],
      ['100', '200'],
    ]);
    expect(requests.every((r) => r.token === 'good-token' && r.query['api-version'] === '2024-04-01')).toBe(
      true,
    );
    expect(requests.every((r) => r.query.$filter === "status eq 'Open'")).toBe(true);
    expect(credential.scopes[0]).toBe(`${arm.endpoint}/.default`);
  });

  test('passes $filter on createdDate as the API documents it', async () => {
    const filter = `createdDate ge ${iso(T0 + 200 * 60_000)}`;
    const tickets = (await all(source(arm).listTickets(SUBSCRIPTION, filter))) as Array<{ name: string }>;
    expect(tickets.map((t) => t.name)).toHaveLength(30);
    expect(tickets.at(-1)?.name).toBe('t200');
  });

  test('gets one ticket, and null for a ticket Azure does not have', async () => {
    const ticket = (await source(arm).getTicket(SUBSCRIPTION, 't3')) as {
      properties: { supportTicketId: string };
    };
    expect(ticket.properties.supportTicketId).toBe('t3');
    expect(await source(arm).getTicket(SUBSCRIPTION, 'no-such-ticket')).toBeNull();
  });

  test("lists a ticket's communications ten at a time, with their direction", async () => {
    arm.requests.length = 0;
    const communications = (await source(arm).listCommunications(SUBSCRIPTION, 't5')) as Array<{
      properties: { communicationDirection: string };
    }>;
    expect(communications).toHaveLength(23);
    expect(communications.filter((c) => c.properties.communicationDirection === 'Outbound')).toHaveLength(1);
    expect(arm.requestsTo('communications')).toHaveLength(3);
  });

  test('trusts the test CA only where it is given: without it the TLS handshake is refused', async () => {
    const untrusting = armTicketSource({
      credential: new TestCredential(),
      endpoint: arm.endpoint,
      gate: gateOptions({ retries: 0 }),
    });
    const before = arm.requests.length;
    const failure = await untrusting.getTicket(SUBSCRIPTION, 't3').catch((error: unknown) => error);
    expect(String((failure as Error).message)).toMatch(/certificate/i);
    expect(arm.requests.length).toBe(before);
  });
});

describe('ARM failures', () => {
  test('429 with Retry-After: every request of the subscription waits, then the request succeeds', async () => {
    arm.requests.length = 0;
    arm.failNext(SUBSCRIPTION, 429, 1, 1);
    const reader = source(arm);
    const ticket = await reader.getTicket(SUBSCRIPTION, 't4');
    expect(ticket).not.toBeNull();
    const [throttled, retried] = arm.requestsTo('ticket');
    expect(throttled?.status).toBe(429);
    expect(retried?.status).toBe(200);
    expect((retried?.at ?? 0) - (throttled?.at ?? 0)).toBeGreaterThanOrEqual(1000);
    expect(reader.gate(SUBSCRIPTION).remainingReads).toBeGreaterThan(0);
  });

  test("an empty read bucket throttles with ARM's own Retry-After and remaining-reads header; reading resumes", async () => {
    // One read left, refilled every two seconds: the second page finds the bucket empty.
    arm.setReads({ capacity: 1, refillPerSecond: 0.5 });
    try {
      const reader = source(arm);
      const tickets = await all(reader.listTickets(SUBSCRIPTION, "status eq 'Open'"));
      expect(tickets).toHaveLength(207);
      const statuses = arm
        .requestsTo('tickets')
        .slice(-4)
        .map((r) => r.status);
      expect(statuses).toContain(429);
    } finally {
      arm.setReads({ capacity: 250, refillPerSecond: 25 });
    }
  });

  test('a Retry-After longer than a poll may wait ends the read with the instant reading may resume', async () => {
    arm.failNext(SUBSCRIPTION, 429, 1, 120);
    const reader = source(arm);
    const failure = await reader.getTicket(SUBSCRIPTION, 't4').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ThrottledError);
    expect((failure as ThrottledError).until).toBeGreaterThan(Date.now() + 100_000);
    expect(classify(failure, SUBSCRIPTION).health).toBe('throttled');
  });

  test('an answer that does not come in time ends the read as unreachable', async () => {
    arm.setLatency([2_500, 2_500]);
    try {
      const impatient = armTicketSource({
        credential: new TestCredential(),
        endpoint: arm.endpoint,
        ca: arm.ca,
        gate: gateOptions({ retries: 0 }),
        timeoutMs: 300,
      });
      const failure = await impatient.getTicket(SUBSCRIPTION, 't4').catch((error: unknown) => error);
      expect(classify(failure, SUBSCRIPTION).health).toBe('unreachable');
    } finally {
      arm.setLatency([150, 900]);
    }
  });

  test('a passing 503 is retried', async () => {
    arm.failNext(SUBSCRIPTION, 503, 1);
    expect(await source(arm).getTicket(SUBSCRIPTION, 't4')).not.toBeNull();
  });

  test.each([
    ['an unknown token', 'stolen-token', SUBSCRIPTION, 'unauthorized', 'InvalidAuthenticationToken'],
    ['a subscription not granted', 'good-token', OTHER_SUBSCRIPTION, 'forbidden', 'AuthorizationFailed'],
  ])("401 and 403 in ARM's shape: %s", async (_, token, subscription, health, code) => {
    const failure = await source(arm, new TestCredential(token))
      .getTicket(subscription, 't4')
      .catch((error: unknown) => error);
    expect(failure).toMatchObject({ statusCode: health === 'forbidden' ? 403 : 401, code });
    expect(classify(failure, subscription)).toMatchObject({ health, params: { subscription, code } });
  });

  test('no credential at all, an unregistered provider, an unknown subscription: each named', async () => {
    const none = await source(arm, new TestCredential(null))
      .getTicket(SUBSCRIPTION, 't4')
      .catch((error: unknown) => error);
    expect(classify(none, SUBSCRIPTION).health).toBe('credentials');
    const unregistered = '11111111-2222-3333-4444-555555555555';
    arm.subscription(unregistered, false);
    arm.grant('good-token', [SUBSCRIPTION, unregistered]);
    const notRegistered = await source(arm)
      .getTicket(unregistered, 't4')
      .catch((error: unknown) => error);
    expect(classify(notRegistered, unregistered).health).toBe('notRegistered');
    const unknown = await source(arm)
      .getTicket('99999999-2222-3333-4444-555555555555', 't4')
      .catch((error: unknown) => error);
    expect(classify(unknown, 'x').health).toBe('subscriptionNotFound');
    arm.grant('good-token', [SUBSCRIPTION]);
  });
});
