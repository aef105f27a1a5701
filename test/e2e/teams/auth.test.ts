// With Bot Framework credentials, /api/messages takes only a valid Bot Framework token for this app,
// checked against a local stand-in of the Bot Framework's keys over real HTTP. Refusals are 401
// whatever the network does, a key service that cannot be reached is a clean 503, no response carries
// internals, and each refusal is one JSON log line, rate-limited.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PLATFORMS } from '../../../adapters/index.js';
import { allowedServiceUrl } from '../../../adapters/teams/service-url.js';
import { isLoopbackAddress } from '../../../src/http.js';
import { type RunningServer, startServer } from '../../../src/server.js';
import {
  type BotFrameworkKeys,
  FORGER_KEY,
  startBotFrameworkKeys,
  unsignedToken,
} from '../../support/bot-framework-auth.js';
import { fetchTask, post } from '../../support/teams-activities.js';
import { type ConnectorStandIn, startConnector } from '../../support/teams-connector.js';

const APP_ID = '11111111-2222-3333-4444-555555555555';
const folder = mkdtempSync(join(tmpdir(), 'sla-teams-auth-'));
const consoleError = vi.spyOn(console, 'error');
const consoleWarn = vi.spyOn(console, 'warn');

interface Running {
  readonly server: RunningServer;
  readonly logs: Array<Record<string, unknown>>;
}

async function serve(name: string, metadataUrl: string, teamsEnv?: Record<string, string>): Promise<Running> {
  const logs: Array<Record<string, unknown>> = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => logs.push(JSON.parse(line)) });
  const server = await startServer({
    env: {
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: `sqlite:${join(folder, `${name}.db`)}`,
      ...(teamsEnv ?? {
        MicrosoftAppId: APP_ID,
        MicrosoftAppPassword: 'not-a-real-secret',
        MicrosoftAppType: 'MultiTenant',
        BotOpenIdMetadata: metadataUrl,
      }),
    },
    platforms: PLATFORMS,
    logger,
    dispatch: 'manual',
  });
  return { server, logs };
}

let connector: ConnectorStandIn;
let keys: BotFrameworkKeys;
let teams: Running;
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const activity = () => fetchTask({ serviceUrl: connector.url }, 'trackCase');
const refusals = (logs: Array<Record<string, unknown>>) => logs.filter((line) => line.refusal);

beforeAll(async () => {
  connector = await startConnector();
  keys = await startBotFrameworkKeys(APP_ID, connector.url);
  teams = await serve('main', keys.metadataUrl);
});
afterAll(async () => {
  await teams?.server.stop();
  await keys?.close();
  await connector?.close();
  rmSync(folder, { recursive: true, force: true });
  vi.restoreAllMocks();
});

describe('a token refused without asking the network', () => {
  it.each([
    ['no token', {}],
    ['not a token', { authorization: 'Bearer not.a.token' }],
    ['another scheme', { authorization: `Basic ${Buffer.from('a:b').toString('base64')}` }],
    ['unsigned (alg: none)', bearer(unsignedToken({ iss: 'https://api.botframework.com', aud: APP_ID }))],
    ['signed with a shared secret (HS256)', { authorization: '' }],
    ['without a key id', { authorization: '' }],
    ['from another issuer', { authorization: '' }],
    ['expired', { authorization: '' }],
  ])('%s: 401, nothing posted, no key fetched', async (name, given) => {
    const headers: Record<string, string> = { ...given };
    if (name.startsWith('signed with')) headers.authorization = `Bearer ${keys.token({}, { alg: 'HS256' })}`;
    if (name === 'without a key id') headers.authorization = `Bearer ${keys.token({}, { kid: undefined })}`;
    if (name === 'from another issuer')
      headers.authorization = `Bearer ${keys.token({ iss: 'https://sts.windows.net/evil/' })}`;
    if (name === 'expired')
      headers.authorization = `Bearer ${keys.token({ exp: Math.floor(Date.now() / 1000) - 3600 })}`;
    if (!headers.authorization) delete headers.authorization;
    const response = await post(teams.server.url, activity(), headers);
    expect(response.status).toBe(401);
    expect(response.body).toEqual({ error: 'unauthorized' });
    expect(connector.calls).toHaveLength(0);
    expect(keys.requests).toEqual([]);
  });
});

