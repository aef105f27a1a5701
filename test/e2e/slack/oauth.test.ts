import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLATFORMS } from '../../../adapters/index.js';
import { type RunningServer, startServer } from '../../../src/server.js';
import {
  eventEnvelope,
  FORM,
  JSON_TYPE,
  SIGNING_SECRET,
  sendSigned,
  slashCommandBody,
} from '../../support/slack-requests.js';
import { type SlackStandIn, startSlackStandIn } from '../../support/slack-stand-in.js';

let slack: SlackStandIn;
let server: RunningServer;
let dir: string;
beforeAll(async () => {
  slack = await startSlackStandIn();
  dir = mkdtempSync(join(tmpdir(), 'sla-slack-oauth-'));
  server = await startServer({
    env: {
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: `sqlite:${join(dir, 'sla.db')}`,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_CLIENT_ID: '111.222',
      SLACK_CLIENT_SECRET: 'client-secret',
      SLACK_STATE_SECRET: 'state-secret-for-tests',
      SLACK_API_URL: slack.apiUrl,
    },
    logger: pino({ level: 'silent' }),
    platforms: PLATFORMS,
    dispatch: 'manual',
  });
});
afterAll(async () => {
  await server.stop();
  await slack.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('many workspaces through OAuth', () => {
  it('install redirects to Slack, the redirect stores the installation, and requests from that workspace use its token', async () => {
    const install = await fetch(`${server.url}/slack/install`, { redirect: 'manual' });
    expect(install.status).toBe(302);
    const location = new URL(install.headers.get('location') ?? '');
    expect(location.hostname).toBe('slack.com');
    expect(location.searchParams.get('client_id')).toBe('111.222');
    expect(location.searchParams.get('scope')?.split(',').sort()).toEqual([
      'channels:history',
      'chat:write',
      'commands',
      'groups:history',
      'users:read',
    ]);
    const state = location.searchParams.get('state') ?? '';
    const cookie = (install.headers.get('set-cookie') ?? '').split(';')[0] ?? '';

    const redirect = await fetch(
      `${server.url}/slack/oauth_redirect?code=abc&state=${encodeURIComponent(state)}`,
      {
        headers: { cookie },
        redirect: 'manual',
      },
    );
    expect(redirect.status).toBeLessThan(400);
    expect(slack.callsTo('oauth.v2.access')).toHaveLength(1);
    const stored = (await server.store.getInstallation('slack', 'team:T-OAUTH')) as {
      bot?: { token?: string };
    } | null;
    expect(stored?.bot?.token).toBe('xoxb-installed-abc');

    const events = `${server.url}/slack/events`;
    const response = await sendSigned(
      events,
      slashCommandBody({ text: '', team: 'T-OAUTH', responseUrl: slack.responseUrl }),
      FORM,
    );
    expect(response.status).toBe(200);
    const [open] = await slack.waitFor('views.open');
    expect(open?.token).toBe('xoxb-installed-abc');
  });

  it("uninstalling the app removes the workspace's installation", async () => {
    expect(await server.store.getInstallation('slack', 'team:T-OAUTH')).not.toBeNull();
    const envelope = eventEnvelope({ type: 'app_uninstalled', event_ts: '1.1' }, 'T-OAUTH');
    const response = await sendSigned(`${server.url}/slack/events`, JSON.stringify(envelope), JSON_TYPE);
    expect(response.status).toBe(200);
    const until = Date.now() + 3000;
    while ((await server.store.getInstallation('slack', 'team:T-OAUTH')) && Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(await server.store.getInstallation('slack', 'team:T-OAUTH')).toBeNull();
  });

  it('a redirect without a valid state installs nothing', async () => {
    const before = slack.callsTo('oauth.v2.access').length;
    const redirect = await fetch(`${server.url}/slack/oauth_redirect?code=zzz&state=forged`, {
      redirect: 'manual',
    });
    expect(redirect.status).toBeGreaterThanOrEqual(400);
    expect(slack.callsTo('oauth.v2.access')).toHaveLength(before);
  });
});
