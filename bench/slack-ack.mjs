// Slack acknowledgement latency: signed `/sla check` slash commands at a steady rate against the real
// server (request guard, Bolt adapter, case service, SQLite, a local Web API stand-in for response_url
// and users.info) and, in the same run, against a bare Bolt app that only acks. Each server, and the
// stand-in for Slack's side, runs in its own child process, so none shares the load generator's event
// loop; both servers are started and warmed up first, then measured in rounds that alternate which
// goes first (bare, real; real, bare; …), so both see the same machine. The p99 of each target is
// taken over all its rounds; each round's ratio is shown as well. Each server also reports the CPU time
// it spent per request, which other work on a shared machine disturbs less than latency.
//
//   npm run bench:slack                            200 requests/s, 3 rounds of 10 s per target
//   BENCH_RATE=100 BENCH_SECONDS=6 BENCH_ROUNDS=2 node bench/slack-ack.mjs
//   BENCH_PROFILE=/tmp/profiles npm run bench:slack   also writes each server's CPU profile there
//
// Results go to stdout and to bench/results/slack-latest.json (git-ignored).
import { fork } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { Agent, createServer, request as httpRequest } from 'node:http';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBenchServer } from './slack-server.mjs';

const SECRET = 'bench-signing-secret';
const RATE = Number(process.env.BENCH_RATE ?? 200);
/** Seconds per target in all, split evenly over the rounds. */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const WARMUP = Math.min(400, RATE * 2);
const AIMS = { p99Ms: 100, timesBare: 1.5 };
const root = fileURLToPath(new URL('..', import.meta.url));

if (process.argv[2] === '--serve') await serve(process.argv[3], process.argv[4]);
else if (process.argv[2] === '--stand-in') await webApiStandIn();
else await main();

async function main() {
  // Slack's side (users.info, response_url) in a process of its own, as the real one is remote.
  const standIn = fork(fileURLToPath(import.meta.url), ['--stand-in'], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const { apiUrl } = await nextMessage(standIn);
  const targets = {};
  for (const name of ['bare', 'real']) {
    const profile = process.env.BENCH_PROFILE;
    const child = fork(fileURLToPath(import.meta.url), ['--serve', name, apiUrl], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      execArgv: profile
        ? ['--cpu-prof', `--cpu-prof-dir=${profile}`, `--cpu-prof-name=${name}.cpuprofile`]
        : [],
    });
    const { url, responseUrl } = await nextMessage(child);
    targets[name] = {
      name,
      child,
      url,
      responseUrl,
      latencies: [],
      errors: 0,
      sent: 0,
      cpuMs: 0,
      gcMs: 0,
      rounds: [],
    };
  }
  // Warm-up, not counted: JIT, caches (users.info per person) and keep-alive sockets.
  for (const target of Object.values(targets)) await load(target, WARMUP, WARMUP / RATE);
  const perRound = Math.round((RATE * SECONDS) / ROUNDS);
  for (let round = 0; round < ROUNDS; round += 1) {
    const order = round % 2 === 0 ? ['bare', 'real'] : ['real', 'bare'];
    for (const name of order) {
      const target = targets[name];
      const before = await cpuOf(target.child);
      const result = await load(target, perRound, SECONDS / ROUNDS);
      const after = await cpuOf(target.child);
      const cpuMs = after.cpuMs - before.cpuMs;
      target.gcMs += after.gcMs - before.gcMs;
      target.latencies.push(...result.latencies);
      target.errors += result.errors;
      target.sent += perRound;
      target.cpuMs += cpuMs;
      target.rounds.push({
        ...summary(result.latencies),
        errors: result.errors,
        cpuMsPerRequest: cpuMs / perRound,
      });
    }
  }
  for (const target of Object.values(targets)) {
    target.child.kill('SIGTERM');
    await new Promise((resolve) => target.child.once('exit', resolve));
  }
  standIn.kill('SIGTERM');
  report(targets);
}

