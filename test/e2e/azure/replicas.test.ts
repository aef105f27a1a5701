// Three replicas of the server on one PostgreSQL, each with the Azure watcher and the dispatcher
// running, polling the same subscription at once: each new ticket's card is in the Slack channel
// exactly once. Then every replica stops and one starts again: it resumes from the stored cursor.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { isoInstant } from '../../../adapters/azure/ticket-facts.js';
import { iso, ticketResource } from '../../support/arm-tickets.js';
import { describeWithPostgres } from '../../support/postgres.js';
import { type AzureHarness, eventually, startAzureHarness } from './harness.js';

const SUB = '6c2d2a5e-2c5b-4c1e-9f0e-3a1d4b5c6d7e';
const CHANNEL = 'C-AZURE';

describeWithPostgres('three servers on one PostgreSQL', (database) => {
  let first: AzureHarness;
  const replicas: AzureHarness[] = [];
  let env: Record<string, string>;
  let serial = 0;

  beforeAll(async () => {
    env = { DATABASE_URL: await database() };
    first = await startAzureHarness({ env });
    first.arm.subscription(SUB);
    first.arm.grant('good-token', [SUB]);
    first.slack.latency('chat.postMessage', 400);
    const shared = { arm: first.arm, slack: first.slack, connector: first.connector };
    replicas.push(first, await startAzureHarness({ env, shared }), await startAzureHarness({ env, shared }));
    expect(await first.command(`watch ${SUB}`, CHANNEL)).toContain('now become cases here');
  }, 120_000);
  afterAll(async () => {
    for (const replica of replicas.slice(1)) await replica.close().catch(() => undefined);
    await first?.close();
  });

  function addTickets(count: number): void {
    for (let i = 0; i < count; i += 1) {
      serial += 1;
      const name = `26040100600${String(serial).padStart(5, '0')}`;
      first.arm.addTicket(
        SUB,
        ticketResource(SUB, { name, createdDate: iso(Date.now()), severity: 'Critical' }),
      );
    }
  }

  const cards = () =>
    first.slack.messages.filter(
      (m) => m.channel === CHANNEL && !m.threadTs && m.metadata?.event_type === 'sla_bot_case',
    );

  it('posts each new ticket card once while three replicas poll at once', async () => {
    addTickets(12);
    await Promise.all(replicas.map((replica) => replica.poll()));
    addTickets(6);
    await Promise.all(replicas.map((replica) => replica.poll()));
    await Promise.all(replicas.map((replica) => replica.poll()));
    await eventually(() => expect(cards()).toHaveLength(18), 60_000);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(cards()).toHaveLength(18);
    expect(new Set(cards().map((card) => card.text)).size).toBe(18);
  }, 120_000);

  it('a restarted server resumes from the stored cursor and posts only the new cards', async () => {
    for (const replica of replicas.splice(1)) await replica.close();
    await first.server.stop();
    const shared = { arm: first.arm, slack: first.slack, connector: first.connector };
    const restartedAt = Date.now();
    const restarted = await startAzureHarness({ env, shared });
    replicas.push(restarted);
    first.arm.requests.length = 0;
    const [watch] = await restarted.server.store.watches();
    const cursor = (await restarted.server.store.cursor('T1', SUB)) ?? 0;
    expect(cursor).toBeGreaterThan(watch?.since ?? 0);
    addTickets(4);
    await restarted.poll();
    await eventually(() => expect(cards()).toHaveLength(22), 60_000);
    const filters = first.arm.requestsTo('tickets').map((request) => request.query.$filter ?? '');
    const discovery = filters.find((filter) => filter.startsWith('createdDate ge'));
    // From the stored cursor less its overlap (bounded by when the watch began), not from the restart.
    expect(discovery).toBe(`createdDate ge ${isoInstant(Math.max(watch?.since ?? 0, cursor - 15 * 60_000))}`);
    expect(Date.parse(discovery?.slice('createdDate ge '.length) ?? '')).toBeLessThan(restartedAt);
    expect(await restarted.server.cases.list({ tenantId: 'T1', channelId: CHANNEL })).toHaveLength(22);
    await restarted.close();
  }, 120_000);
});
