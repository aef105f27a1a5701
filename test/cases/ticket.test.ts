// A case that follows an Azure ticket: Microsoft's clock beside ours on the view, a disagreement said
// once in the thread, the ticket read again (a severity change restarts the clock at the change with
// the ticket's own target, SLA-RULES §11), and nothing written when the ticket says nothing new.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { parseReminderPlan } from '../../src/cases/reminder-config.js';
import { CaseService } from '../../src/cases/service.js';
import type { Actor, CaseSource, OpenCaseRequest } from '../../src/cases/types.js';
import { tempSqliteStore, testClock } from '../reminders/harness.js';
import type { TestStore } from '../store/test-store.js';

const MIN = 60_000;
const OPENED = Date.parse('2026-03-30T08:00:00Z'); // Monday
const azure: Actor = { id: 'azure', name: 'Azure', locale: 'en', announce: true };
const TICKET =
  '/subscriptions/6c2d2a5e-2c5b-4c1e-9f0e-3a1d4b5c6d7e/providers/microsoft.support/supporttickets/1';

let store: TestStore;
let dispose: () => Promise<void>;
let clock: ReturnType<typeof testClock>;
let cases: CaseService;

beforeEach(async () => {
  ({ store, dispose } = await tempSqliteStore());
  clock = testClock(OPENED + 2 * MIN);
  cases = new CaseService({ store, clock, reminders: parseReminderPlan('50%,breach').points });
});
afterEach(() => dispose());

function source(deadline: number | null, slaMinutes: number | null = 60): CaseSource {
  return {
    kind: 'azure',
    ticketNumber: '2603300010000001',
    resourceId: TICKET,
    microsoft: { startTime: OPENED, deadline, slaMinutes },
  };
}

/** A Premier severity A case (60 minutes, 24x7) opened from a ticket, with Microsoft's clock as given. */
function request(microsoft: CaseSource, overrides: Partial<OpenCaseRequest> = {}): OpenCaseRequest {
  return {
    tenantId: 'T-ACME',
    platform: 'slack',
    channelId: 'C-AZURE',
    conversation: { channel: 'C-AZURE' },
    caseNumber: microsoft.ticketNumber,
    title: 'VMs down',
    input: { plan: 'premier', severity: 'A', country: 'NL', openedAt: OPENED },
    openedBy: { ...azure, locale: 'nl-NL' },
    idempotencyKey: `azure:T-ACME:${TICKET}`,
    source: microsoft,
    ...overrides,
  };
}

async function opened(microsoft: CaseSource) {
  const result = await cases.open(request(microsoft));
  if (!result.ok) throw new Error(JSON.stringify(result.failure));
  return result.view;
}

async function disagreements(caseId: string) {
  return (await store.listReminders('T-ACME', caseId)).filter((r) => r.notice.kind === 'disagreement');
}

describe("Microsoft's clock beside ours", () => {
  test('the view carries the ticket number, Microsoft deadline and how the two agree', async () => {
    const view = await opened(source(OPENED + 60 * MIN + 40_000));
    expect(view.assessment.deadline).toBe(OPENED + 60 * MIN);
    expect(view.microsoft).toEqual({
      ticketNumber: '2603300010000001',
      deadline: OPENED + 60 * MIN + 40_000,
      agreement: { differenceMinutes: -0.67, agrees: true, reason: null },
    });
    expect(await disagreements(view.record.id)).toEqual([]);
    expect((await cases.get('T-ACME', view.record.id))?.microsoft).toEqual(view.microsoft);
    const typed = await cases.open({ ...request(source(null)), source: undefined, idempotencyKey: 'other' });
    expect(typed.ok && typed.view.microsoft).toBeUndefined();
  });

  test('a disagreement is said in the thread once, a snapshot caught mid-change not at all', async () => {
    const view = await opened(source(OPENED + 50 * MIN));
    expect(view.microsoft?.agreement).toEqual({ differenceMinutes: 10, agrees: false, reason: 'disagrees' });
    const [notice, ...more] = await disagreements(view.record.id);
    expect(more).toEqual([]);
    expect(notice).toMatchObject({
      state: 'pending',
      dueAt: clock.now(),
      notice: { kind: 'disagreement', ours: OPENED + 60 * MIN, microsoft: OPENED + 50 * MIN },
    });
    // Microsoft's clock moves again, still disagreeing: nothing more is said.
    clock.advance(MIN);
    const moved = await cases.followTicket('T-ACME', view.record.id, {
      actor: azure,
      microsoft: { startTime: OPENED, deadline: OPENED + 45 * MIN, slaMinutes: 60 },
    });
    expect(moved.ok && moved.view.microsoft?.deadline).toBe(OPENED + 45 * MIN);
    expect(await disagreements(view.record.id)).toHaveLength(1);

    const mid = await cases.open(request(source(OPENED + 240 * MIN, 240), { idempotencyKey: 'azure:mid' }));
    expect(mid.ok && mid.view.microsoft?.agreement.reason).toBe('mid_change');
    expect(mid.ok && (await disagreements(mid.view.record.id))).toEqual([]);
  });
});

