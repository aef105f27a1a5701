import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PLATFORMS } from '../../adapters/index.js';
import { type RunningServer, startServer } from '../../src/server.js';
import { BIN } from '../cli/run.js';

const dir = mkdtempSync(join(tmpdir(), 'sla-server-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the HTTP server', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({
      env: { PORT: '0', HOST: '127.0.0.1', DATABASE_URL: `sqlite:${join(dir, 'a.db')}`, LOG_LEVEL: 'silent' },
      platforms: PLATFORMS,
      dispatch: 'manual',
    });
  });
  afterAll(() => server.stop());

  test('/healthz says the process is up and /readyz that the store is migrated', async () => {
    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready' });
  });

  test('/metrics speaks Prometheus and counts open cases', async () => {
    const before = await (await fetch(`${server.url}/metrics`)).text();
    expect(before).toContain('# TYPE sla_bot_open_cases gauge');
    expect(before).toMatch(/^sla_bot_open_cases 0$/m);
    const opened = await server.cases.open({
      tenantId: 'T1',
      platform: 'teams',
      channelId: 'C1',
      conversation: {},
      caseNumber: '1',
      title: 'x',
      input: { plan: 'premier', severity: 'A', country: 'NL', openedAt: Date.now() },
      openedBy: { id: 'U1', locale: 'en' },
    });
    expect(opened.ok).toBe(true);
    const after = await fetch(`${server.url}/metrics`);
    expect(after.headers.get('content-type')).toContain('text/plain; version=0.0.4');
    const text = await after.text();
    expect(text).toMatch(/^sla_bot_open_cases 1$/m);
    for (const name of [
      'sla_bot_reminders_sent_total',
      'sla_bot_reminders_failed_total',
      'sla_bot_reminders_retried_total',
      'sla_bot_breaches_total',
      'sla_bot_dispatcher_lag_seconds',
    ]) {
      expect(text).toContain(`# TYPE ${name}`);
    }
  });

  test('an unknown path is a 404 in JSON', async () => {
    const response = await fetch(`${server.url}/nope`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: 'not_found', path: '/nope' });
  });
});

function serve(env: Record<string, string>) {
  const child = spawn(BIN, ['serve'], { env: { PATH: process.env.PATH ?? '', HOME: dir, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return { child, exited, output: () => ({ stdout, stderr }) };
}

describe('sla-bot serve as a process', () => {
  test('reports every configuration problem at once, with examples, and exits 2', async () => {
    const run = serve({
      PORT: 'eighty',
      LOG_LEVEL: 'loud',
      SLACK_BOT_TOKEN: 'not-a-token',
      SLA_REMINDERS: '50%,soon',
      MicrosoftAppType: 'SingleTenant',
    });
    expect(await run.exited).toBe(2);
    const { stderr } = run.output();
    expect(stderr).toMatch(/cannot start: \d+ problems/);
    expect(stderr).toContain('PORT="eighty" must be a whole number from 0 to 65535, for example PORT=3000');
    expect(stderr).toContain('LOG_LEVEL="loud"');
    expect(stderr).toContain('SLACK_BOT_TOKEN must be a bot token starting with xoxb-');
    expect(stderr).toContain('SLACK_SIGNING_SECRET');
    expect(stderr).toContain('SLA_REMINDERS cannot be read ("soon")');
    expect(stderr).toContain('MicrosoftAppTenantId');
  });

  test('starts without chat credentials, says which platforms are off, logs no secrets, and stops on SIGTERM with exit 0', async () => {
    const secret = 'teams-password-that-must-never-be-logged';
    const run = serve({
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: join(dir, 'serve'),
      MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
      MicrosoftAppPassword: secret,
      // Single Tenant is the default app type now (Azure creates no new multi-tenant bots): it needs the tenant.
      MicrosoftAppTenantId: '00000000-0000-0000-0000-0000000000aa',
    });
    const deadline = Date.now() + 20_000;
    while (!/listening on http/.test(run.output().stdout) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    const { stdout } = run.output();
    const url = /listening on (http:\/\/[\d.:]+)/.exec(stdout)?.[1];
    expect(url).toBeDefined();
    expect(stdout).toContain('Slack is off: set SLACK_SIGNING_SECRET');
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    for (const line of stdout.trim().split('\n')) expect(() => JSON.parse(line)).not.toThrow(); // structured logs
    const stoppedAt = Date.now();
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(Date.now() - stoppedAt).toBeLessThan(10_000);
    const all = run.output().stdout + run.output().stderr;
    expect(all).not.toContain(secret);
    expect(all).toContain('Stopped.');
  });
});
