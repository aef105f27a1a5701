// Slack acknowledgement latency: signed `/sla check` slash commands at a steady rate against the real
// server (Bolt adapter, case service, SQLite, a local Web API stand-in for response_url and users.info)
// and, in the same run, against a bare Bolt app that only acks. Each server, and the stand-in for
// Slack's side, runs in its own child process so none shares the load generator's event loop.
//
//   npm run bench:slack                       200 requests/s for 30 s per target
//   BENCH_RATE=100 BENCH_SECONDS=5 node bench/slack-ack.mjs
import { fork } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, createServer, request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const SECRET = 'bench-signing-secret';
const RATE = Number(process.env.BENCH_RATE ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const WARMUP = Math.min(200, RATE);
const root = fileURLToPath(new URL('..', import.meta.url));

if (process.argv[2] === '--serve') await serve(process.argv[3], process.argv[4]);
else if (process.argv[2] === '--stand-in') await webApiStandIn();
else await main();

async function main() {
  const results = [];
  // Slack's side (users.info, response_url) in a process of its own, as the real one is remote.
  const standInProcess = fork(fileURLToPath(import.meta.url), ['--stand-in'], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const { apiUrl } = await new Promise((resolve) => standInProcess.once('message', resolve));
  for (const target of ['bare', 'real']) {
    const child = fork(fileURLToPath(import.meta.url), ['--serve', target, apiUrl], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const { url, responseUrl } = await new Promise((resolve, reject) => {
      child.once('message', resolve);
      child.once('exit', (code) => reject(new Error(`${target} server exited with ${code}`)));
    });
    await load(url, responseUrl, WARMUP, WARMUP / RATE); // warm up JIT, caches and keep-alive sockets; not counted
    const result = await load(url, responseUrl, RATE * SECONDS, SECONDS);
    results.push({ target, ...result });
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
  standInProcess.kill('SIGTERM');
  const [bare, real] = results;
  console.log(`\n/sla check, ${RATE} requests/s for ${SECONDS} s per target (Node ${process.version})`);
  console.log('target        sent   errors   p50 ms   p99 ms   max ms');
  for (const r of results) {
    console.log(
      `${r.target.padEnd(10)} ${String(r.sent).padStart(7)} ${String(r.errors).padStart(8)} ${r.p50.toFixed(2).padStart(8)} ${r.p99.toFixed(2).padStart(8)} ${r.max.toFixed(2).padStart(8)}`,
    );
  }
  const ratio = real.p99 / bare.p99;
  console.log(`real p99 / bare p99 = ${ratio.toFixed(2)} (aim: p99 < 100 ms and ≤ 1.5x bare Bolt)`);
  process.exitCode = real.p99 < 100 && real.errors === 0 ? 0 : 1;
}

/** Open loop: requests leave on schedule whether or not earlier ones have been answered. */
async function load(url, responseUrl, count, seconds) {
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const latencies = [];
  let errors = 0;
  const interval = (seconds * 1000) / count;
  const started = performance.now();
  const inFlight = [];
  for (let i = 0; i < count; i += 1) {
    const due = started + i * interval;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    inFlight.push(
      send(url, responseUrl, agent, i).then(
        (ms) => latencies.push(ms),
        () => (errors += 1),
      ),
    );
  }
  await Promise.all(inFlight);
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? Number.NaN;
  return { sent: count, errors, p50: at(0.5), p99: at(0.99), max: latencies.at(-1) ?? Number.NaN };
}

function send(url, responseUrl, agent, i) {
  const body = new URLSearchParams({
    token: 'x',
    team_id: 'T1',
    channel_id: 'C1',
    user_id: `U${i % 50}`,
    command: '/sla',
    text: [
      'check premier A de DE',
      'check standard B NL 24x7',
      'check prodirect C US-CA America/Los_Angeles',
    ][i % 3],
    response_url: responseUrl,
    trigger_id: `t${i}`,
    api_app_id: 'A1',
  }).toString();
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac('sha256', SECRET).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  const began = performance.now();
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': Buffer.byteLength(body),
          'x-slack-request-timestamp': String(timestamp),
          'x-slack-signature': signature,
        },
      },
      (res) => {
        res.resume();
        res.on('end', () =>
          res.statusCode === 200
            ? resolve(performance.now() - began)
            : reject(new Error(String(res.statusCode))),
        );
      },
    );
    req.setTimeout(10_000, () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(body);
  });
}

/** Child process: one server, its URL sent to the parent. */
async function serve(target, standIn) {
  if (target === 'bare') {
    const { App, HTTPReceiver } = await import('@slack/bolt');
    const receiver = new HTTPReceiver({ signingSecret: SECRET, endpoints: ['/slack/events'] });
    const app = new App({
      receiver,
      authorize: async () => ({ botToken: 'xoxb-bench' }),
      clientOptions: { slackApiUrl: standIn },
    });
    app.command('/sla', async ({ ack }) => ack());
    const server = createServer(receiver.requestListener);
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    process.send({
      url: `http://127.0.0.1:${server.address().port}/slack/events`,
      responseUrl: standIn.replace('/api/', '/response'),
    });
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'sla-bench-slack-'));
  const entry = pathToFileURL(join(root, 'dist/src/server.js')).href;
  const { startServer } = await import(entry);
  const { PLATFORMS } = await import(pathToFileURL(join(root, 'dist/adapters/index.js')).href);
  const server = await startServer({
    platforms: PLATFORMS,
    env: {
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: `sqlite:${join(dir, 'bench.db')}`,
      LOG_LEVEL: 'silent',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_BOT_TOKEN: 'xoxb-bench',
      SLACK_API_URL: standIn,
    },
    dispatch: 'manual',
  });
  process.send({ url: `${server.url}/slack/events`, responseUrl: standIn.replace('/api/', '/response') });
  process.once('SIGTERM', async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  });
}

/** Answers users.info and response_url posts as Slack would; tells the parent its /api/ URL. */
async function webApiStandIn() {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const answer = req.url?.includes('users.info')
        ? { ok: true, user: { id: 'U', locale: 'en-US', tz: 'Europe/Amsterdam', real_name: 'Bench' } }
        : { ok: true };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  process.send({ apiUrl: `http://127.0.0.1:${server.address().port}/api/` });
}
