// Socket Mode: no public URL; Slack's events arrive over a WebSocket from apps.connections.open.
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLATFORMS } from '../../../adapters/index.js';
import { type RunningServer, startServer } from '../../../src/server.js';
import { SIGNING_SECRET } from '../../support/slack-requests.js';
import { type SlackStandIn, startSlackStandIn } from '../../support/slack-stand-in.js';

// `ws` comes with @slack/socket-mode; only the little used here is typed.
interface Socket {
  send(data: string): void;
  on(event: 'message', listener: (data: Buffer) => void): void;
}
interface SocketServer {
  on(event: 'connection', listener: (socket: Socket) => void): void;
  address(): AddressInfo;
  close(callback: () => void): void;
  clients: Set<{ terminate(): void }>;
}
type SocketServerClass = new (options: { port: number; host: string }, ready: () => void) => SocketServer;
const ws = createRequire(import.meta.url)('ws') as {
  Server?: SocketServerClass;
  WebSocketServer?: SocketServerClass;
};
const WebSocketServer = (ws.WebSocketServer ?? ws.Server) as SocketServerClass;

let slack: SlackStandIn;
let sockets: SocketServer;
let server: RunningServer;
let dir: string;
const acks: Array<{ envelope_id: string; payload?: unknown }> = [];
let connected: (socket: Socket) => void;
const connection = new Promise<Socket>((resolve) => {
  connected = resolve;
});

beforeAll(async () => {
  slack = await startSlackStandIn();
  sockets = await new Promise<SocketServer>((resolve) => {
    const created: SocketServer = new WebSocketServer({ port: 0, host: '127.0.0.1' }, () => resolve(created));
  });
  sockets.on('connection', (socket) => {
    socket.on('message', (data) => acks.push(JSON.parse(data.toString())));
    socket.send(
      JSON.stringify({
        type: 'hello',
        num_connections: 1,
        debug_info: { host: 'test' },
        connection_info: { app_id: 'A1' },
      }),
    );
    connected(socket);
  });
  slack.answer('apps.connections.open', { ok: true, url: `ws://127.0.0.1:${sockets.address().port}/link` });
  dir = mkdtempSync(join(tmpdir(), 'sla-slack-socket-'));
  server = await startServer({
    env: {
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: `sqlite:${join(dir, 'sla.db')}`,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_BOT_TOKEN: 'xoxb-socket',
      SLACK_APP_TOKEN: 'xapp-1-test',
      SLACK_API_URL: slack.apiUrl,
    },
    logger: pino({ level: 'silent' }),
    platforms: PLATFORMS,
    dispatch: 'manual',
  });
});
afterAll(async () => {
  await server.stop();
  for (const client of sockets.clients) client.terminate();
  await new Promise<void>((resolve) => sockets.close(() => resolve()));
  await slack.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('Socket Mode', () => {
  it('connects with the app token and acks a slash command envelope, then opens the modal', async () => {
    const socket = await connection;
    expect(slack.callsTo('apps.connections.open')[0]?.token).toBe('xapp-1-test');
    socket.send(
      JSON.stringify({
        envelope_id: 'env-1',
        type: 'slash_commands',
        accepts_response_payload: true,
        payload: {
          team_id: 'T1',
          channel_id: 'C1',
          user_id: 'U1',
          command: '/sla',
          text: '',
          response_url: slack.responseUrl,
          trigger_id: 'trigger-socket',
          api_app_id: 'A1',
        },
      }),
    );
    const [open] = await slack.waitFor('views.open');
    expect(open?.body.trigger_id).toBe('trigger-socket');
    expect(open?.token).toBe('xoxb-socket');
    expect(acks.map((ack) => ack.envelope_id)).toContain('env-1');
  });

  it('serves no HTTP endpoint for events in Socket Mode', async () => {
    const response = await fetch(`${server.url}/slack/events`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(404);
  });
});

describe('Socket Mode when Slack cannot be reached', () => {
  async function startWith(apiUrl: string, name: string): Promise<RunningServer> {
    return startServer({
      env: {
        PORT: '0',
        HOST: '127.0.0.1',
        DATABASE_URL: `sqlite:${join(dir, `${name}.db`)}`,
        SLACK_BOT_TOKEN: 'xoxb-socket',
        SLACK_APP_TOKEN: 'xapp-1-test',
        SLACK_API_URL: apiUrl,
        TEAMS_EMULATOR: '1',
      },
      platforms: PLATFORMS,
      logger: pino({ level: 'silent' }),
      dispatch: 'manual',
    });
  }
  const readiness = async (running: RunningServer) =>
    (await (await fetch(`${running.url}/readyz`)).json()) as {
      status: string;
      platforms: Record<string, { ready: boolean; state: string; reason?: string }>;
    };

  it('starts anyway, keeps Teams and the rest running, and says on /readyz that Slack is not connected', async () => {
    const closed = await startSlackStandIn();
    const apiUrl = closed.apiUrl;
    await closed.close(); // nothing listens there any more
    const running = await startWith(apiUrl, 'unreachable');
    try {
      await new Promise((resolve) => setTimeout(resolve, 1_500)); // several failed attempts
      const ready = await readiness(running);
      expect(ready.status).toBe('degraded');
      expect(ready.platforms.slack).toMatchObject({ ready: false, state: 'unreachable' });
      expect(ready.platforms.teams).toMatchObject({ ready: true });
      expect((await fetch(`${running.url}/healthz`)).status).toBe(200);
      const teams = await fetch(`${running.url}/api/messages`, { method: 'POST', body: '{}' });
      expect(teams.status).toBe(400); // Teams answers (and refuses an empty activity)
    } finally {
      await running.stop();
    }
  });

  it('reconnects with backoff once Slack answers again', async () => {
    const flaky = await startSlackStandIn();
    flaky.fail('apps.connections.open', { status: 503 });
    const running = await startWith(flaky.apiUrl, 'flaky');
    try {
      await flaky.waitFor('apps.connections.open', 2);
      expect((await readiness(running)).platforms.slack?.ready).toBe(false);
      flaky.clear();
      flaky.answer('apps.connections.open', {
        ok: true,
        url: `ws://127.0.0.1:${sockets.address().port}/link`,
      });
      const deadline = Date.now() + 15_000;
      while (!(await readiness(running)).platforms.slack?.ready && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 100));
      expect((await readiness(running)).platforms.slack).toMatchObject({ ready: true, state: 'connected' });
      expect((await readiness(running)).status).toBe('ready');
    } finally {
      await running.stop();
      await flaky.close();
    }
  });
});
