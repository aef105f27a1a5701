// Azure watcher benchmark (issue 12): one poll over N open tickets (default 10,000) in the HTTPS ARM
// stand-in, through the real SDK and the watcher as the server runs it, with the core's ticket
// mapping and the real case service and watcher state on SQLite; time, requests and memory; then the
// ticket-mapping throughput against `evaluate` in the same run.
//
//   npm run bench:azure                      # 10,000 tickets
//   node --expose-gc bench/azure-poll.mjs 500  # a smoke run
//
// The stand-in answers in 2–8 ms here (AZURE_BENCH_LATENCY_MS=min,max to change), not ARM's hundreds
// of ms, and its read bucket is unlimited: this measures the watcher's own cost. Against ARM the same
// reads are spread by the gate (AZURE_READS_PER_SECOND) and ARM's bucket (250, refilled 25 a second).
// The stand-in runs in a child process (bench/azure-stand-in.mjs): its work is not counted here.
// Runs on the compiled dist/ (npm run build, tsc -p tsconfig.bench.json). Not part of the tests.
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { armTicketSource } from '../dist/adapters/azure/arm-client.js';
import { caseServiceSink, coreTicketReader } from '../dist/adapters/azure/case-sink.js';
import { sleep } from '../dist/adapters/azure/gate.js';
import { ticketFacts } from '../dist/adapters/azure/ticket-facts.js';
import { AzureWatcher } from '../dist/adapters/azure/watcher.js';
import { parseReminderPlan } from '../dist/src/cases/reminder-config.js';
import { CaseService } from '../dist/src/cases/service.js';
import * as sla from '../dist/src/sla/index.js';
import { openSqliteStore } from '../dist/src/store/sqlite.js';
import { TestCredential } from '../dist/test/support/arm-credential.js';

const TICKETS = Number(process.argv[2] ?? process.env.AZURE_BENCH_TICKETS ?? 10_000);
const LATENCY = (process.env.AZURE_BENCH_LATENCY_MS ?? '2,8').split(',').map(Number);
const SUBSCRIPTION = '6c2d2a5e-2c5b-4c1e-9f0e-3a1d4b5c6d7e';
const SINCE = Date.parse('2026-03-02T08:00:00Z');
const mb = (bytes) => (bytes / 1024 / 1024).toFixed(1);

/** The core's mapping, bound to the built-in policy, as the server binds it. */
const read = coreTicketReader(sla.azurePolicy);

