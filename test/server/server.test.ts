import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { type AddressInfo, createServer as createNetServer } from 'node:net';
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

function serve(env: Record<string, string>, cwd = dir) {
  const child = spawn(BIN, ['serve'], { cwd, env: { PATH: process.env.PATH ?? '', HOME: dir, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  // The exit code, or the signal that ended the process (so a failure names it, not just null).
  const exited = new Promise<number | string | null>((resolve) =>
    child.on('close', (code, signal) => resolve(code ?? signal)),
  );
  const listening = async () => {
    const deadline = Date.now() + 20_000;
    while (!/listening on http/.test(stdout) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    return /listening on (http:\/\/[\d.:]+)/.exec(stdout)?.[1];
  };
  return { child, exited, listening, output: () => ({ stdout, stderr }) };
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

  test('reads .env from the working folder, says so, and lets the environment win', async () => {
    const folder = mkdtempSync(join(dir, 'env-'));
    writeFileSync(
      join(folder, '.env'),
      `# settings for a laptop\nPORT=0\nHOST=127.0.0.1\nDATA_DIR=${join(folder, 'from-file')}\nLOG_LEVEL=info\n`,
    );
    const run = serve({ DATA_DIR: join(folder, 'from-env') }, folder);
    const url = await run.listening();
    expect(url).toBeDefined();
    const lines = run
      .output()
      .stdout.trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines[0]).toMatchObject({ path: join(folder, '.env'), count: 4 });
    expect(lines[0].msg).toContain(`Read 4 settings from ${join(folder, '.env')}`);
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(existsSync(join(folder, 'from-env', 'sla-bot.db'))).toBe(true);
    expect(existsSync(join(folder, 'from-file'))).toBe(false);
  });

  test('logs the address it is bound to (0.0.0.0 is every interface, not 127.0.0.1)', async () => {
    const run = serve({ PORT: '0', HOST: '0.0.0.0', DATA_DIR: join(dir, 'any') });
    const url = await run.listening();
    expect(url).toMatch(/^http:\/\/0\.0\.0\.0:\d+$/);
    const port = new URL(url ?? '').port;
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
  });

  test('a port already in use is one clear line and exit 2', async () => {
    const taken = createNetServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', () => resolve()));
    const port = (taken.address() as AddressInfo).port;
    try {
      const run = serve({ PORT: String(port), HOST: '127.0.0.1', DATA_DIR: join(dir, 'taken') });
      expect(await run.exited).toBe(2);
      const { stderr } = run.output();
      expect(stderr.trim().split('\n')).toEqual([
        `sla-bot cannot start: port ${port} on 127.0.0.1 is already in use. Stop the other program or choose a free port, for example PORT=3001`,
      ]);
    } finally {
      taken.close();
    }
  });

  test('UserAssignedMSI without a tenant, Socket Mode with OAuth, and Teams credentials with the Emulator are config errors', async () => {
    const run = serve({
      MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
      MicrosoftAppType: 'UserAssignedMSI',
      SLACK_APP_TOKEN: 'xapp-1',
      SLACK_CLIENT_ID: 'c',
      SLACK_CLIENT_SECRET: 's',
      SLACK_STATE_SECRET: 'x',
    });
    expect(await run.exited).toBe(2);
    const { stderr } = run.output();
    expect(stderr).toContain('MicrosoftAppType=UserAssignedMSI needs MicrosoftAppTenantId');
    expect(stderr).toContain('Socket Mode (SLACK_APP_TOKEN) signs in with one workspace');
    const both = serve({ TEAMS_EMULATOR: '1', MicrosoftAppId: '00000000-0000-0000-0000-000000000001' });
    expect(await both.exited).toBe(2);
    expect(both.output().stderr).toContain('TEAMS_EMULATOR=1 runs Teams without authentication');
  });

  test('LOG_FORMAT=pretty writes lines for a person (a terminal gets them by default), JSON otherwise', async () => {
    const run = serve({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: join(dir, 'pretty'), LOG_FORMAT: 'pretty' });
    const deadline = Date.now() + 20_000;
    while (!/listening on/.test(run.output().stdout) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    const { stdout } = run.output();
    expect(stdout).toMatch(/INFO.*sla-bot is listening on http:\/\/127\.0\.0\.1:\d+/);
    expect(() => JSON.parse(stdout.split('\n')[0] ?? '')).toThrow();
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
  });
});
