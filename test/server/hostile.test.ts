// The server survives any request: malformed signed Slack payloads and Teams activities get a clean
// 4xx (no stack, no crash), timestamps are checked both ways, and slow or idle sockets are dropped.
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLATFORMS } from '../../adapters/index.js';
import { sendJson } from '../../src/http.js';
import type { PlatformModule } from '../../src/platform.js';
import { HTTP_LIMITS, type RunningServer, startServer } from '../../src/server.js';
import {
  FORM,
  JSON_TYPE,
  payloadBody,
  SIGNING_SECRET,
  sendSigned,
  slashCommandBody,
} from '../support/slack-requests.js';
import { type SlackStandIn, startSlackStandIn } from '../support/slack-stand-in.js';
import { post } from '../support/teams-activities.js';

const dir = mkdtempSync(join(tmpdir(), 'sla-hostile-'));
let slack: SlackStandIn;
let server: RunningServer;
let events: string;
const LIMITS = { headersTimeoutMs: 800, requestTimeoutMs: 1500, keepAliveTimeoutMs: 400 };

/** A platform whose answer takes longer than every socket limit: slow work is not a slow client. */
const slowPlatform: PlatformModule = {
  name: 'slow',
  configure: () => ({
    state: 'on',
    create: () => ({
      name: 'slow',
      routes: {
        handles: (pathname) => pathname === '/slow',
        handle: async (_request, response) => {
          await new Promise((resolve) => setTimeout(resolve, 2_500));
          sendJson(response, 200, { done: true });
        },
      },
    }),
  }),
};

beforeAll(async () => {
  slack = await startSlackStandIn();
  server = await startServer({
    env: {
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: `sqlite:${join(dir, 'sla.db')}`,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_BOT_TOKEN: 'xoxb-hostile',
      SLACK_API_URL: slack.apiUrl,
      TEAMS_EMULATOR: '1',
    },
    platforms: [...PLATFORMS, slowPlatform],
    logger: pino({ level: 'silent' }),
    dispatch: 'manual',
    httpLimits: LIMITS,
  });
  events = `${server.url}/slack/events`;
});
afterAll(async () => {
  await server.stop();
  await slack.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Still alive and still working: health, and a real command answered. */
async function stillServing(): Promise<void> {
  expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  const help = await sendSigned(
    events,
    slashCommandBody({ text: 'help', responseUrl: slack.responseUrl }),
    FORM,
  );
  expect(help.status).toBe(200);
}

const form = (payload: string) => `payload=${encodeURIComponent(payload)}`;

describe('malformed signed Slack requests', () => {
  it.each([
    ['payload=null', form('null')],
    ['payload=1', form('1')],
    ['payload="text"', form('"text"')],
    ['payload=[]', form('[]')],
    ['payload={}', form('{}')],
    ['payload that is not JSON', form('{"type": "block_actions",')],
    ['payload twice', `${form('{"type":"shortcut"}')}&${form('{"type":"shortcut"}')}`],
    ['block_actions without actions', payloadBody({ type: 'block_actions', user: { id: 'U1' } })],
    [
      'block_actions with a null action',
      payloadBody({ type: 'block_actions', user: { id: 'U1' }, actions: [null] }),
    ],
    [
      'view_submission without a view',
      payloadBody({ type: 'view_submission', user: { id: 'U1' }, view: null }),
    ],
    ['a payload of an unknown type', payloadBody({ type: 'constructor', user: { id: 'U1' } })],
    ['a payload whose type is __proto__', payloadBody({ type: '__proto__', user: { id: 'U1' } })],
    ['a command without its fields', 'command=%2Fsla'],
    ['a form with nothing Slack sends', 'toString=1&__proto__=2'],
  ])('%s: 400, no crash', async (_name, body) => {
    const response = await sendSigned(events, body, FORM);
    expect(response.status).toBe(400);
    expect(response.json()).toEqual({ error: 'malformed_payload' });
  });

  it.each([
    ['null', 'null'],
    ['an array', '[{"type":"event_callback"}]'],
    ['invalid JSON', '{"type":'],
    ['an event without its event', '{"type":"event_callback","event":null}'],
    ['an unknown envelope', '{"type":"toString"}'],
  ])('JSON body that is %s: 400', async (_name, body) => {
    const response = await sendSigned(events, body, JSON_TYPE);
    expect(response.status).toBe(400);
  });

  it('an unknown content type: 400; a body over 256 KiB: 413 before it is read to the end', async () => {
    expect((await sendSigned(events, 'x=1', 'text/plain')).status).toBe(400);
    const huge = await sendSigned(events, form(`{"type":"shortcut","pad":"${'x'.repeat(2_000_000)}"}`), FORM);
    expect(huge.status).toBe(413);
    const over = await sendSigned(events, form(`{"type":"shortcut","pad":"${'x'.repeat(262_144)}"}`), FORM);
    expect(over.status).toBe(413);
    await stillServing();
  });

  it('refuses a signed timestamp 10 minutes in the future like one 10 minutes in the past, and takes one a few seconds off', async () => {
    const now = Math.floor(Date.now() / 1000);
    const body = slashCommandBody({ text: 'help', responseUrl: slack.responseUrl });
    expect((await sendSigned(events, body, FORM, { timestamp: now + 600 })).status).toBe(401);
    expect((await sendSigned(events, body, FORM, { timestamp: now + 301 })).status).toBe(401);
    expect((await sendSigned(events, body, FORM, { timestamp: now - 600 })).status).toBe(401);
    expect((await sendSigned(events, body, FORM, { timestamp: now + 30 })).status).toBe(200);
    expect((await sendSigned(events, body, FORM, { timestamp: now - 30 })).status).toBe(200);
  });

  it('refuses unsigned, wrongly signed and oddly signed requests with 401', async () => {
    const body = slashCommandBody({ text: 'help', responseUrl: slack.responseUrl });
    expect((await sendSigned(events, body, FORM, { secret: 'another-secret' })).status).toBe(401);
    const unsigned = await fetch(events, { method: 'POST', headers: { 'content-type': FORM }, body });
    expect(unsigned.status).toBe(401);
    const odd = await sendSigned(events, body, FORM, { headers: { 'x-slack-request-timestamp': '1e3' } });
    expect(odd.status).toBe(401);
  });

  it("answers Slack's small unsigned SSL check, but parses no large unsigned body for it", async () => {
    const check = await fetch(events, {
      method: 'POST',
      headers: { 'content-type': FORM },
      body: 'ssl_check=1&token=x',
    });
    expect(check.status).toBe(200);
    const padded = await fetch(events, {
      method: 'POST',
      headers: { 'content-type': FORM },
      body: `ssl_check=1&pad=${'x'.repeat(100_000)}`,
    });
    expect(padded.status).toBe(401);
  });

  it('keeps serving after all of that', stillServing);
});

describe('malformed Teams activities (Emulator mode)', () => {
  it.each([
    ['{}', {}],
    ['no type', { serviceUrl: 'http://127.0.0.1:9/', channelId: 'emulator', conversation: { id: 'c' } }],
    [
      'a type that is not text',
      { type: 7, serviceUrl: 'http://127.0.0.1:9/', channelId: 'x', conversation: { id: 'c' } },
    ],
    ['no conversation', { type: 'message', serviceUrl: 'http://127.0.0.1:9/', channelId: 'emulator' }],
    [
      'conversation null',
      { type: 'message', serviceUrl: 'http://127.0.0.1:9/', channelId: 'x', conversation: null },
    ],
    ['an array', [{ type: 'message' }]],
  ])('%s: 400 with a code, no stack trace', async (_name, body) => {
    const response = await post(server.url, body as Record<string, unknown>);
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      error: expect.stringMatching(/^(malformed_activity|body_not_json_object)$/),
    });
  });

  it('invalid JSON: 400; a body over 256 KB: 413', async () => {
    const bad = await fetch(`${server.url}/api/messages`, { method: 'POST', body: '{"type":' });
    expect(bad.status).toBe(400);
    const huge = await fetch(`${server.url}/api/messages`, { method: 'POST', body: 'x'.repeat(300_000) });
    expect(huge.status).toBe(413);
    await stillServing();
  });
});

