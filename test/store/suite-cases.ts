// Store suite, part 1: cases and events, always scoped by tenant.
import { expect, it } from 'vitest';
import { makeCase, minute, standardPlan, T0 } from './fixtures.js';
import type { SuiteContext } from './store-suite.js';

export function caseTests(ctx: SuiteContext): void {
  it('stores a case and reads it back, JSON included', async () => {
    const store = await ctx.migrated();
    const c = makeCase({
      conversation: 'plain string ref',
      flag: 'x',
      respondedAt: T0 + 5,
      openKey: 'azure:t:1',
    });
    await store.insertCase(c);
    expect(await store.getCase(c.tenantId, c.id)).toEqual(c);
    expect(await store.findCaseByOpenKey(c.tenantId, 'azure:t:1')).toEqual(c);
    expect(await store.findCaseByOpenKey(c.tenantId, 'azure:t:2')).toBeNull();
    await store.ping();
  });

  it('scopes every read and write by tenant', async () => {
    const store = await ctx.migrated();
    const c = makeCase({ openKey: 'k' });
    await store.insertCase(c, standardPlan(c));
    const intruder = 'T-EVIL';
    expect(await store.getCase(intruder, c.id)).toBeNull();
    expect(await store.findCaseByOpenKey(intruder, 'k')).toBeNull();
    expect(await store.listCases({ tenantId: intruder })).toEqual([]);
    const event = { caseId: c.id, tenantId: intruder, at: T0, actor: 'U-X', kind: 'closed', data: {} };
    const pwned = { ...c, tenantId: intruder, title: 'pwned', version: 2 };
    expect(
      await store.saveCase({ record: pwned, expectedVersion: 1, event, plan: [], notices: [] }, T0),
    ).toBe(false);
    expect(await store.flagCase(intruder, c.id, 'pwned', T0)).toBe(false);
    expect(await store.attachConversation(intruder, c.id, { channel: 'X' }, T0)).toBe(false);
    expect(await store.listReminders(intruder, c.id)).toEqual([]);
    expect(await store.listEvents(intruder, c.id)).toEqual([]);
    expect(await store.getCase(c.tenantId, c.id)).toEqual(c);
    expect((await store.listReminders(c.tenantId, c.id)).every((r) => r.state === 'pending')).toBe(true);
  });

  it('updates a case only at the expected version', async () => {
    const store = await ctx.migrated();
    const c = makeCase();
    await store.insertCase(c);
    const update = (record: typeof c, expectedVersion: number) =>
      store.saveCase({ record, expectedVersion, event: null, plan: [], notices: [] }, T0);
    const responded = { ...c, state: 'responded' as const, respondedAt: T0 + minute, updatedAt: T0 + minute };
    expect(await update({ ...responded, version: 2 }, 1)).toBe(true);
    expect(await update({ ...c, title: 'stale writer', version: 2 }, 1)).toBe(false);
    const now = await store.getCase(c.tenantId, c.id);
    expect(now).toMatchObject({ state: 'responded', respondedAt: T0 + minute, version: 2, title: c.title });
    // A flag bumps the version too, so a writer holding version 2 cannot erase it.
    expect(await store.flagCase(c.tenantId, c.id, 'channel_not_found', T0 + 2 * minute)).toBe(true);
    expect(await update({ ...c, flag: null, version: 3 }, 2)).toBe(false);
    expect(await store.getCase(c.tenantId, c.id)).toMatchObject({ flag: 'channel_not_found', version: 3 });
  });

  it('lists cases soonest deadline first, filtered by channel, person and state', async () => {
    const store = await ctx.migrated();
    const late = makeCase({ deadline: T0 + 300 * minute });
    const soon = makeCase({ deadline: T0 + 30 * minute, openedBy: 'U-BOB' });
    const none = makeCase({ deadline: null, state: 'closed' });
    const elsewhere = makeCase({ channelId: 'C-OTHER', deadline: T0 });
    for (const c of [late, soon, none, elsewhere]) await store.insertCase(c);
    const ids = (cs: { id: string }[]) => cs.map((c) => c.id);
    expect(ids(await store.listCases({ tenantId: 'T-ACME' }))).toEqual([
      elsewhere.id,
      soon.id,
      late.id,
      none.id,
    ]);
    expect(ids(await store.listCases({ tenantId: 'T-ACME', channelId: 'C-SUPPORT' }))).toEqual([
      soon.id,
      late.id,
      none.id,
    ]);
    expect(ids(await store.listCases({ tenantId: 'T-ACME', openedBy: 'U-BOB' }))).toEqual([soon.id]);
    expect(ids(await store.listCases({ tenantId: 'T-ACME', states: ['closed'] }))).toEqual([none.id]);
    expect(await store.listCases({ tenantId: 'T-ACME', states: [] })).toEqual([]);
  });

  it('records each change with its event, and lists them in time order', async () => {
    const store = await ctx.migrated();
    const c = makeCase();
    const first = { caseId: c.id, tenantId: c.tenantId, at: T0, actor: 'U-A', kind: 'opened', data: {} };
    const second = { ...first, at: T0 + 1, kind: 'severity_changed', data: { from: 'B', to: 'A' } };
    // Written second but earlier in time: listed first.
    const early = { ...first, at: T0 - 1, kind: 'imported', data: { n: 1 } };
    await store.insertCase(c, [], first);
    const save = (version: number, event: typeof first) =>
      store.saveCase(
        { record: { ...c, version }, expectedVersion: version - 1, event, plan: [], notices: [] },
        T0,
      );
    expect(await save(2, second)).toBe(true);
    expect(await save(3, early)).toBe(true);
    const events = await store.listEvents(c.tenantId, c.id);
    expect(events.map(({ id: _id, ...event }) => event)).toEqual([early, first, second]);
    expect(events.every((event) => Number.isInteger(event.id))).toBe(true);
  });

  it('opens many cases in one go, once per tenant and open key, with their events and plans', async () => {
    const store = await ctx.migrated();
    const change = (c: ReturnType<typeof makeCase>) => ({
      record: c,
      expectedVersion: null,
      event: { caseId: c.id, tenantId: c.tenantId, at: T0, actor: 'azure', kind: 'opened', data: {} },
      plan: standardPlan(c),
      notices: [],
    });
    const first = makeCase({ openKey: 'azure:t:1' });
    const again = makeCase({ openKey: 'azure:t:1' }); // the same ticket seen twice
    const elsewhere = makeCase({ openKey: 'azure:t:1', tenantId: 'T-OTHER' });
    const keyless = [makeCase(), makeCase()];
    const saved = await store.saveNewCases([first, again, elsewhere, ...keyless].map(change), T0);
    expect(saved).toEqual([true, false, true, true, true]);
    expect(await store.getCase(again.tenantId, again.id)).toBeNull();
    expect(await store.findCaseByOpenKey(first.tenantId, 'azure:t:1')).toEqual(first);
    for (const c of [first, elsewhere, ...keyless]) {
      expect(await store.listEvents(c.tenantId, c.id)).toHaveLength(1);
      expect(await store.listReminders(c.tenantId, c.id)).toHaveLength(4);
    }
    expect(await store.listReminders(again.tenantId, again.id)).toEqual([]);
    // Later, one at a time (another replica, a restart): still one case per key.
    expect(await store.saveCase(change(makeCase({ openKey: 'azure:t:1' })), T0)).toBe(false);
    expect(await store.saveNewCases([], T0)).toEqual([]);
    const many = Array.from({ length: 1200 }, (_, i) => makeCase({ openKey: `bulk:${i}` }));
    expect((await store.saveNewCases(many.map(change), T0)).every(Boolean)).toBe(true);
    expect(await store.stats(T0)).toMatchObject({ openCases: 1204, remindersPending: 4 * 1204 });
  });
}
