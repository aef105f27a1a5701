// Issue 12 §3 end to end in Teams: "watch <subscription>" said to the bot in a channel connects it
// (the channel's place is taken from that message), each new ticket's card is created in the channel
// by the dispatcher through the Bot Connector (1.2 s for a create, as real tenants answer), exactly
// once; "Track Azure ticket" follows an older ticket from the message extension.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { iso, ticketResource } from '../../support/arm-tickets.js';
import { CHANNEL, type Client, mention, post, submitAction, TENANT } from '../../support/teams-activities.js';
import { type AzureHarness, eventually, startAzureHarness } from './harness.js';

const SUB = '0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0';
const MINUTE = 60_000;
let h: AzureHarness;
let ann: Client;

beforeAll(async () => {
  h = await startAzureHarness();
  h.arm.subscription(SUB);
  h.arm.grant('good-token', [SUB]);
  h.connector.latency('createConversation', 1200);
  h.connector.latency('sendActivity', 300);
  ann = { serviceUrl: h.connector.url, locale: 'en-US', timezone: 'Europe/Amsterdam' };
}, 60_000);
afterAll(() => h?.close());

function addTicket(name: string, createdAt = Date.now()) {
  const resource = ticketResource(SUB, { name, createdDate: iso(createdAt), severity: 'Critical' });
  h.arm.addTicket(SUB, resource);
  return resource;
}

const replies = () => h.connector.posts().map((call) => String(call.body.text ?? ''));

describe('a watched subscription in Teams', () => {
  it('"watch" in a channel connects it; each new ticket gets its card created there, exactly once', async () => {
    expect((await post(h.server.url, mention(ann, `watch ${SUB}`))).status).toBe(200);
    await eventually(() =>
      expect(replies()).toContain(
        `New support requests of subscription ${SUB} now become cases here, each with its card, both deadlines and reminders in its thread. To follow an older one, use track <number>.`,
      ),
    );
    const ticket = addTicket('2604010020000001');
    await h.poll();
    const created = await eventually(() => {
      const creates = h.connector.creates();
      expect(creates).toHaveLength(1);
      return creates[0];
    });
    expect(created?.body).toMatchObject({
      isGroup: true,
      channelData: { channel: { id: CHANNEL }, tenant: { id: TENANT } },
    });
    expect(JSON.stringify(created?.body.activity)).toContain('2604010020000001');
    const view = await eventually(async () => {
      const found = await h.caseOf(TENANT, SUB, '2604010020000001');
      expect((found?.record.conversation as { activityId?: string } | null)?.activityId).toBeTruthy();
      return found;
    });
    expect(view?.record).toMatchObject({ platform: 'teams', channelId: CHANNEL, openedByLocale: 'en-US' });
    expect(view?.assessment?.deadline).toBe(Date.parse(ticket.properties.createdDate) + 60 * MINUTE);
    expect(view && 'microsoft' in view && view.microsoft?.deadline).toBe(
      Date.parse(ticket.properties.serviceLevelAgreement.expirationTime),
    );
    await h.poll();
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(h.connector.creates()).toHaveLength(1);
  }, 60_000);

  it('"Track Azure ticket" follows an older ticket, answering in a message box', async () => {
    addTicket('2604010020000002', Date.now() - 2 * 60 * MINUTE);
    const answer = await post(
      h.server.url,
      submitAction(ann, 'trackAzureTicket', { ticketNumber: '2604010020000002' }),
    );
    expect(answer).toEqual({
      status: 200,
      body: {
        task: {
          type: 'message',
          value:
            'Support request 2604010020000002 is now followed as a case here: its card follows in a moment.',
        },
      },
    });
    await eventually(() => expect(h.connector.creates()).toHaveLength(2));
    const again = await post(
      h.server.url,
      submitAction(ann, 'trackAzureTicket', { ticketNumber: '2604010020000002' }),
    );
    expect(again.body).toEqual({
      task: { type: 'message', value: 'Support request 2604010020000002 is already followed as a case.' },
    });
    // Hostile input: a wrong type is the usage, not a crash; other commands still reach their forms.
    for (const ticketNumber of [{ $gt: '' }, ['1'], 'x'.repeat(100_000), '__proto__/..', null]) {
      const wrong = await post(h.server.url, submitAction(ann, 'trackAzureTicket', { ticketNumber }));
      expect(wrong.status).toBe(200);
      expect(JSON.stringify(wrong.body)).toContain('for example: track 2603020010000001');
    }
    const form = await post(h.server.url, submitAction(ann, 'checkSla', {}));
    expect(JSON.stringify(form.body)).toContain('"type":"continue"');
  }, 60_000);

  it("answers in the person's language", async () => {
    const nl = { ...ann, locale: 'nl-NL' };
    await post(h.server.url, mention(nl, 'track 1'));
    await eventually(() =>
      expect(replies()).toContain(
        `Ondersteuningsaanvraag 1 is niet gevonden in de gekoppelde abonnementen (${SUB}).`,
      ),
    );
  }, 30_000);
});
