// The card model both platforms render (issue 14): its lead line per state, its one primary action
// and the rest behind "more" with confirmations, the facts that apply, and Microsoft's own clock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseReminderPlan } from '../../src/cases/reminder-config.js';
import { CaseService } from '../../src/cases/service.js';
import type { CaseView, MicrosoftSide } from '../../src/cases/types.js';
import { translator } from '../../src/i18n/index.js';
import { caseCardModel } from '../../src/messages/case-view.js';
import { instantText } from '../../src/messages/format.js';
import { noticeModel } from '../../src/messages/notice-view.js';
import { azurePolicy } from '../../src/sla/index.js';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/store.js';

const T0 = Date.parse('2026-03-24T09:00:00Z'); // Tuesday 10:00 in Amsterdam
const MIN = 60_000;
const ann = { id: 'U1', name: 'Ann', locale: 'en' };
const t = translator('en');
let now = T0;
let store: Store;
let cases: CaseService;

beforeAll(async () => {
  store = openStore('sqlite::memory:');
  await store.migrate();
  cases = new CaseService({
    store,
    clock: { now: () => now },
    reminders: parseReminderPlan('50%,breach').points,
  });
});
afterAll(() => store.close());

let n = 0;
async function open(input: Record<string, unknown> = {}): Promise<CaseView> {
  const result = await cases.open({
    tenantId: 'T',
    platform: 'slack',
    channelId: 'C',
    conversation: null,
    caseNumber: String(++n),
    title: 'VMs down',
    input: { plan: 'premier', severity: 'A', country: 'NL', openedAt: T0, ...input },
    openedBy: ann,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.failure));
  return result.view;
}
const viewOf = (result: { ok: boolean; view?: CaseView }) => result.view as CaseView;

/** The card as the tests read it: times in UTC, a reader in Amsterdam (the customer's zone). */
const model = (view: CaseView, readerZone: string | undefined = 'Europe/Amsterdam') =>
  caseCardModel(t, view, {
    locale: 'en',
    policy: azurePolicy,
    openedByName: 'Ann',
    when: (instant) => new Date(instant).toISOString().slice(11, 16),
    readerZone,
  });

describe('the lead line says how long there is, per state', () => {
  it('open, due soon, breached, met by, breached by, closed: each with its tone', async () => {
    now = T0 + 20 * MIN;
    const open20 = model(await open()).lead;
    expect(open20).toMatchObject({
      standing: 'open',
      tone: 'accent',
      badge: 'Open',
      detail: '40 minutes left',
    });
    expect(open20.deadline).toBe('Deadline 10:00');
    now = T0 + 50 * MIN;
    expect(model(await open()).lead).toMatchObject({
      standing: 'due_soon',
      tone: 'warning',
      badge: 'Due soon',
    });
    now = T0 + 3 * 60 * MIN;
    expect(model(await open()).lead).toMatchObject({
      standing: 'breached',
      tone: 'attention',
      badge: 'Breached',
      detail: '2 hours overdue',
    });
    now = T0 + 40 * MIN;
    const met = model(viewOf(await cases.recordResponse('T', (await open()).record.id, ann))).lead;
    expect(met).toMatchObject({
      standing: 'met',
      tone: 'good',
      badge: 'Met by 20 minutes',
      detail: 'Microsoft responded 09:40',
    });
    now = T0 + 85 * MIN;
    const missed = model(viewOf(await cases.recordResponse('T', (await open()).record.id, ann))).lead;
    // A breach is never "good": the late response is red, not green.
    expect(missed).toMatchObject({ standing: 'missed', tone: 'attention', badge: 'Breached by 25 minutes' });
    const closed = model(viewOf(await cases.close('T', (await open()).record.id, ann))).lead;
    expect(closed).toMatchObject({ standing: 'closed', tone: 'neutral', badge: 'Closed', detail: null });
    now = T0;
  });

  it('says when the time left counts business hours, and when the clock is paused', async () => {
    now = Date.parse('2026-03-28T10:00:00+01:00'); // Saturday
    const paused = model(
      await open({ plan: 'professional-direct', severity: 'B', openedAt: now - 60 * MIN }),
    ).lead;
    expect(paused.detail).toBe('2 hours left in business hours');
    expect(paused.clock).toMatch(/^Clock paused until \d\d:\d\d \(outside business hours\)$/);
    now = T0;
  });

  it("shows the customer's own time only where it differs from the reader's", async () => {
    const view = await open();
    expect(model(view, 'Europe/Amsterdam').lead.customerTime).toBeNull();
    expect(model(view, 'America/New_York').lead.customerTime).toBe(
      "Customer's time: Tue, Mar 24, 2026, 11:00 AM GMT+1",
    );
    // Not knowing who reads it, the card says it.
    const unknownReader = caseCardModel(t, view, {
      locale: 'en',
      policy: azurePolicy,
      openedByName: 'Ann',
      when: String,
    });
    expect(unknownReader.lead.customerTime).not.toBeNull();
    expect(model(view, 'Not/A_Zone').lead.customerTime).not.toBeNull();
  });
});