describe('the ticket read again', () => {
  test('a severity change restarts the clock at the change, updates Microsoft clock and says so', async () => {
    const view = await opened(source(OPENED + 60 * MIN));
    const changedAt = OPENED + 20 * MIN;
    clock.set(OPENED + 25 * MIN);
    const update = {
      actor: azure,
      microsoft: { startTime: changedAt, deadline: changedAt + 120 * MIN, slaMinutes: 120 },
      severity: { input: { ...view.record.input, severity: 'B', commit24x7: true }, at: changedAt },
    };
    const followed = await cases.followTicket('T-ACME', view.record.id, update);
    if (!followed.ok) throw new Error(JSON.stringify(followed.failure));
    expect(followed.view.record.input).toMatchObject({
      severity: 'B',
      clockStartsAt: changedAt,
      commit24x7: true,
    });
    expect(followed.view.assessment.deadline).toBe(changedAt + 120 * MIN);
    expect(followed.view.microsoft?.agreement).toEqual({ differenceMinutes: 0, agrees: true, reason: null });
    const events = await cases.events('T-ACME', view.record.id);
    expect(events.at(-1)).toMatchObject({
      actor: 'azure',
      kind: 'severity_changed',
      data: { from: 'A', to: 'B' },
    });
    const notes = (await store.listReminders('T-ACME', view.record.id)).filter(
      (r) => r.notice.kind === 'note',
    );
    expect(notes.map((r) => r.notice)).toEqual([
      { kind: 'note', event: 'severity_changed', actor: 'Azure', data: { from: 'A', to: 'B' } },
    ]);

    // The same reading again (the next poll, another replica): nothing is written.
    const version = followed.view.record.version;
    const again = await cases.followTicket('T-ACME', view.record.id, update);
    expect(again.ok && again.view.record.version).toBe(version);
    expect(await cases.events('T-ACME', view.record.id)).toHaveLength(events.length);
  });

  test("a plan outside the policy takes the ticket's new target with the new severity", async () => {
    const input = { plan: 'Basic', severity: 'A', country: 'NL', openedAt: OPENED, targetMinutes: 60 };
    const result = await cases.open({ ...request(source(OPENED + 60 * MIN)), input });
    if (!result.ok) throw new Error(JSON.stringify(result.failure));
    const { record } = result.view;
    const changedAt = OPENED + 10 * MIN;
    clock.set(OPENED + 15 * MIN);
    const followed = await cases.followTicket('T-ACME', record.id, {
      actor: azure,
      microsoft: { startTime: changedAt, deadline: null, slaMinutes: 480 },
      severity: { input: { ...record.input, severity: 'C', targetMinutes: 480 }, at: changedAt },
    });
    if (!followed.ok) throw new Error(JSON.stringify(followed.failure));
    expect(followed.view.record.input).toMatchObject({ severity: 'C', targetMinutes: 480 });
    expect(followed.view.assessment.targetMinutes).toBe(480);
  });

  test('an answered case keeps its severity; a change before the opening or in the future is refused', async () => {
    const view = await opened(source(OPENED + 60 * MIN));
    const severity = (at: number) => ({ input: { ...view.record.input, severity: 'B' }, at });
    const clockOf = { startTime: OPENED, deadline: OPENED + 60 * MIN, slaMinutes: 60 };
    const early = await cases.followTicket('T-ACME', view.record.id, {
      actor: azure,
      microsoft: { ...clockOf, slaMinutes: 120 },
      severity: severity(OPENED - MIN),
    });
    expect(early.ok || early.failure).toEqual({
      kind: 'case',
      code: 'invalid_case',
      params: { field: 'changedAt' },
    });
    const future = await cases.followTicket('T-ACME', view.record.id, {
      actor: azure,
      microsoft: { ...clockOf, slaMinutes: 120 },
      severity: severity(clock.now() + 60 * MIN),
    });
    expect(future.ok).toBe(false);
    await cases.recordResponse('T-ACME', view.record.id, azure, OPENED + MIN);
    const answered = await cases.followTicket('T-ACME', view.record.id, {
      actor: azure,
      microsoft: { ...clockOf, slaMinutes: 120 },
      severity: severity(OPENED + MIN),
    });
    expect(answered.ok && answered.view.record.input.severity).toBe('A');
    expect(answered.ok && answered.view.outcome).toMatchObject({ met: true, marginMinutes: 59 });
  });

  test('a case typed in a chat follows no ticket', async () => {
    const typed = await cases.open({ ...request(source(null)), source: undefined });
    if (!typed.ok) throw new Error('not opened');
    const result = await cases.followTicket('T-ACME', typed.view.record.id, {
      actor: azure,
      microsoft: { startTime: null, deadline: null, slaMinutes: null },
    });
    expect(result.ok || result.failure).toEqual({
      kind: 'case',
      code: 'invalid_case',
      params: { field: 'source' },
    });
    expect(
      await cases.followTicket('T-OTHER', typed.view.record.id, {
        actor: azure,
        microsoft: source(null).microsoft,
      }),
    ).toMatchObject({
      ok: false,
      failure: { code: 'not_found' },
    });
  });
});
