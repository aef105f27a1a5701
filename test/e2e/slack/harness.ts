// The real server on a free port, with Slack pointed at a local Web API stand-in and a movable clock.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { PLATFORMS } from '../../../adapters/index.js';
import { type RunningServer, startServer } from '../../../src/server.js';
import { blockKitProblems, type Surface } from '../../support/slack-limits.js';
import {
  FORM,
  JSON_TYPE,
  payloadBody,
  type SendOptions,
  SIGNING_SECRET,
  sendSigned,
  slashCommandBody,
} from '../../support/slack-requests.js';
import { type RecordedCall, type SlackStandIn, startSlackStandIn } from '../../support/slack-stand-in.js';

export interface Harness {
  readonly server: RunningServer;
  readonly slack: SlackStandIn;
  readonly clock: { now(): number; set(at: number): void; advance(ms: number): void };
  readonly events: string;
  command(
    text: string,
    options?: { user?: string; channel?: string } & SendOptions,
  ): ReturnType<typeof sendSigned>;
  interact(payload: unknown, options?: SendOptions): ReturnType<typeof sendSigned>;
  event(body: unknown, options?: SendOptions): ReturnType<typeof sendSigned>;
  close(): Promise<void>;
}

export const START = Date.parse('2026-03-25T09:00:00+01:00'); // a Wednesday morning in Amsterdam

export async function startHarness(): Promise<Harness> {
  const slack = await startSlackStandIn();
  const dir = mkdtempSync(join(tmpdir(), 'sla-slack-'));
  let now = START;
  const clock = {
    now: () => now,
    set: (at: number) => {
      now = at;
    },
    advance: (ms: number) => {
      now += ms;
    },
  };
  const server = await startServer({
    env: {
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: `sqlite:${join(dir, 'sla.db')}`,
      LOG_LEVEL: 'silent',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_API_URL: slack.apiUrl,
    },
    clock,
    logger: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
    platforms: PLATFORMS,
    dispatch: 'manual',
  });
  const events = `${server.url}/slack/events`;
  return {
    server,
    slack,
    clock,
    events,
    command: (text, options = {}) =>
      sendSigned(
        events,
        slashCommandBody({
          text,
          user: options.user,
          channel: options.channel,
          responseUrl: slack.responseUrl,
        }),
        FORM,
        options,
      ),
    interact: (payload, options) => sendSigned(events, payloadBody(payload), FORM, options),
    event: (body, options) => sendSigned(events, JSON.stringify(body), JSON_TYPE, options),
    async close() {
      await server.stop();
      await slack.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Every Block Kit payload the app sent, checked against Slack's limits. */
export function limitProblems(calls: readonly RecordedCall[]): string[] {
  const problems: string[] = [];
  for (const call of calls) {
    const surface: Surface | null =
      call.method === 'views.open' || call.method === 'views.update'
        ? 'modal'
        : call.method === 'views.publish'
          ? 'home'
          : ['chat.postMessage', 'chat.update', 'chat.postEphemeral', 'response_url'].includes(call.method)
            ? 'message'
            : null;
    if (!surface) continue;
    const payload = (surface === 'message' ? call.body : call.body.view) as Record<string, unknown>;
    for (const problem of blockKitProblems(payload, surface)) problems.push(`${call.method} ${problem}`);
  }
  return problems;
}
