// Issue 12 §3 end to end in Slack: a person connects a subscription with /sla watch, and each new
// Azure ticket becomes a case card in that channel by itself, with Microsoft's deadline beside ours;
// Microsoft's first reply, a severity change and a close follow with no button pressed, each said in
// the card's thread; a disagreement is said once; /sla track follows an older ticket.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseView, ListedCase } from '../../../src/cases/types.js';
import { iso, ticketResource } from '../../support/arm-tickets.js';
import type { StoredMessage } from '../../support/slack-stand-in.js';
import { type AzureHarness, eventually, startAzureHarness, TEAM } from './harness.js';

const SUB = '6c2d2a5e-2c5b-4c1e-9f0e-3a1d4b5c6d7e';
const CHANNEL = 'C-AZURE';
const MINUTE = 60_000;
let h: AzureHarness;
let serial = 0;

beforeAll(async () => {
  h = await startAzureHarness();
  h.arm.subscription(SUB);
  h.arm.grant('good-token', [SUB]);
  // Slack answers a post in most of a second, as it does on a busy day.
  h.slack.latency('chat.postMessage', 700);
  h.slack.latency('chat.update', 400);
  expect(await h.command(`watch ${SUB}`, CHANNEL)).toContain(
    `support requests of subscription ${SUB} now become cases here`,
  );
}, 60_000);
afterAll(() => h?.close());

/** A Premier-like 24x7 ticket (severity A: one hour, every hour), created now unless said otherwise. */
function addTicket(overrides: { severity?: 'Critical' | 'Moderate' | 'Minimal'; createdAt?: number } = {}) {
  serial += 1;
  const name = `260401001${String(serial).padStart(7, '0')}`;
  const createdAt = overrides.createdAt ?? Date.now();
  const resource = ticketResource(SUB, {
    name,
    createdDate: iso(createdAt),
    severity: overrides.severity ?? 'Critical',
    title: `VMs down ${serial}`,
  });
  resource.properties.require24X7Response = true;
  h.arm.addTicket(SUB, resource);
  return { name, createdAt: Date.parse(iso(createdAt)), resource };
}

/** The case of a ticket once its card is in the channel. */
async function posted(name: string): Promise<{ view: CaseView; card: StoredMessage }> {
  return eventually(async () => {
    const view = await h.caseOf(TEAM, SUB, name);
    const ts = (view?.record.conversation as { ts?: string } | null)?.ts;
    const card = h.slack.messages.find((m) => m.channel === CHANNEL && m.ts === ts && !m.threadTs);
    if (!view || !card) throw new Error(`no card yet for ${name}`);
    return { view: evaluated(view), card };
  });
}

function evaluated(view: ListedCase | null): CaseView {
  if (!view?.assessment) throw new Error('the case does not evaluate');
  return view;
}

const thread = (card: StoredMessage) => h.slack.replies(CHANNEL, card.ts).map((m) => m.text);