describe('actions', () => {
  it('an open case: one primary action, the rest behind more, closing asks first', async () => {
    const card = model(await open());
    expect(card.primary).toMatchObject({
      action: 'respond_now',
      label: 'Microsoft responded',
      style: 'primary',
    });
    expect(card.more.map((action) => action.action)).toEqual([
      'respond_at',
      'change_severity',
      'not_available_24x7',
      'waiting_on_us',
      'close',
    ]);
    expect(card.more.find((action) => action.action === 'close')?.confirm?.title).toBe('Close this case?');
    expect(card.more.find((action) => action.action === 'change_severity')?.input).toEqual({
      kind: 'severity',
      choices: [
        { value: 'B', label: 'Severity B (moderate business impact)' },
        { value: 'C', label: 'Severity C (minimal business impact)' },
      ],
    });
  });

  it('after a response, closing is the primary action and undoing the response says so and asks first', async () => {
    now = T0 + 10 * MIN;
    const card = model(viewOf(await cases.recordResponse('T', (await open()).record.id, ann)));
    expect(card.primary).toMatchObject({ action: 'close', confirm: { yes: 'Close', no: 'Cancel' } });
    expect(card.more).toEqual([
      expect.objectContaining({
        action: 'reopen',
        label: 'Undo response',
        confirm: expect.objectContaining({ title: 'Undo the recorded first response?' }),
      }),
    ]);
    now = T0;
  });

  it('a closed case can only be reopened', async () => {
    const card = model(viewOf(await cases.close('T', (await open()).record.id, ann)));
    expect(card.primary).toMatchObject({ action: 'reopen', label: 'Reopen' });
    expect(card.more).toEqual([]);
    expect(card.warnings).toEqual([]);
  });
});

describe('facts', () => {
  it('leaves out what does not apply and shows when the case was opened, its issue type and product', async () => {
    const card = model(await open({ language: 'en' }));
    expect(card.facts.map((fact) => fact.label)).toEqual([
      'First response within',
      'Response in',
      'Opened',
      'Issue type',
      'Product',
    ]);
    now = Date.parse('2026-03-28T10:20:00+01:00');
    const withOther = model(
      await open({ language: 'de', country: 'DE', openedAt: Date.parse('2026-03-28T10:00:00+01:00') }),
    );
    expect(withOther.facts.map((fact) => fact.id)).toContain('alternative');
    now = T0;
  });

  it("Microsoft's deadline beside the bot's: agreeing, disagreeing (marked), mid-change (said as such)", async () => {
    const base = await open();
    const side = (
      agreement: MicrosoftSide['agreement'],
      deadline: number | null = base.assessment.deadline,
    ): CaseView => ({
      ...base,
      microsoft: { ticketNumber: '1', deadline, agreement },
    });
    const fact = (view: CaseView) => model(view).facts.find((f) => f.id === 'microsoft')?.value;
    expect(fact(side({ differenceMinutes: 0, agrees: true, reason: null }))).toBe('10:00 (the same)');
    const earlier = side(
      { differenceMinutes: 25, agrees: false, reason: 'disagrees' },
      base.assessment.deadline - 25 * MIN,
    );
    expect(fact(earlier)).toBe("09:35, 25 minutes earlier than the bot's");
    expect(model(earlier).warnings[0]).toBe(
      "Microsoft's deadline (09:35) differs from the bot's: check the plan and severity on the ticket.",
    );
    const changing = side(
      { differenceMinutes: 60, agrees: false, reason: 'mid_change' },
      base.assessment.deadline - 60 * MIN,
    );
    expect(fact(changing)).toBe('09:00 (still on the severity before the change)');
    expect(model(changing).warnings.some((w) => w.includes("Microsoft's deadline"))).toBe(false);
    expect(fact(side({ differenceMinutes: null, agrees: null, reason: 'no_microsoft_deadline' }, null))).toBe(
      'The ticket shows none',
    );
    expect(fact(base)).toBeUndefined();
  });

  it("a case that follows a ticket was opened by its source, named in the reader's words", async () => {
    const base = await open();
    const fromAzure: CaseView = {
      ...base,
      record: {
        ...base.record,
        source: {
          kind: 'azure',
          ticketNumber: '1',
          resourceId: '/subscriptions/s/x/1',
          microsoft: { startTime: null, deadline: null, slaMinutes: null },
        },
      },
    };
    expect(model(fromAzure).openedByLine).toBe('Opened by Azure');
    expect(model(base).openedByLine).not.toContain('Azure');
  });
});

