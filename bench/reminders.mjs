// Reminders benchmark (issue 3): planning 100,000 open cases, opening them one by one beside opening
// them in batches (issue 13: the bulk path of imports), a dispatcher tick with 1,000 vs 100,000 open
// cases, and lateness with a one-second poll while 1,000 reminders fall due in one minute.
// Runs on the compiled dist/ (npm run build). Not part of the tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { planReminders } from '../dist/src/cases/plan.js';
import { parseReminderPlan } from '../dist/src/cases/reminder-config.js';
import { CaseService } from '../dist/src/cases/service.js';
import { createDispatcher } from '../dist/src/reminders/dispatcher.js';
import { azurePolicy, evaluate, scheduleOf } from '../dist/src/sla/index.js';
import { pendingReminder, reminderKey } from '../dist/src/store/records.js';
import { openSqliteStore } from '../dist/src/store/sqlite.js';

const MINUTE = 60_000;
const quiet = { info() {}, warn() {}, error() {} };
const mb = (bytes) => Math.round(bytes / 1024 / 1024);
const points = parseReminderPlan('50%,75%,90%,15m,breach').points;

const CASES = [
  { plan: 'premier', severity: 'A', country: 'NL' },
  { plan: 'standard', severity: 'B', country: 'DE', language: 'de' },
  { plan: 'professional-direct', severity: 'C', country: 'US', timeZone: 'America/New_York' },
  { plan: 'rapid-response', severity: 'A', country: 'JP', language: 'ja' },
  { plan: 'developer', severity: 'C', country: 'GB' },
  { plan: 'premier', severity: 'B', country: 'FR', language: 'fr', commit24x7: true },
];

