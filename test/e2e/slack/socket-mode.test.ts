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