function report({ bare, real }) {
  const round = (x, digits = 2) => Number(x.toFixed(digits));
  const totals = (t) => ({
    sent: t.sent,
    errors: t.errors,
    ...summary(t.latencies),
    cpuMsPerRequest: round(t.cpuMs / t.sent, 3),
    gcMsPerRequest: round(t.gcMs / t.sent, 3),
    rounds: t.rounds.map((r) => ({ ...r, cpuMsPerRequest: round(r.cpuMsPerRequest, 3) })),
  });
  const results = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    loadAverage: os.loadavg().map((x) => round(x)),
    rate: RATE,
    secondsPerTarget: SECONDS,
    rounds: ROUNDS,
    bare: totals(bare),
    real: totals(real),
  };
  results.timesBare = round(results.real.p99 / results.bare.p99);
  results.roundRatios = real.rounds.map((r, i) => round(r.p99 / bare.rounds[i].p99));
  results.aims = {
    p99: { aimMs: AIMS.p99Ms, met: results.real.p99 < AIMS.p99Ms && results.real.errors === 0 },
    timesBare: { aim: AIMS.timesBare, met: results.timesBare <= AIMS.timesBare },
  };
  const pad = (value, width) => String(value).padStart(width);
  console.log(
    `\n/sla check, ${RATE} requests/s, ${ROUNDS} rounds of ${SECONDS / ROUNDS} s per target, alternating (Node ${process.version}, load ${results.loadAverage.join(' ')})`,
  );
  console.log(
    'target      sent  errors   p50 ms   p99 ms   max ms   CPU ms/request   GC ms/request   p99 per round',
  );
  for (const name of ['bare', 'real']) {
    const r = results[name];
    console.log(
      `${name.padEnd(8)}${pad(r.sent, 7)}${pad(r.errors, 8)}${pad(r.p50.toFixed(2), 9)}${pad(r.p99.toFixed(2), 9)}${pad(r.max.toFixed(2), 9)}${pad(r.cpuMsPerRequest.toFixed(3), 17)}${pad(r.gcMsPerRequest.toFixed(3), 16)}   ${r.rounds.map((x) => x.p99.toFixed(2)).join(', ')}`,
    );
  }
  const yes = (met) => (met ? 'met' : 'NOT met');
  console.log(
    `real p99 / bare p99 = ${results.timesBare} over all rounds (per round: ${results.roundRatios.join(', ')}); aim ≤ ${AIMS.timesBare}x: ${yes(results.aims.timesBare.met)}; p99 < ${AIMS.p99Ms} ms with no errors: ${yes(results.aims.p99.met)}`,
  );
  const dir = join(root, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'slack-latest.json'), `${JSON.stringify(results, null, 2)}\n`);
  process.exitCode = results.aims.p99.met ? 0 : 1;
}

function summary(latencies) {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  return { p50: at(0.5), p99: at(0.99), max: sorted.at(-1) ?? Number.NaN };
}

function nextMessage(child) {
  return new Promise((resolve, reject) => {
    const onExit = (code) => reject(new Error(`a benchmark process exited with ${code}`));
    child.once('message', (message) => {
      child.off('exit', onExit);
      resolve(message);
    });
    child.once('exit', onExit);
  });
}

/** The child's own CPU time so far (user + system) and its garbage collection pauses, in ms. */
async function cpuOf(child) {
  child.send('cpu');
  return await nextMessage(child);
}

/** Open loop: requests leave on schedule whether or not earlier ones have been answered. */
async function load(target, count, seconds) {
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
      send(target.url, target.responseUrl, agent, i).then(
        (ms) => latencies.push(ms),
        () => (errors += 1),
      ),
    );
  }
  await Promise.all(inFlight);
  agent.destroy();
  return { latencies, errors };
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

/**
 * Child process: one server, its URL sent to the parent; answers `cpu` with its CPU time so far and the
 * time its garbage collector has paused it (both in ms).
 */
async function serve(target, standIn) {
  const { PerformanceObserver } = await import('node:perf_hooks');
  let gcMs = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) gcMs += entry.duration;
  }).observe({ entryTypes: ['gc'] });
  process.on('message', (message) => {
    if (message !== 'cpu') return;
    const { user, system } = process.cpuUsage();
    process.send({ cpuMs: (user + system) / 1000, gcMs });
  });
  if (target === 'bare') {
    const { App, HTTPReceiver } = await import('@slack/bolt');
    const receiver = new HTTPReceiver({ signingSecret: SECRET, endpoints: ['/slack/events'] });
    const app = new App({
      receiver,
      authorize: async () => ({ botToken: 'xoxb-bench' }),
      clientOptions: { slackApiUrl: standIn },
    });
    app.command('/sla', async ({ ack }) => ack());
    process.once('SIGTERM', () => process.exit(0));
    const server = createServer(receiver.requestListener);
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    process.send({
      url: `http://127.0.0.1:${server.address().port}/slack/events`,
      responseUrl: standIn.replace('/api/', '/response'),
    });
    return;
  }
  const server = await startBenchServer({ signingSecret: SECRET, slackApiUrl: standIn, dispatch: 'manual' });
  process.send({ url: `${server.url}/slack/events`, responseUrl: standIn.replace('/api/', '/response') });
  process.once('SIGTERM', async () => {
    await server.stop();
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
