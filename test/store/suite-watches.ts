// Store suite, part 4: the Azure watcher's storage (watches, cursors, poll leases, ticket claims and
// links) and the source a case opened from a ticket carries. Several connections race where replicas do.
import { expect, it } from 'vitest';
import type { CaseSource } from '../../src/store/records.js';
import type { TicketLink, Watch } from '../../src/store/watches.js';
import { makeCase, minute, T0 } from './fixtures.js';
import type { SuiteContext } from './store-suite.js';

const SUB = '6c2d2a5e-2c5b-4c1e-9f0e-3a1d4b5c6d7e';
const TICKET = `/subscriptions/${SUB}/providers/microsoft.support/supporttickets/2603020010000001`;

function watch(overrides: Partial<Watch> = {}): Watch {
  return {
    tenantId: 'T-ACME',
    subscriptionId: SUB,
    platform: 'slack',
    channelId: 'C-SUPPORT',
    conversation: { channel: 'C-SUPPORT' },
    locale: 'nl-NL',
    since: T0,
    ...overrides,
  };
}

function link(overrides: Partial<TicketLink> = {}, resourceId = TICKET): TicketLink {
  return {
    tenantId: 'T-ACME',
    ticket: {
      subscriptionId: SUB,
      name: resourceId.split('/').pop() ?? '',
      resourceId,
      number: '2603020010000001',
    },
    caseId: 'case-1',
    problem: null,
    severity: 'B',
    respondedAt: null,
    closed: false,
    checkedModified: null,
    checkedAt: null,
    version: 0,
    ...overrides,
  };
}