/** The real case service on a fresh SQLite file: each new ticket is a case with its plan and card. */
function caseServiceOnSqlite() {
  const dir = mkdtempSync(join(tmpdir(), 'sla-bench-azure-'));
  const store = openSqliteStore({ path: join(dir, 'sla.db') });
  const cases = new CaseService({
    store,
    clock: { now: () => Date.now() },
    reminders: parseReminderPlan('50%,75%,90%,15m,breach').points,
  });
  return {
    store,
    sink: caseServiceSink(cases),
    async close() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The stand-in runs in a child process: its CPU and its tickets are not the watcher's. */
async function standIn(latency) {
  const child = fork(new URL('./azure-stand-in.mjs', import.meta.url), [JSON.stringify(latency)]);
  const waiting = new Map();
  let next = 0;
  await new Promise((resolve) => child.once('message', resolve));
  child.on('message', ({ id, result }) => waiting.get(id)?.(result));
  const call = (command, args = {}) =>
    new Promise((resolve) => {
      next += 1;
      const id = next;
      waiting.set(id, resolve);
      child.send({ id, command, args });
    });
  return { call };
}

async function measure(label, arm, poll) {
  globalThis.gc?.();
  const before = process.memoryUsage();
  const requests = await arm.call('requests');
  const started = performance.now();
  const report = await poll();
  const ms = performance.now() - started;
  const after = process.memoryUsage();
  const made = (await arm.call('requests')) - requests;
  console.log(
    `${label.padEnd(44)} ${(ms / 1000).toFixed(2).padStart(7)} s  ${String(made).padStart(6)} requests` +
      `  heap ${mb(before.heapUsed)} → ${mb(after.heapUsed)} MB  rss ${mb(after.rss)} MB` +
      `  opened ${report.opened} responded ${report.responded} checked ${report.checked}`,
  );
}

function throughput(label, items, fn) {
  for (let i = 0; i < Math.min(items.length, 500); i += 1) fn(items[i]);
  const started = performance.now();
  let rounds = 0;
  while (performance.now() - started < 1000) {
    for (const item of items) fn(item);
    rounds += 1;
  }
  const perSecond = (rounds * items.length) / ((performance.now() - started) / 1000);
  console.log(`${label.padEnd(44)} ${Math.round(perSecond).toLocaleString('en').padStart(12)} /s`);
  return perSecond;
}

async function main() {
  console.log(
    `Azure poll benchmark: ${TICKETS.toLocaleString('en')} open tickets, stand-in latency ${LATENCY[0]}–${LATENCY[1]} ms, Node ${process.version}`,
  );
  console.log(
    "mapping: the core's readTicket; cases: the case service on SQLite (store and watcher state)\n",
  );
  const arm = await standIn(LATENCY);
  let cleanup = async () => {};
  try {
    const { endpoint, ca, sample } = await arm.call('seed', {
      subscription: SUBSCRIPTION,
      count: TICKETS,
      since: SINCE,
    });
    const cases = caseServiceOnSqlite();
    cleanup = cases.close;
    const { store, sink } = cases;
    await store.migrate();
    await store.addWatch({
      tenantId: 'T1',
      subscriptionId: SUBSCRIPTION,
      platform: 'slack',
      channelId: 'C1',
      conversation: { channel: 'C1' },
      locale: 'en',
      since: SINCE,
    });
    const source = armTicketSource({
      credential: new TestCredential('bench-token'),
      endpoint,
      ca,
      gate: { concurrency: 16, spacingMs: 0, retries: 3, maxInlineWaitMs: 30_000, now: Date.now, sleep },
    });
    const watcher = new AzureWatcher({ source, store, sink, read, pollMs: 60_000, holder: 'bench' });
    const last = () => watcher.status().watches[0]?.last ?? {};
    const poll = async () => {
      await watcher.pollOnce();
      return last();
    };

    await measure('first poll: every ticket new (open + read comms)', arm, poll);
    await measure('steady poll: nothing changed', arm, poll);
    const changed = Math.max(1, Math.round(TICKETS / 100));
    const names = Array.from({ length: changed }, (_, i) => `26030200${String(i * 100).padStart(8, '0')}`);
    await arm.call('reply', { subscription: SUBSCRIPTION, names, after: 30 * 60_000 });
    await measure(`steady poll: ${changed} got Microsoft's reply`, arm, poll);
    if (watcher.status().watches[0]?.health !== 'ok') throw new Error(JSON.stringify(watcher.status()));
    const stats = await store.stats(Date.now());
    console.log(`cases in the store: ${stats.openCases} open, reminders pending ${stats.remindersPending}\n`);

    const mapped = sample.map(read).filter((r) => r.ok);
    const at = SINCE + 86_400_000;
    const facts = throughput('ticketFacts (the watcher own fields)', sample, (r) =>
      ticketFacts(SUBSCRIPTION, r),
    );
    const mapping = throughput('readTicket (core mapping)', sample, read);
    const evaluated = throughput('evaluate (baseline, same inputs)', mapped, (r) =>
      sla.evaluate(r.input, at, sla.azurePolicy),
    );
    console.log(
      `\nratios to evaluate: ticketFacts ×${(facts / evaluated).toFixed(1)}, mapping ×${(mapping / evaluated).toFixed(1)}`,
    );
  } finally {
    await cleanup();
    await arm.call('close');
  }
}

await main();
