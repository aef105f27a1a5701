// With Bot Framework credentials configured, /api/messages takes only requests with a valid token.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fetchTask, post } from '../../support/teams-activities.js';
import { startTeamsHarness, type TeamsHarness } from '../../support/teams-server.js';

let h: TeamsHarness;

beforeAll(async () => {
  // botbuilder prints every rejected request with console.error: expected here.
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  h = await startTeamsHarness(Date.parse('2026-03-24T09:00:00Z'), {
    MicrosoftAppId: '11111111-2222-3333-4444-555555555555',
    MicrosoftAppPassword: 'not-a-real-secret',
    MicrosoftAppType: 'MultiTenant',
  });
});
afterAll(async () => {
  await h?.close();
  vi.restoreAllMocks();
});

describe('Bot Framework authentication', () => {
  it('rejects a request without a token with 401 and posts nothing', async () => {
    const response = await post(h.server.url, fetchTask({ serviceUrl: h.connector.url }, 'trackCase'));
    expect(response.status).toBe(401);
    expect(h.connector.calls).toHaveLength(0);
  });

  it('rejects a request whose token is not a Bot Framework token with 401', async () => {
    const response = await post(h.server.url, fetchTask({ serviceUrl: h.connector.url }, 'trackCase'), {
      authorization: 'Bearer not.a.token',
    });
    expect(response.status).toBe(401);
    expect(h.connector.calls).toHaveLength(0);
  });

  it('answers only POST', async () => {
    const response = await fetch(`${h.server.url}/api/messages`);
    expect(response.status).toBe(405);
  });
});
