// Platforms are handed to the server: a new one is a module with its own settings, routes, life and
// readiness, and the server knows nothing else about it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, describe, expect, test } from 'vitest';
import { sendJson } from '../../src/http.js';
import type { PlatformContext, PlatformModule } from '../../src/platform.js';
import type { Notifier, ThreadPost } from '../../src/reminders/notifier.js';
import { ConfigError, startServer } from '../../src/server.js';

const dir = mkdtempSync(join(tmpdir(), 'sla-platforms-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function env(name: string, extra: Record<string, string> = {}) {
  return { PORT: '0', HOST: '127.0.0.1', DATABASE_URL: `sqlite:${join(dir, `${name}.db`)}`, ...extra };
}

/** A third chat platform as a newcomer would write it: its folder's index exports this. */
function mattermost(seen: {
  context?: PlatformContext;
  started?: boolean;
  stopped?: boolean;
}): PlatformModule {
  return {
    name: 'mattermost',
    configure(variables) {
      const token = variables.MATTERMOST_TOKEN?.trim();
      if (!token) return { state: 'off', note: { level: 'info', key: 'server:stopped' } };
      if (!token.startsWith('mm-'))
        return {
          state: 'invalid',
          problems: [
            { key: 'server:config.problem.flag', params: { name: 'MATTERMOST_TOKEN', value: token } },
          ],
        };
      return {
        state: 'on',
        create(context) {
          seen.context = context;
          return {
            name: 'mattermost',
            routes: {
              handles: (pathname) => pathname === '/mattermost/hooks',
              handle: async (_request, response) => sendJson(response, 200, { hello: 'mattermost' }),
            },
            start: async () => {
              seen.started = true;
            },
            stop: async () => {
              seen.stopped = true;
            },
            readiness: () => ({ ready: false, state: 'connecting', reason: 'not_yet' }),
          };
        },
      };
    },
  };
}

describe('platforms handed to the server', () => {
  test('a new platform gets its routes, its life, the policy in its context, and a line on /readyz', async () => {
    const seen: { context?: PlatformContext; started?: boolean; stopped?: boolean } = {};
    const server = await startServer({
      env: env('on', { MATTERMOST_TOKEN: 'mm-1' }),
      platforms: [mattermost(seen)],
      logger: pino({ level: 'silent' }),
      dispatch: 'manual',
    });
    try {
      expect(seen.started).toBe(true);
      expect(seen.context?.policy).toBe(server.policy);
      expect(seen.context?.platform('mattermost')?.name).toBe('mattermost');
      const hook = await fetch(`${server.url}/mattermost/hooks`, { method: 'POST' });
      expect(await hook.json()).toEqual({ hello: 'mattermost' });
      const ready = await fetch(`${server.url}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({
        status: 'degraded',
        platforms: { mattermost: { ready: false, state: 'connecting', reason: 'not_yet' } },
      });
      const metrics = await (await fetch(`${server.url}/metrics`)).text();
      expect(metrics).toMatch(/^sla_bot_ack_seconds_count\{platform="mattermost"\} 1$/m);
    } finally {
      await server.stop();
    }
    expect(seen.stopped).toBe(true);
  });

  test('a platform that is off is not built; one with a problem stops the start with its own words', async () => {
    const seen: { context?: PlatformContext } = {};
    const off = await startServer({
      env: env('off'),
      platforms: [mattermost(seen)],
      logger: pino({ level: 'silent' }),
      dispatch: 'manual',
    });
    expect(off.platforms).toEqual([]);
    expect(seen.context).toBeUndefined();
    await off.stop();
    const refused = startServer({
      env: env('bad', { MATTERMOST_TOKEN: 'xoxb-wrong' }),
      platforms: [mattermost(seen)],
      logger: pino({ level: 'silent' }),
    });
    await expect(refused).rejects.toBeInstanceOf(ConfigError);
    await expect(refused).rejects.toMatchObject({ problems: [{ params: { name: 'MATTERMOST_TOKEN' } }] });
  });

  test('reminders go through the platform named on the case; /metrics shows process figures, ack and lateness histograms', async () => {
    const posted: string[] = [];
    let now = Date.parse('2026-03-24T09:00:00Z');
    const notifying: PlatformModule = {
      name: 'mattermost',
      configure: () => ({
        state: 'on',
        create: () => ({
          name: 'mattermost',
          notifier: {
            platform: 'mattermost' as Notifier['platform'],
            perChannelIntervalMs: 0,
            hasThread: () => true,
            post: async ({ notice }: ThreadPost) => void posted.push(notice.kind),
            postCard: async () => ({}),
            updateCard: async () => {},
          },
        }),
      }),
    };
    const server = await startServer({
      env: env('notify'),
      platforms: [notifying],
      clock: { now: () => now },
      logger: pino({ level: 'silent' }),
      dispatch: 'manual',
    });
    try {
      const opened = await server.cases.open({
        tenantId: 'T1',
        platform: 'mattermost' as never,
        channelId: 'town-square',
        conversation: {},
        caseNumber: '7',
        title: 'x',
        input: { plan: 'premier', severity: 'A', country: 'NL', openedAt: now },
        openedBy: { id: 'U1', locale: 'en' },
      });
      expect(opened.ok).toBe(true);
      now += 2 * 3_600_000; // past the 60-minute deadline: every reminder is due
      await server.dispatcher.tick();
      expect(posted).toContain('breach');
      const text = await (await fetch(`${server.url}/metrics`)).text();
      expect(text).toMatch(/^process_cpu_user_seconds_total \d/m);
      expect(text).toMatch(/^nodejs_eventloop_lag_seconds \d/m);
      expect(text).toContain('# TYPE sla_bot_ack_seconds histogram');
      expect(text).toMatch(new RegExp(`^sla_bot_reminder_lateness_seconds_count ${posted.length}$`, 'm'));
      expect(text).toMatch(/^sla_bot_breaches_total 1$/m);
      expect(text).toMatch(new RegExp(`^sla_bot_reminders_sent_total ${posted.length}$`, 'm'));
    } finally {
      await server.stop();
    }
  });

  test('SLA_POLICY that cannot be read is a configuration problem naming the file and the rule', async () => {
    const file = join(dir, 'policy.json');
    writeFileSync(file, '{ "plans": [ oops');
    const refused = startServer({
      env: env('policy', { SLA_POLICY: file }),
      platforms: [],
      logger: pino({ level: 'silent' }),
    });
    await expect(refused).rejects.toMatchObject({
      problems: [
        { key: 'server:config.problem.policyUnreadable', params: { source: file, rule: 'policy_json' } },
      ],
    });
  });
});