describe('a watched subscription in Slack', () => {
  it('opens each new ticket as a case with its card in the watched channel, exactly once, with Microsoft deadline', async () => {
    const ticket = addTicket();
    await h.poll();
    const { view, card } = await posted(ticket.name);
    expect(view.record).toMatchObject({
      platform: 'slack',
      channelId: CHANNEL,
      caseNumber: ticket.name,
      state: 'open',
    });
    expect(view.assessment?.deadline).toBe(ticket.createdAt + 60 * MINUTE);
    expect(view.microsoft).toEqual({
      ticketNumber: ticket.name,
      deadline: Date.parse(ticket.resource.properties.serviceLevelAgreement.expirationTime),
      agreement: { differenceMinutes: 0, agrees: true, reason: null },
    });
    expect(card.text).toContain(ticket.name);
    // Polled again, and again by the loop: still one case and one card.
    await h.poll();
    await h.poll();
    const cases = await h.server.cases.list({ tenantId: TEAM, channelId: CHANNEL });
    expect(cases.filter((c) => c.record.caseNumber === ticket.name)).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(h.slack.messages.filter((m) => !m.threadTs && m.text.includes(ticket.name))).toHaveLength(1);
  }, 60_000);

  it("records Microsoft's first reply by itself, met and by how much, and says so in the thread", async () => {
    const ticket = addTicket();
    await h.poll();
    const { card } = await posted(ticket.name);
    // The "request submitted" mail is inbound, not a response; Microsoft's reply is outbound.
    h.arm.addCommunication(SUB, ticket.name, {
      direction: 'Inbound',
      sender: 'support@mail.support.microsoft.com',
      at: ticket.createdAt + 1000,
    });
    await h.poll();
    expect((await h.caseOf(TEAM, SUB, ticket.name))?.record.state).toBe('open');
    // The ticket's modifiedDate has whole seconds, as Azure's: the reply must change it, so it comes at
    // least a second after the inbound mail (a fast run reaches this line within that second).
    while (Date.now() < ticket.createdAt + 2000) await new Promise((resolve) => setTimeout(resolve, 50));
    const answeredAt = Date.parse(iso(Date.now()));
    h.arm.addCommunication(SUB, ticket.name, {
      direction: 'Outbound',
      sender: 'engineer@microsoft.com',
      at: answeredAt,
    });
    await h.poll();
    const view = await h.caseOf(TEAM, SUB, ticket.name);
    expect(view?.record).toMatchObject({ state: 'responded', respondedAt: answeredAt });
    expect(view?.outcome).toMatchObject({ met: true, respondedAt: answeredAt });
    expect(view?.outcome?.marginMinutes).toBe(
      Math.round((ticket.createdAt + 60 * MINUTE - answeredAt) / MINUTE),
    );
    await eventually(() => expect(thread(card)).toContain("Azure recorded Microsoft's first response."));
  }, 60_000);

  it('re-plans a severity change with the clock restarted at the change, and says so in the thread', async () => {
    const ticket = addTicket({ severity: 'Critical' });
    await h.poll();
    const { card } = await posted(ticket.name);
    const changedAt = Date.parse(iso(Date.now()));
    h.arm.changeSeverity(SUB, ticket.name, 'Moderate', changedAt);
    await h.poll();
    const view = evaluated(await h.caseOf(TEAM, SUB, ticket.name));
    expect(view.record.input).toMatchObject({ severity: 'B', clockStartsAt: changedAt });
    expect(view.assessment.deadline).toBe(changedAt + 120 * MINUTE);
    expect(view.microsoft).toMatchObject({
      deadline: changedAt + 120 * MINUTE,
      agreement: { agrees: true },
    });
    await eventually(() => expect(thread(card)).toContain('Azure changed the severity from A to B.'));
    // The card is rendered again with the new deadline.
    await eventually(() =>
      expect(h.slack.callsTo('chat.update').some((c) => c.body.ts === card.ts)).toBe(true),
    );
  }, 60_000);

  it('closes the case when the ticket closes', async () => {
    const ticket = addTicket();
    await h.poll();
    const { card } = await posted(ticket.name);
    h.arm.closeTicket(SUB, ticket.name, Date.now());
    await h.poll();
    expect((await h.caseOf(TEAM, SUB, ticket.name))?.record.state).toBe('closed');
    await eventually(() => expect(thread(card)).toContain('Azure closed this case.'));
  }, 60_000);

  it("says once in the thread that Microsoft's deadline disagrees with ours", async () => {
    const ticket = addTicket();
    const agreement = ticket.resource.properties.serviceLevelAgreement;
    agreement.expirationTime = iso(ticket.createdAt + 72 * MINUTE);
    await h.poll();
    const { view, card } = await posted(ticket.name);
    expect(view.microsoft?.agreement).toEqual({ differenceMinutes: -12, agrees: false, reason: 'disagrees' });
    const said = (texts: string[]) =>
      texts.filter((text) => text.includes("Microsoft's own first-response deadline"));
    await eventually(() => expect(said(thread(card))).toHaveLength(1));
    expect(said(thread(card))[0]).toContain('12 minutes later than the bot');
    // Microsoft's clock moves again, still disagreeing; the ticket is read again and again.
    h.arm.changeSeverity(SUB, ticket.name, 'Moderate', Date.now());
    h.arm.ticket(SUB, ticket.name).properties.serviceLevelAgreement.expirationTime = iso(
      Date.now() + 200 * MINUTE,
    );
    await h.poll();
    await h.poll();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(said(thread(card))).toHaveLength(1);
  }, 60_000);

  it('/sla track follows a ticket opened before the watch, once, in the channel it was typed in', async () => {
    const older = addTicket({ createdAt: Date.now() - 3 * 60 * MINUTE });
    await h.poll();
    expect(await h.caseOf(TEAM, SUB, older.name)).toBeNull();
    expect(await h.command(`track ${older.name}`, 'C-OTHER')).toBe(
      `Support request ${older.name} is now followed as a case here: its card follows in a moment.`,
    );
    const view = await eventually(async () => {
      const found = await h.caseOf(TEAM, SUB, older.name);
      expect((found?.record.conversation as { ts?: string } | null)?.ts).toBeDefined();
      return found;
    });
    expect(view?.record.channelId).toBe('C-OTHER');
    expect(await h.command(`track ${older.name}`, 'C-OTHER')).toBe(
      `Support request ${older.name} is already followed as a case.`,
    );
    expect(await h.command('track 9999999999999999', 'C-OTHER')).toBe(
      `No support request 9999999999999999 was found in the connected subscriptions (${SUB}).`,
    );
    expect(await h.command('track', 'C-OTHER')).toContain('for example: /sla track 2603020010000001');
    expect(await h.command('watch not-a-subscription', 'C-OTHER')).toContain(
      'for example: /sla watch 00000000-0000-0000-0000-000000000000',
    );
    // It is followed like the others: Microsoft's reply is recorded by itself.
    h.arm.addCommunication(SUB, older.name, {
      direction: 'Outbound',
      sender: 'engineer@microsoft.com',
      at: Date.now(),
    });
    await h.poll();
    expect((await h.caseOf(TEAM, SUB, older.name))?.outcome).toMatchObject({ met: false });
  }, 60_000);

  it('/readyz says the watcher is reading its subscription', async () => {
    await h.poll();
    const { status, body } = await h.readyz();
    expect(status).toBe(200);
    expect(body.platforms).toMatchObject({ azure: { ready: true, state: 'watching' } });
  });
});