async function tempStore() {
  const dir = mkdtempSync(join(tmpdir(), 'sla-bench-'));
  const store = openSqliteStore({ path: join(dir, 'bench.db') });
  await store.migrate();
  return {
    store,
    dispose: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function request(i, start) {
  return {
    tenantId: `T${i % 50}`,
    platform: 'slack',
    channelId: `C${i % 500}`,
    conversation: { channel: `C${i % 500}` },
    caseNumber: String(i),
    title: `case ${i}`,
    input: { ...CASES[i % CASES.length], openedAt: start },
    openedBy: { id: `U${i % 300}`, locale: 'en' },
    card: 'posted_by_caller',
  };
}

async function openCases(cases, count, start) {
  for (let i = 0; i < count; i += 1) {
    const result = await cases.open(request(i, start));
    if (!result.ok) throw new Error(JSON.stringify(result.failure));
  }
}

/** The same cases opened through `openMany`: one transaction per batch instead of one per case. */
async function openCasesInBatches(cases, count, start) {
  const results = await cases.openMany(Array.from({ length: count }, (_, i) => request(i, start)));
  const failed = results.find((result) => !result.ok);
  if (failed) throw new Error(JSON.stringify(failed.failure));
}

/** Opening `count` cases one by one, then the same in batches, each on a fresh SQLite file. */
async function openingRates(count) {
  const rate = async (open) => {
    const { store, dispose } = await tempStore();
    const clock = { now: () => Date.UTC(2026, 2, 30, 8) };
    const cases = new CaseService({ store, clock, reminders: points });
    const t0 = performance.now();
    await open(cases, count, clock.now());
    const ms = performance.now() - t0;
    await dispose();
    return Math.round(count / (ms / 1000));
  };
  const single = await rate(openCases);
  const batched = await rate(openCasesInBatches);
  return {
    cases: count,
    singlePerSecond: single,
    batchedPerSecond: batched,
    ratio: +(batched / single).toFixed(2),
  };
}

/** A note due at `dueAt` added to the case, the rest of its plan cancelled (the table keeps its size). */
async function dueNow(store, c, label, dueAt) {
  const notice = { kind: 'note', event: 'opened', actor: label, data: {} };
  const row = pendingReminder(c, notice, dueAt, reminderKey(c.id, label, dueAt));
  const record = { ...c, version: c.version + 1 };
  if (
    !(await store.saveCase(
      { record, expectedVersion: c.version, event: null, plan: [], notices: [row] },
      dueAt,
    ))
  )
    throw new Error(`case ${c.id} changed`);
  c.version += 1;
}

/** A notifier that posts nothing and takes no time: the dispatcher's own cost is measured. */
function idleNotifier(onPost = () => {}) {
  return {
    platform: 'slack',
    perChannelIntervalMs: 0,
    hasThread: () => true,
    post: async (post) => onPost(post),
    postCard: async () => ({}),
    updateCard: async () => {},
  };
}

/** Planning alone, in memory: evaluate each case and plan its reminders, no database. */
export function planningInMemory(count) {
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const now = Date.UTC(2026, 2, 30, 8);
  let rows = 0;
  const t0 = performance.now();
  for (let i = 0; i < count; i += 1) {
    const evaluation = evaluate({ ...CASES[i % CASES.length], openedAt: now }, now, azurePolicy);
    if (!evaluation.ok) throw new Error(evaluation.error.code);
    const record = { id: String(i), tenantId: 'T', state: 'open', createdAt: now };
    rows += planReminders({
      record,
      assessment: evaluation.assessment,
      schedule: scheduleOf(evaluation.assessment, azurePolicy),
      tracking: {},
      points,
      now,
      clockStart: now,
    }).length;
  }
  const ms = performance.now() - t0;
  global.gc?.();
  return {
    cases: count,
    reminders: rows,
    ms: +ms.toFixed(1),
    casesPerSecond: Math.round(count / (ms / 1000)),
    heapGrowthMb: mb(process.memoryUsage().heapUsed - heapBefore),
  };
}

async function planning(count) {
  const { store, dispose } = await tempStore();
  const clock = { now: () => Date.UTC(2026, 2, 30, 8) };
  const cases = new CaseService({ store, clock, reminders: points });
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  const t0 = performance.now();
  await openCases(cases, count, clock.now());
  const ms = performance.now() - t0;
  global.gc?.();
  const stats = await store.stats(clock.now());
  const result = {
    cases: count,
    seconds: +(ms / 1000).toFixed(1),
    casesPerSecond: Math.round(count / (ms / 1000)),
    remindersPending: stats.remindersPending,
    rssMb: mb(process.memoryUsage().rss),
    rssGrowthMb: mb(process.memoryUsage().rss - rssBefore),
  };
  return { result, store, dispose, start: clock.now() };
}

/** The cost of a tick that finds `due` reminders due, with `open` cases whose reminders are all later. */
async function tickCost({ store, dispose, start }, open, due = 50, repeats = 20) {
  // An hour before the cases were opened nothing of theirs is due: only the rows added below are.
  let now = start - 60 * MINUTE;
  const clock = { now: () => now };
  const dispatcher = createDispatcher({
    store,
    notifiers: { slack: idleNotifier() },
    cases: new CaseService({ store, clock, reminders: [] }),
    clock,
    owner: 'bench',
    batchSize: due,
    logger: quiet,
  });
  const all = (
    await Promise.all(Array.from({ length: 50 }, (_, t) => store.listCases({ tenantId: `T${t}` })))
  ).flat();
  const samples = [];
  const warmUp = 5;
  for (let r = 0; r < repeats + warmUp; r += 1) {
    // `due` distinct cases get one extra row due now (replacing their pending rows keeps the table size).
    for (let i = 0; i < due; i += 1) {
      const c = all[(r * due + i) % all.length];
      await dueNow(store, c, `bench-${r}`, now);
    }
    const t0 = performance.now();
    const claimed = await dispatcher.tick();
    if (r >= warmUp) samples.push(performance.now() - t0);
    if (claimed !== due) throw new Error(`expected ${due} due, claimed ${claimed}`);
    now += 1000;
  }
  await dispose();
  samples.sort((a, b) => a - b);
  return {
    openCases: open,
    duePerTick: due,
    medianTickMs: +samples[Math.floor(samples.length / 2)].toFixed(2),
  };
}

/** Real time: 1,000 reminders due across one minute, a one-second poll, lateness = post time − due time. */
async function lateness(count = 1000) {
  const { store, dispose } = await tempStore();
  const clock = { now: () => Date.now() };
  const start = Date.now() + 2000;
  const cases = new CaseService({ store, clock: { now: () => start - 5000 }, reminders: [] });
  await openCases(cases, count, start - 5000);
  const list = (
    await Promise.all(Array.from({ length: 50 }, (_, t) => store.listCases({ tenantId: `T${t}` })))
  ).flat();
  for (let i = 0; i < count; i += 1) {
    const c = list[i % list.length];
    const dueAt = start + Math.floor((i / count) * MINUTE);
    await dueNow(store, c, `late-${i}`, dueAt);
  }
  const late = [];
  const notifier = idleNotifier(({ reminder }) => late.push(Date.now() - reminder.dueAt));
  const dispatcher = createDispatcher({
    store,
    notifiers: { slack: notifier },
    cases: new CaseService({ store, clock, reminders: [] }),
    clock,
    owner: 'late',
    pollMs: 1000,
    logger: quiet,
  });
  dispatcher.start();
  const deadline = start + MINUTE + 10_000;
  while (late.length < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  await dispatcher.stop();
  await dispose();
  late.sort((a, b) => a - b);
  const pct = (p) => late[Math.min(late.length - 1, Math.floor(p * late.length))];
  return {
    reminders: count,
    posted: late.length,
    p50Ms: pct(0.5),
    p99Ms: pct(0.99),
    maxMs: late.at(-1),
    rssMb: mb(process.memoryUsage().rss),
  };
}

export async function runReminderBench({ planCount = 100_000, openCount = 20_000 } = {}) {
  const inMemory = planningInMemory(planCount);
  console.log('planning in memory', inMemory);
  const opening = await openingRates(openCount);
  console.log('opening: one by one vs in batches', opening);
  const planned = await planning(planCount);
  const plan = planned.result;
  console.log('planning', plan);
  const large = await tickCost(planned, planCount);
  const small = await tickCost(await planning(1_000), 1_000);
  console.log('tick (1,000 open)', small);
  console.log(`tick (${planCount.toLocaleString('en')} open)`, large);
  const late = await lateness();
  console.log('lateness', late);
  return {
    opening,
    planning: plan,
    tick: { small, large, ratio: +(large.medianTickMs / small.medianTickMs).toFixed(2) },
    lateness: late,
    peakRssMb: mb(process.resourceUsage().maxRSS * 1024),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const count = Number(process.argv[2] ?? 100_000);
  const openCount = Number(process.argv[3] ?? Math.min(count, 20_000));
  const result = await runReminderBench({ planCount: count, openCount });
  console.log(JSON.stringify(result, null, 2));
}