/** A raw TCP client: resolves with how long the server let it stay. */
function heldFor(write: (socket: Socket) => void): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = connect(server.port, '127.0.0.1', () => write(socket));
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(Date.now() - started));
    setTimeout(() => {
      socket.destroy();
      reject(new Error('the server kept a slow client for 10 s'));
    }, 10_000).unref();
  });
}

describe('slow and idle sockets', () => {
  it('drops a connection that sends nothing', async () => {
    expect(await heldFor(() => undefined)).toBeLessThan(5_000);
  });

  it('drops a client that sends its headers a byte at a time and never finishes (slow loris)', async () => {
    const header = 'POST /slack/events HTTP/1.1\r\nHost: x\r\nX-Slow: ';
    let sent = 0;
    const held = await heldFor((socket) => {
      const drip = setInterval(() => {
        if (socket.destroyed) return clearInterval(drip);
        socket.write(header[sent % header.length] ?? 'a');
        sent += 1;
      }, 100);
      socket.on('close', () => clearInterval(drip));
    });
    expect(held).toBeLessThan(5_000);
    expect(sent).toBeGreaterThan(3); // it was still sending when dropped
  });

  it('drops a client that trickles its body', async () => {
    const held = await heldFor((socket) => {
      socket.write(
        `POST /api/messages HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{`,
      );
      const drip = setInterval(() => (socket.destroyed ? clearInterval(drip) : socket.write(' ')), 100);
      socket.on('close', () => clearInterval(drip));
    });
    expect(held).toBeLessThan(5_000);
  });

  it('closes an idle keep-alive connection after its answer', async () => {
    let answer = '';
    const held = await heldFor((socket) => {
      socket.on('data', (chunk) => (answer += chunk));
      socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: keep-alive\r\n\r\n');
    });
    expect(answer).toContain('200 OK');
    expect(held).toBeLessThan(5_000);
  });

  it('lets a request whose answer takes longer than those limits finish', async () => {
    const response = await fetch(`${server.url}/slow`);
    expect(await response.json()).toEqual({ done: true });
  });

  it('bounds every socket by default: headers within 10 s, the whole request within 15 s, idle keep-alive 5 s', () => {
    expect(HTTP_LIMITS).toEqual({
      headersTimeoutMs: 10_000,
      requestTimeoutMs: 15_000,
      keepAliveTimeoutMs: 5_000,
    });
  });
});