describe('notices', () => {
  it('each kind its icon and tone; the case named; what to do; the primary action where it answers it', async () => {
    const { record } = await open();
    const plain = (instant: number) => instantText(instant, 'Europe/Amsterdam', 'en');
    const of = (notice: Parameters<typeof noticeModel>[2]) =>
      noticeModel(t, record, notice, { when: plain, plain });
    const breach = of({ kind: 'breach', deadline: T0 + 60 * MIN });
    expect(breach).toMatchObject({
      icon: 'siren',
      tone: 'attention',
      heading: `Deadline passed · Case ${record.caseNumber}: VMs down`,
      action: { action: 'respond_now' },
    });
    expect(breach.todo).toMatch(/^Ask Microsoft to escalate/);
    expect(breach.summary).toMatch(
      new RegExp(`^Case ${record.caseNumber}: VMs down · The first-response deadline`),
    );
    expect(of({ kind: 'before', remainingMinutes: 15, deadline: T0 + 60 * MIN })).toMatchObject({
      icon: 'alarm',
      tone: 'warning',
      heading: `15 minutes left · Case ${record.caseNumber}: VMs down`,
    });
    expect(
      of({ kind: 'fraction', fraction: 0.5, remainingMinutes: 30, deadline: T0 + 60 * MIN }),
    ).toMatchObject({
      icon: 'hourglass',
      tone: 'accent',
    });
    expect(of({ kind: 'waiting', since: T0, to: 'B' })).toMatchObject({
      icon: 'waiting',
      action: { action: 'we_answered' },
    });
    expect(of({ kind: 'warning', code: 'contact_details', to: null, reason: null })).toMatchObject({
      icon: 'warning',
      action: null,
      todo: null,
    });
    // Microsoft's deadline 12 minutes after ours: both said, what to check, and no button answers it.
    const disagreement = of({ kind: 'disagreement', ours: T0 + 60 * MIN, microsoft: T0 + 72 * MIN });
    expect(disagreement).toMatchObject({
      icon: 'scales',
      tone: 'warning',
      heading: `Microsoft's deadline differs · Case ${record.caseNumber}: VMs down`,
      action: null,
    });
    expect(disagreement.text).toContain('12 minutes later than the bot');
    expect(disagreement.text).toContain(plain(T0 + 72 * MIN));
    expect(disagreement.text).toContain(plain(T0 + 60 * MIN));
    expect(disagreement.todo).toMatch(/ask Microsoft which deadline applies/);
    expect(of({ kind: 'disagreement', ours: T0 + 60 * MIN, microsoft: T0 + 50 * MIN }).text).toContain(
      '10 minutes earlier than the bot',
    );
    const note = of({ kind: 'note', event: 'closed', actor: 'Azure', data: {} });
    expect(note).toMatchObject({ heading: null, action: null, summary: 'Azure closed this case.' });
  });
});