export function watchTests(ctx: SuiteContext): void {
  it('adds watches, and moving one to another channel keeps when it started and its cursor', async () => {
    const store = await ctx.migrated();
    expect(await store.watches()).toEqual([]);
    expect(await store.addWatch(watch({ subscriptionId: SUB.toUpperCase() }))).toEqual(watch());
    await store.addWatch(watch({ tenantId: 'T-OTHER', platform: 'teams', conversation: null }));
    await store.advanceCursor('T-ACME', SUB, T0 + 5 * minute);
    const moved = await store.addWatch(
      watch({
        channelId: 'C-AZURE',
        conversation: { channel: 'C-AZURE' },
        locale: 'ja',
        since: T0 + 9 * minute,
      }),
    );
    expect(moved).toEqual(
      watch({ channelId: 'C-AZURE', conversation: { channel: 'C-AZURE' }, locale: 'ja' }),
    );
    expect(await store.cursor('T-ACME', SUB.toUpperCase())).toBe(T0 + 5 * minute);
    expect(await store.watches()).toEqual([
      moved,
      watch({ tenantId: 'T-OTHER', platform: 'teams', conversation: null }),
    ]);
  });

  it('moves a cursor forward only, per tenant and subscription', async () => {
    const store = await ctx.migrated();
    await store.addWatch(watch());
    await store.addWatch(watch({ tenantId: 'T-OTHER' }));
    expect(await store.cursor('T-ACME', SUB)).toBeNull();
    await store.advanceCursor('T-ACME', SUB, T0 + 10 * minute);
    await store.advanceCursor('T-ACME', SUB, T0 + 3 * minute);
    expect(await store.cursor('T-ACME', SUB)).toBe(T0 + 10 * minute);
    expect(await store.cursor('T-OTHER', SUB)).toBeNull();
  });

  it('leases a poll to one holder at a time, renewable by it, taken over once it runs out', async () => {
    const store = await ctx.migrated();
    const key = `T-ACME:${SUB}`;
    expect(await store.leasePoll(key, 'replica-1', T0, minute)).toBe(true);
    expect(await store.leasePoll(key, 'replica-2', T0 + 1000, minute)).toBe(false);
    expect(await store.leasePoll(key, 'replica-1', T0 + 30_000, minute)).toBe(true);
    expect(await store.leasePoll(key, 'replica-2', T0 + minute, minute)).toBe(false);
    expect(await store.leasePoll(key, 'replica-2', T0 + 30_000 + minute, minute)).toBe(true);
    await store.releasePoll(key, 'replica-1'); // not its lease any more: nothing happens
    expect(await store.leasePoll(key, 'replica-1', T0 + 31_000 + minute, minute)).toBe(false);
    await store.releasePoll(key, 'replica-2');
    expect(await store.leasePoll(key, 'replica-1', T0 + 31_000 + minute, minute)).toBe(true);
  });

  it('claims a ticket for one holder; a link ends every claim; links save at their version only', async () => {
    const store = await ctx.migrated();
    expect(await store.claimTicket('T-ACME', TICKET, 'replica-1', T0, minute)).toBe('claimed');
    expect(await store.claimTicket('T-ACME', TICKET.toUpperCase(), 'replica-2', T0, minute)).toBe('busy');
    expect(await store.claimTicket('T-OTHER', TICKET, 'replica-2', T0, minute)).toBe('claimed');
    expect(await store.link('T-ACME', TICKET)).toBeNull();
    expect(await store.claimTicket('T-ACME', TICKET, 'replica-2', T0 + minute, minute)).toBe('claimed');
    expect(await store.saveLink(link(), null)).toBe(true);
    expect(await store.saveLink(link({ caseId: 'case-2' }), null)).toBe(false);
    expect(await store.claimTicket('T-ACME', TICKET, 'replica-3', T0 + 9 * minute, minute)).toBe('linked');
    expect(await store.link('T-ACME', TICKET)).toEqual(link({ version: 1 }));
    const answered = link({ respondedAt: T0 + 30 * minute, checkedAt: T0, checkedModified: T0 - 1 });
    expect(await store.saveLink(answered, 1)).toBe(true);
    expect(await store.saveLink(link({ closed: true }), 1)).toBe(false);
    expect(await store.link('T-ACME', TICKET)).toEqual({ ...answered, version: 2 });
    expect(await store.link('T-OTHER', TICKET)).toBeNull();
  });

  it('lists the open links of a watch: not closed ones, failed ones, other subscriptions or tenants', async () => {
    const store = await ctx.migrated();
    const id = (n: number, sub = SUB) =>
      `/subscriptions/${sub}/providers/microsoft.support/supporttickets/${n}`;
    const other = '0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0';
    await store.saveLink(link({}, id(1)), null);
    await store.saveLink(link({ closed: true }, id(2)), null);
    await store.saveLink(link({ caseId: null, problem: 'unknown_severity' }, id(3)), null);
    await store.saveLink(
      { ...link({}, id(4, other)), ticket: { ...link().ticket, subscriptionId: other } },
      null,
    );
    await store.saveLink({ ...link({}, id(5)), tenantId: 'T-OTHER' }, null);
    await store.claimTicket('T-ACME', id(6), 'replica-1', T0, minute);
    expect((await store.openLinks('T-ACME', SUB.toUpperCase())).map((l) => l.ticket.resourceId)).toEqual([
      id(1),
    ]);
  });

  it('gives a ticket to exactly one of many connections claiming it at once', async () => {
    const h = await ctx.harness();
    const first = h.open();
    await first.migrate();
    const stores = [first, h.open(), h.open()];
    const tickets = Array.from(
      { length: 20 },
      (_, n) => `${TICKET.slice(0, -2)}${String(n).padStart(2, '0')}`,
    );
    const claims = await Promise.all(
      tickets.flatMap((ticket) =>
        stores.map((store, i) => store.claimTicket('T-ACME', ticket, `replica-${i}`, T0, minute)),
      ),
    );
    expect(claims.filter((claim) => claim === 'claimed')).toHaveLength(tickets.length);
    expect(claims.filter((claim) => claim === 'busy')).toHaveLength(tickets.length * 2);
  });

  it("keeps a case's source (Microsoft's clock beside ours) and changes it with the case", async () => {
    const h = await ctx.harness();
    const store = h.open();
    await store.migrate();
    const source: CaseSource = {
      kind: 'azure',
      ticketNumber: '2603020010000001',
      resourceId: TICKET,
      microsoft: { startTime: T0, deadline: T0 + 120 * minute, slaMinutes: 120 },
    };
    const c = makeCase({ source, openKey: `azure:T-ACME:${TICKET}` });
    await store.insertCase(c);
    expect(await store.getCase(c.tenantId, c.id)).toEqual(c);
    const moved = {
      ...source,
      microsoft: { startTime: T0 + minute, deadline: T0 + 61 * minute, slaMinutes: 60 },
    };
    const changed = { ...c, source: moved, version: 2 };
    expect(
      await store.saveCase({ record: changed, expectedVersion: 1, event: null, plan: [], notices: [] }, T0),
    ).toBe(true);
    expect((await store.findCaseByOpenKey(c.tenantId, c.openKey ?? ''))?.source).toEqual(moved);
    // A source this version does not write (a newer one's) reads as none rather than breaking the case.
    await h.sql('UPDATE cases SET source = ? WHERE id = ?', [
      JSON.stringify({ kind: 'jira', key: 'X-1' }),
      c.id,
    ]);
    expect(await store.getCase(c.tenantId, c.id)).toEqual({ ...changed, source: undefined });
  });
}