describe('a token checked against the Bot Framework keys', () => {
  it('accepts a valid token for this app and answers the invoke', async () => {
    const response = await post(teams.server.url, activity(), bearer(keys.token()));
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ task: { type: 'continue' } });
    expect(keys.requests).toHaveLength(2); // metadata, then keys; cached afterwards
  });

  it.each([
    ['forged (signed by another key)', () => keys.token({}, {}, FORGER_KEY)],
    ['for another app', () => keys.token({ aud: '99999999-0000-0000-0000-000000000000' })],
    [
      'naming another service URL than the activity',
      () => keys.token({ serviceurl: 'https://smba.trafficmanager.net/emea/' }),
    ],
    ['with a key id the Bot Framework does not have', () => keys.token({}, { kid: 'unknown-key' })],
  ])('%s: 401 and nothing posted', async (_name, token) => {
    const response = await post(teams.server.url, activity(), bearer(token()));
    expect(response.status).toBe(401);
    expect(response.body).toEqual({ error: 'unauthorized' });
    expect(connector.calls).toHaveLength(0);
  });

  it('refuses a valid token whose service URL is not the Bot Framework (403), replying nowhere', async () => {
    const elsewhere = 'https://collector.example.org/';
    const response = await post(
      teams.server.url,
      fetchTask({ serviceUrl: elsewhere }, 'trackCase'),
      bearer(keys.token({ serviceurl: elsewhere })),
    );
    expect(response.status).toBe(403);
    expect(response.body).toEqual({ error: 'service_url_not_allowed' });
  });

  it('refuses an activity it cannot read with 400 once the token is good, and a huge body with 413', async () => {
    for (const body of [
      {},
      { type: 'message' },
      { type: 'message', serviceUrl: connector.url, channelId: 'msteams' },
    ]) {
      const response = await post(teams.server.url, body, bearer(keys.token()));
      expect(response.status).toBe(400);
      expect(response.body).toEqual({ error: 'malformed_activity' });
    }
    const notJson = await fetch(`${teams.server.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer(keys.token()) },
      body: '{"type": "message",',
    });
    expect(notJson.status).toBe(400);
    const huge = await fetch(`${teams.server.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer(keys.token()) },
      body: JSON.stringify({ ...activity(), text: 'x'.repeat(2_000_000) }),
    });
    expect(huge.status).toBe(413);
  });

  it('answers only POST', async () => {
    const response = await fetch(`${teams.server.url}/api/messages`);
    expect(response.status).toBe(405);
  });

  it('prints nothing to the console and logs each refusal as one JSON line, without the token', () => {
    expect(consoleError).not.toHaveBeenCalled();
    expect(consoleWarn).not.toHaveBeenCalled();
    const lines = refusals(teams.logs);
    expect(lines.length).toBeGreaterThanOrEqual(10);
    for (const line of lines) {
      expect(line).toMatchObject({ platform: 'teams', level: 40 });
      expect(JSON.stringify(line)).not.toContain('eyJ'); // no token in the log
    }
  });

  it('rate-limits refusal lines: a flood of bad tokens writes a few lines, then one count', async () => {
    const before = refusals(teams.logs).filter((line) => line.refusal === 'bad_signature').length;
    for (let i = 0; i < 30; i += 1)
      expect((await post(teams.server.url, activity(), bearer(keys.token({}, {}, FORGER_KEY)))).status).toBe(
        401,
      );
    const after = refusals(teams.logs).filter((line) => line.refusal === 'bad_signature').length;
    expect(after).toBeLessThanOrEqual(10);
    expect(after).toBeGreaterThan(before);
  });
});

