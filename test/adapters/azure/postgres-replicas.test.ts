// Exactly once with three replicas on one PostgreSQL and across a restart: three watchers, each with
// its own connection pool, case service and SDK client, poll the same subscription at once (the poll
// lease, then the ticket claims with the lease run out, then the case service's open key), and a
// replica started again resumes from the stored cursor. As test/reminders/concurrency.test.ts does
// for reminders, but through the real store, case service, ticket mapping and SDK.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { armTicketSource } from '../../../adapters/azure/arm-client.js';
import { caseServiceSink, coreTicketReader } from '../../../adapters/azure/case-sink.js';
import { sleep } from '../../../adapters/azure/gate.js';
import { AzureWatcher } from '../../../adapters/azure/watcher.js';
import { parseReminderPlan } from '../../../src/cases/reminder-config.js';
import { CaseService } from '../../../src/cases/service.js';
import { azurePolicy } from '../../../src/sla/index.js';
import { openPostgresStore } from '../../../src/store/postgres.js';
import type { Store } from '../../../src/store/store.js';
import { postgresRaw } from '../../store/raw-sql.js';
import { TestCredential } from '../../support/arm-credential.js';
import { type ArmStandIn, startArmStandIn } from '../../support/arm-stand-in.js';
import { iso, ticketResource } from '../../support/arm-tickets.js';
import { describeWithPostgres } from '../../support/postgres.js';

const SUB = '6c2d2a5e-2c5b-4c1e-9f0e-3a1d4b5c6d7e';
const TENANT = 'T-CONTOSO';
const TICKETS = 30;

describeWithPostgres('three replicas on one PostgreSQL', (database) => {
  let arm: ArmStandIn;
  let url: string;
  const stores: Store[] = [];
  // Whole seconds, as ARM writes createdDate.
  const since = Math.floor(Date.now() / 1000) * 1000 - 60 * 60_000;

  beforeAll(async () => {
    arm = await startArmStandIn({ latencyMs: [20, 200] });
    arm.subscription(SUB);
    arm.grant('good-token', [SUB]);
    url = await database();
    const first = openStore();
    await first.migrate();
    await first.addWatch({
      tenantId: TENANT,
      subscriptionId: SUB,
      platform: 'slack',
      channelId: 'C-AZURE',
      conversation: { channel: 'C-AZURE' },
      locale: 'en',
      since,
    });
  }, 120_000);
  afterAll(async () => {
    await Promise.allSettled(stores.map((store) => store.close()));
    await arm?.close();
  });

  function openStore(): Store {
    const store = openPostgresStore({ url, poolSize: 4 });
    stores.push(store);
    return store;
  }

  /** A replica: its own pool, case service, SDK client and name; `leases` false lets every poll run. */
  function replica(holder: string, options: { leases?: boolean } = {}) {
    const store = openStore();
    const cases = new CaseService({
      store,
      clock: { now: () => Date.now() },
      reminders: parseReminderPlan('50%,breach').points,
    });
    const source = armTicketSource({
      credential: new TestCredential(),
      endpoint: arm.endpoint,
      ca: arm.ca,
      gate: { concurrency: 4, spacingMs: 0, retries: 3, maxInlineWaitMs: 5_000, now: Date.now, sleep },
    });
    const watchStore = options.leases === false ? { ...store, leasePoll: async () => true } : store;
    return new AzureWatcher({
      source,
      store: watchStore,
      sink: caseServiceSink(cases),
      read: coreTicketReader(azurePolicy),
      pollMs: 60_000,
      holder,
      // Claims run out at once: only the open key stands between two replicas and a second case.
      tuning: options.leases === false ? { claimLeaseMs: 0 } : {},
    });
  }

  function addTickets(from: number, count: number): string[] {
    const names: string[] = [];
    for (let i = from; i < from + count; i += 1) {
      const name = `26040100500${String(i).padStart(5, '0')}`;
      const resource = ticketResource(SUB, {
        name,
        createdDate: iso(since + (i + 1) * 60_000),
        severity: 'Critical',
      });
      arm.addTicket(SUB, resource);
      names.push(name);
    }
    return names;
  }

  const sql = () => postgresRaw(url);
  const count = async (query: string) => Number((await sql()(query))[0]?.n);

  it('opens each ticket once, its card queued once, and records each response once', async () => {
    const names = addTickets(0, TICKETS);
    const polite = ['replica-1', 'replica-2', 'replica-3'].map((holder) => replica(holder));
    await Promise.all(polite.map((watcher) => watcher.pollOnce()));
    // The lease let one replica poll; now every replica polls at once, claims running out instantly.
    const racing = ['replica-1', 'replica-2', 'replica-3'].map((holder) =>
      replica(holder, { leases: false }),
    );
    addTickets(TICKETS, 10);
    await Promise.all(racing.map((watcher) => watcher.pollOnce()));
    await Promise.all(racing.map((watcher) => watcher.pollOnce()));
    expect(await count('SELECT COUNT(*) AS n FROM cases')).toBe(TICKETS + 10);
    expect(await count('SELECT COUNT(DISTINCT open_key) AS n FROM cases')).toBe(TICKETS + 10);
    expect(await count("SELECT COUNT(*) AS n FROM reminders WHERE kind = 'card'")).toBe(TICKETS + 10);
    expect(
      await count('SELECT COUNT(*) AS n FROM azure_tickets WHERE version > 0 AND case_id IS NOT NULL'),
    ).toBe(TICKETS + 10);

    for (const name of names.slice(0, 10))
      arm.addCommunication(SUB, name, {
        direction: 'Outbound',
        sender: 'engineer@microsoft.com',
        at: Date.now(),
      });
    await Promise.all(racing.map((watcher) => watcher.pollOnce()));
    expect(await count("SELECT COUNT(*) AS n FROM case_events WHERE kind = 'responded'")).toBe(10);
    expect(await count("SELECT COUNT(*) AS n FROM cases WHERE state = 'responded'")).toBe(10);
    expect(
      await count(
        "SELECT COUNT(*) AS n FROM reminders WHERE kind = 'note' AND key LIKE '%:note:responded:%'",
      ),
    ).toBe(10);
    // The replicas stop (a deployment): each gives its poll lease back.
    await Promise.all([...polite, ...racing].map((watcher) => watcher.stop()));
    expect(await sql()('SELECT * FROM azure_poll_leases')).toEqual([]);
  }, 120_000);

  it('a replica started again resumes from the stored cursor and opens only the new tickets', async () => {
    const before = await count('SELECT COUNT(*) AS n FROM cases');
    const cursor = Number((await sql()('SELECT discovered_until AS n FROM azure_watches'))[0]?.n);
    expect(cursor).toBe(since + (TICKETS + 10) * 60_000);
    addTickets(TICKETS + 10, 5);
    arm.requests.length = 0;
    const restarted = replica('replica-1');
    await restarted.pollOnce();
    // Listed from the stored cursor (less its 15 minutes of overlap), not from the watch's start.
    expect(arm.requestsTo('tickets')[0]?.query.$filter).toBe(`createdDate ge ${iso(cursor - 15 * 60_000)}`);
    expect(await count('SELECT COUNT(*) AS n FROM cases')).toBe(before + 5);
    expect(await count('SELECT COUNT(DISTINCT open_key) AS n FROM cases')).toBe(before + 5);
  }, 120_000);
});
