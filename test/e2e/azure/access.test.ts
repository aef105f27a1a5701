// Credentials or permissions missing, or Azure off: the server still starts and serves, /readyz and
// the chat commands say what to set or grant, and nothing else is affected.
import { afterEach, describe, expect, it } from 'vitest';
import { TestCredential } from '../../support/arm-credential.js';
import { iso, ticketResource } from '../../support/arm-tickets.js';
import { type AzureHarness, startAzureHarness } from './harness.js';

const SUB = '6c2d2a5e-2c5b-4c1e-9f0e-3a1d4b5c6d7e';
const OTHER = '0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0';
let h: AzureHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('Azure access missing', () => {
  it('without a credential: the server serves, /readyz says what to set, /sla watch too', async () => {
    const log: string[] = [];
    h = await startAzureHarness({ credential: new TestCredential(null), log });
    h.arm.subscription(SUB);
    const ready = await waitForReadiness(h, (azure) => azure.state === 'credentials');
    expect(ready.status).toBe(200);
    expect(ready.body.status).toBe('degraded');
    expect((ready.body.platforms as Record<string, unknown>).azure).toEqual({
      ready: false,
      state: 'credentials',
      reason: 'credentials',
      detail:
        'No Azure credential was found: give the server a managed identity, or set AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET for a service principal, or sign in with az login.',
    });
    const answer = await h.command(`watch ${SUB}`, 'C1');
    expect(answer).toContain(
      `Subscription ${SUB} is connected here, but its support requests cannot be read yet.`,
    );
    expect(answer).toContain('set AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET');
    // Everything else works: a check, and the credential arriving later heals the watch.
    expect(await h.command('check premier A de DE', 'C1')).toContain('Premier · Severity A');
    h.credential.token = 'good-token';
    h.arm.grant('good-token', [SUB]);
    await h.poll();
    const healed = await h.readyz();
    expect((healed.body.platforms as Record<string, unknown>).azure).toEqual({
      ready: true,
      state: 'watching',
    });
  }, 60_000);

  it('with a role that cannot read the subscription (403): /sla watch and /readyz name the role to grant', async () => {
    h = await startAzureHarness({ credential: new TestCredential('other-token') });
    h.arm.subscription(SUB);
    h.arm.subscription(OTHER);
    h.arm.grant('other-token', [OTHER]);
    h.arm.addTicket(SUB, ticketResource(SUB, { name: '2604010030000001', createdDate: iso(Date.now()) }));
    const answer = await h.command(`watch ${SUB}`, 'C1');
    expect(answer).toContain('assign it the Reader role on the subscription');
    await h.poll();
    const ready = await h.readyz();
    expect(ready.status).toBe(200);
    expect((ready.body.platforms as Record<string, unknown>).azure).toMatchObject({
      ready: false,
      state: 'forbidden',
      reason: 'forbidden',
      detail: expect.stringContaining(
        `The identity may not read the support requests of subscription ${SUB}`,
      ),
    });
    expect(await h.caseOf('T1', SUB, '2604010030000001')).toBeNull();
    expect(await h.command('track 2604010030000001', 'C1')).toContain('assign it the Reader role');
  }, 60_000);

  it('off (no AZURE_TICKETS, no AZURE_WATCH): /sla watch and /sla track say what to set; /readyz has no azure', async () => {
    h = await startAzureHarness({ env: { AZURE_TICKETS: null } });
    expect(h.azure).toBeUndefined();
    const off =
      'Azure support requests are not followed on this server. To connect a subscription, set AZURE_TICKETS=on and give the server an Azure credential (a managed identity, or AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET for a service principal), then restart it.';
    expect(await h.command(`watch ${SUB}`, 'C1')).toBe(off);
    expect(await h.command('track 2604010030000001', 'C1')).toBe(off);
    const ready = await h.readyz();
    expect(ready.body.status).toBe('ready');
    expect(Object.keys(ready.body.platforms as object)).toEqual(['slack', 'teams']);
  }, 60_000);

  it('AZURE_CHAT_TENANTS keeps other workspaces from connecting subscriptions', async () => {
    h = await startAzureHarness({ env: { AZURE_CHAT_TENANTS: 'T-ALLOWED' } });
    expect(await h.command(`watch ${SUB}`, 'C1')).toBe(
      "This workspace or tenant (T1) may not connect Azure subscriptions: the server's AZURE_CHAT_TENANTS does not list it.",
    );
    expect(await h.server.store.watches()).toEqual([]);
  }, 60_000);
});

async function waitForReadiness(
  harness: AzureHarness,
  until: (azure: Record<string, unknown>) => boolean,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const ready = await harness.readyz();
    const azure = (ready.body.platforms as Record<string, Record<string, unknown>> | undefined)?.azure;
    if ((azure && until(azure)) || Date.now() > deadline) return ready;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