describe('when the Bot Framework keys cannot be had', () => {
  it.each([
    ['the key service answers 500', 'fail'],
    ['the key service is unreachable', 'closed'],
    ['the key service never answers', 'hang'],
  ] as const)(
    '%s: 503 with Retry-After for a well-formed token, still 401 for a bad one',
    async (_name, mode) => {
      const down = await startBotFrameworkKeys(APP_ID, connector.url);
      const metadataUrl = down.metadataUrl;
      if (mode === 'closed') await down.close();
      else down.mode = mode;
      const running = await serve(`down-${mode}`, metadataUrl);
      try {
        const started = Date.now();
        const response = await fetch(`${running.server.url}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...bearer(down.token()) },
          body: JSON.stringify(activity()),
        });
        expect(response.status).toBe(503);
        expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
        expect(await response.json()).toEqual({ error: 'authentication_unavailable' });
        expect(Date.now() - started).toBeLessThan(10_000);
        const unsigned = await post(running.server.url, activity(), bearer(unsignedToken({ aud: APP_ID })));
        expect(unsigned.status).toBe(401);
        expect(consoleError).not.toHaveBeenCalled();
      } finally {
        await running.server.stop();
        if (mode !== 'closed') await down.close();
      }
    },
  );
});

describe('where replies may go', () => {
  it("accepts only HTTPS to Microsoft's Bot Framework hosts with credentials", () => {
    for (const url of [
      'https://smba.trafficmanager.net/emea/',
      'https://smba.trafficmanager.net/teams/',
      'https://smba.infra.gcc.teams.microsoft.com/teams',
      'https://smba.infra.gov.teams.microsoft.us/teams',
      'https://smba.infra.dod.teams.microsoft.us/teams',
      'https://webchat.botframework.com/',
    ])
      expect(allowedServiceUrl(url, 'bot-framework')).toBe(true);
    for (const url of [
      'http://smba.trafficmanager.net/emea/',
      'https://smba.trafficmanager.net.evil.example/',
      'https://evilbotframework.com/',
      'https://user:pass@smba.trafficmanager.net/emea/',
      'http://127.0.0.1:3978/',
      'not a url',
      42,
    ])
      expect(allowedServiceUrl(url, 'bot-framework')).toBe(false);
  });

  it('in the Emulator mode answers this machine without a token, and replies to nowhere else', async () => {
    const emulator = await serve('emulator', '', { TEAMS_EMULATOR: '1' });
    try {
      const local = await post(emulator.server.url, activity());
      expect(local.status).toBe(200);
      const away = await post(
        emulator.server.url,
        fetchTask({ serviceUrl: 'https://smba.trafficmanager.net/emea/' }, 'trackCase'),
      );
      expect(away.status).toBe(403);
      expect(away.body).toEqual({ error: 'service_url_not_allowed' });
    } finally {
      await emulator.server.stop();
    }
  });

  it('posts no reminder to a thread whose stored service URL is not allowed (a permanent failure)', async () => {
    const notifier = teams.server.platforms.find((platform) => platform.name === 'teams')?.notifier;
    const record = {
      id: 'case-1',
      conversation: {
        reference: {
          serviceUrl: 'https://collector.example.org/',
          channelId: 'msteams',
          conversation: { id: 'c' },
        },
        activityId: '1',
        openedByName: 'Ann',
      },
      openedByLocale: 'en',
    };
    const posting = notifier?.post({
      record: record as never,
      reminder: {} as never,
      notice: { kind: 'breach', deadline: 0 },
      timeZone: 'UTC',
    });
    await expect(posting).rejects.toMatchObject({ kind: 'permanent', reason: 'service_url_not_allowed' });
    expect(connector.calls).toHaveLength(0);
  });

  it('accepts only this machine in the Emulator mode, for callers and service URLs', () => {
    for (const address of ['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1'])
      expect(isLoopbackAddress(address)).toBe(true);
    for (const address of ['10.0.0.1', '192.168.1.2', '::ffff:10.0.0.1', 'fe80::1', '', undefined])
      expect(isLoopbackAddress(address)).toBe(false);
    expect(allowedServiceUrl('http://localhost:58000/', 'loopback')).toBe(true);
    expect(allowedServiceUrl('http://[::1]:58000/', 'loopback')).toBe(true);
    expect(allowedServiceUrl('https://smba.trafficmanager.net/emea/', 'loopback')).toBe(false);
  });
});
