// The SLA core benchmark: `npm run bench` (builds src into dist/, compiles the naive reference with
// tsconfig.bench.json, then runs this file with --expose-gc). Node runs it on one thread: every figure
// below is single-core JavaScript time (the GC's helper threads aside).
//
// Measures, on 100,000 realistic cases over 30 countries (bench/cases.mjs, fixed seed):
//   1. core throughput (evaluations/s) and latency per evaluation (p50/p99, two ways);
//   2. heap after warm-up, and after evaluating the same cases 1..10 years further out;
//   3. the naive minute-stepping reference (test/sla/naive-reference.ts) on a fixed subsample;
//   4. moment-business-time adding the target's business minutes (09:00–17:00 Mon–Fri, the country's
//      public holidays, in the customer's zone) on a fixed subsample: the common JavaScript alternative.
// Results go to stdout as a table and to bench/results/*.json (git-ignored).

import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Holidays from 'date-holidays';
import { azurePolicy, evaluate } from '../dist/src/sla/index.js';
import { naiveEvaluate } from '../dist/test/sla/naive-reference.js';
import { COUNTRIES, makeCases, shiftYears } from './cases.mjs';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));

const CASES = 100_000;
const PASSES = 5; // timed throughput passes over all cases
const LATENCY_BATCH = 100;
const NAIVE_EVERY = 100; // naive reference: every 100th case (1,000 cases)
const MOMENT_EVERY = 10; // moment-business-time: every 10th case (10,000 cases)
const YEARS_FURTHER = 10;
const AIMS = { evaluationsPerSecond: 200_000, timesNaive: 50, timesMomentBusinessTime: 1 };

const gc = globalThis.gc;
if (typeof gc !== 'function') throw new Error('run with node --expose-gc (npm run bench)');

const now = () => process.hrtime.bigint();
const ms = (ns) => Number(ns) / 1e6;
const heapMiB = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
};
const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (x, digits = 2) => Number(x.toFixed(digits));
const log = (...args) => console.log(...args);

let sink = 0; // keeps results alive so nothing is optimised away
function runAll(cases) {
  let ok = 0;
  for (let i = 0; i < cases.length; i++) {
    const c = cases[i];
    const e = evaluate(c.input, c.at, azurePolicy);
    if (e.ok) {
      ok++;
      sink ^= e.assessment.deadline;
    }
  }
  return ok;
}

const started = now();
log(
  `sla-bot core benchmark — node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'}, ${os.cpus().length} cpus`,
);

// ---------------------------------------------------------------------------------------------
// 1. Core: warm-up, throughput, latency

const cases = makeCases(CASES);
log(`${CASES} cases over ${new Set(COUNTRIES.map((c) => c.country)).size} countries, opened 2025–2026`);

const heapBeforeWarmup = heapMiB();
let t = now();
const okCount = runAll(cases);
const warmupMs = ms(now() - t);
if (okCount !== CASES) {
  const bad = cases.map((c) => evaluate(c.input, c.at, azurePolicy)).find((e) => !e.ok);
  throw new Error(`${CASES - okCount} cases failed to evaluate, e.g. ${JSON.stringify(bad)}`);
}
runAll(cases); // second pass: everything compiled and cached
const heapAfterWarmup = heapMiB();

const passMs = [];
for (let p = 0; p < PASSES; p++) {
  t = now();
  runAll(cases);
  passMs.push(ms(now() - t));
}
const medianPassMs = median(passMs);
const bestPassMs = Math.min(...passMs);
const evaluationsPerSecond = CASES / (medianPassMs / 1000);

// Latency (a): each call timed on its own with process.hrtime.bigint(); includes the timer's overhead.
const single = new Float64Array(CASES);
for (let i = 0; i < CASES; i++) {
  const c = cases[i];
  const t0 = now();
  const e = evaluate(c.input, c.at, azurePolicy);
  single[i] = Number(now() - t0) / 1000;
  sink ^= e.ok ? 1 : 0;
}
single.sort();
const timer = new Float64Array(CASES);
for (let i = 0; i < CASES; i++) {
  const t0 = now();
  timer[i] = Number(now() - t0) / 1000;
}
timer.sort();
// Latency (b): batches of 100 consecutive calls, the batch's mean per call (timer overhead amortised).
const batches = new Float64Array(CASES / LATENCY_BATCH);
for (let b = 0; b < batches.length; b++) {
  const t0 = now();
  for (let i = b * LATENCY_BATCH; i < (b + 1) * LATENCY_BATCH; i++) {
    const c = cases[i];
    const e = evaluate(c.input, c.at, azurePolicy);
    sink ^= e.ok ? 1 : 0;
  }
  batches[b] = Number(now() - t0) / 1000 / LATENCY_BATCH;
}
batches.sort();

const coverageMix = { '24x7': 0, 'business-hours': 0 };
for (const c of cases) {
  const e = evaluate(c.input, c.at, azurePolicy);
  if (e.ok) coverageMix[e.assessment.coverage]++;
}

// ---------------------------------------------------------------------------------------------
// 2. Memory as the years grow

const heapYears = [];
for (let y = 1; y <= YEARS_FURTHER; y++) {
  let shifted = shiftYears(cases, y);
  const ok = runAll(shifted);
  if (ok !== CASES) throw new Error(`${CASES - ok} cases failed ${y} years further out`);
  shifted = null; // measure what the core keeps, not the shifted copy of the cases
  heapYears.push(round(heapMiB()));
}
const heapAfterYears = heapYears[heapYears.length - 1];

// ---------------------------------------------------------------------------------------------
// 3. The naive reference, on every 100th case

const naiveSample = cases.filter((_, i) => i % NAIVE_EVERY === 0);
const naiveCase = ({ input }) => ({ ...input });
t = now();
const naiveResults = naiveSample.map((c) => naiveEvaluate(naiveCase(c), c.at));
const naiveMs = ms(now() - t);
let naiveDisagreements = 0;
let naiveFirstDisagreement = null;
naiveSample.forEach((c, i) => {
  const e = evaluate(c.input, c.at, azurePolicy);
  const n = naiveResults[i];
  const same =
    e.ok &&
    n.ok &&
    e.assessment.deadline === n.value.deadline &&
    e.assessment.responseLanguage === n.value.responseLanguage &&
    e.assessment.coverage === n.value.coverage &&
    e.assessment.status.elapsedMinutes === n.value.status.elapsedMinutes &&
    e.assessment.status.running === n.value.status.running &&
    e.assessment.status.breached === n.value.status.breached &&
    (e.assessment.alternative?.deadline ?? null) === (n.value.alternative?.deadline ?? null);
  if (!same) {
    naiveDisagreements++;
    naiveFirstDisagreement ??= { input: c.input, at: c.at, core: e, naive: n };
  }
});
// the core on exactly the same subsample, repeated for a stable figure
const CORE_REPEAT = 200;
t = now();
for (let r = 0; r < CORE_REPEAT; r++) runAll(naiveSample);
const coreOnNaiveSampleUs = (ms(now() - t) * 1000) / (CORE_REPEAT * naiveSample.length);
const naiveUs = (naiveMs * 1000) / naiveSample.length;

// ---------------------------------------------------------------------------------------------
// 4. moment-business-time on every 10th case: add the target's business minutes

// moment-timezone comes with date-holidays (date-holidays-parser depends on it) and extends the same
// `moment` instance that moment-business-time patches; it gives moment the customer's zone.
const moment = require('moment-timezone');
require('moment-business-time');
if (
  require.resolve('moment') !==
  require.resolve('moment', { paths: [dirname(require.resolve('moment-timezone'))] })
)
  throw new Error('moment-timezone and moment-business-time do not share one moment');

const TARGETS = {
  developer: { C: 480 },
  standard: { A: 60, B: 240, C: 480 },
  'professional-direct': { A: 60, B: 120, C: 240 },
  premier: { A: 60, B: 120, C: 240 },
  'rapid-response': { A: 15, B: 120, C: 240 },
};
const DAY = 86_400_000;
/** The place's public-holiday dates for the years the cases need (multi-day entries expanded). */
function holidayStrings(country, subdivision) {
  const hd = subdivision ? new Holidays(country, subdivision) : new Holidays(country);
  const dates = new Set();
  for (let y = 2024; y <= 2028; y++) {
    for (const h of hd.getHolidays(y)) {
      if (h.type !== 'public') continue;
      const days = Math.max(1, Math.round((h.end - h.start) / DAY));
      const first = Date.parse(`${h.date.slice(0, 10)}T00:00:00Z`);
      for (let k = 0; k < days; k++) dates.add(new Date(first + k * DAY).toISOString().slice(0, 10));
    }
  }
  return [...dates];
}
const workinghours = { 0: null, 6: null };
for (let d = 1; d <= 5; d++) workinghours[d] = ['09:00:00', '17:00:00'];

const momentSample = cases.filter((_, i) => i % MOMENT_EVERY === 0);
const byPlace = new Map();
for (const c of momentSample) {
  const key = `${c.input.country}|${c.input.subdivision ?? ''}`;
  if (!byPlace.has(key)) byPlace.set(key, []);
  byPlace.get(key).push(c);
}
let momentNs = 0n;
let momentCount = 0;
let momentCompared = 0;
let momentAgree = 0;
let momentFirstDisagreement = null;
const momentResults = new Map();
for (const [key, group] of byPlace) {
  const [country, subdivision] = key.split('|');
  moment.updateLocale('en', { workinghours, holidays: holidayStrings(country, subdivision || undefined) });
  // warm this locale up (not timed)
  for (const c of group.slice(0, 20))
    moment.tz(c.input.openedAt, c.input.timeZone).addWorkingTime(60, 'minutes');
  const t0 = now();
  for (const c of group) {
    const due = moment
      .tz(c.input.openedAt, c.input.timeZone)
      .addWorkingTime(TARGETS[c.input.plan][c.input.severity], 'minutes')
      .valueOf();
    momentResults.set(c, due);
  }
  momentNs += now() - t0;
  momentCount += group.length;
}
// Agreement where both compute the same thing: countries the policy keeps on 09:00–17:00 local time
// (not US/CA, JP, AT: their own hours), against the core's business-hours candidate.
const hoursOf = (country) =>
  azurePolicy.businessHours.find((entry) => entry.countries !== '*' && entry.countries.includes(country)) ??
  azurePolicy.businessHours.find((entry) => entry.countries === '*');
const nineToFive = (country) => {
  const hours = hoursOf(country);
  return hours.opens === '09:00' && hours.closes === '17:00' && hours.timeZone === 'local';
};
for (const [c, due] of momentResults) {
  if (!nineToFive(c.input.country)) continue;
  const e = evaluate(c.input, c.at, azurePolicy);
  if (!e.ok) continue;
  const a = e.assessment;
  const business =
    a.coverage === 'business-hours'
      ? a.deadline
      : a.alternative?.coverage === 'business-hours'
        ? a.alternative.deadline
        : null;
  if (business === null) continue;
  momentCompared++;
  if (business === due) momentAgree++;
  else
    momentFirstDisagreement ??= {
      input: c.input,
      core: new Date(business).toISOString(),
      momentBusinessTime: new Date(due).toISOString(),
    };
}
const momentUs = Number(momentNs) / 1000 / momentCount;
t = now();
for (let r = 0; r < 20; r++) runAll(momentSample);
const coreOnMomentSampleUs = (ms(now() - t) * 1000) / (20 * momentSample.length);

// ---------------------------------------------------------------------------------------------
// Report

const corePerEvalUs = 1e6 / evaluationsPerSecond;
const results = {
  date: new Date().toISOString(),
  node: process.version,
  cpu: os.cpus()[0]?.model ?? null,
  cpus: os.cpus().length,
  cases: CASES,
  countries: new Set(COUNTRIES.map((c) => c.country)).size,
  coverageMix,
  core: {
    warmupPassMs: round(warmupMs),
    passMs: passMs.map((x) => round(x)),
    evaluationsPerSecond: Math.round(evaluationsPerSecond),
    bestEvaluationsPerSecond: Math.round(CASES / (bestPassMs / 1000)),
    latencySingleCallUs: {
      p50: round(quantile(single, 0.5), 3),
      p90: round(quantile(single, 0.9), 3),
      p99: round(quantile(single, 0.99), 3),
      p999: round(quantile(single, 0.999), 3),
      max: round(single[single.length - 1], 3),
      timerOverheadP50: round(quantile(timer, 0.5), 3),
    },
    latencyBatchMeanUs: {
      batch: LATENCY_BATCH,
      p50: round(quantile(batches, 0.5), 3),
      p99: round(quantile(batches, 0.99), 3),
      max: round(batches[batches.length - 1], 3),
    },
  },
  memory: {
    heapBeforeWarmupMiB: round(heapBeforeWarmup),
    heapAfterWarmupMiB: round(heapAfterWarmup),
    heapAfterEachFurtherYearMiB: heapYears,
    heapAfterYearsMiB: heapAfterYears,
    growthMiB: round(heapAfterYears - heapAfterWarmup),
    growthPerFurtherYearMiB: round((heapAfterYears - heapAfterWarmup) / YEARS_FURTHER, 3),
    evaluationsInFurtherYears: CASES * YEARS_FURTHER,
  },
  naive: {
    sample: `every ${NAIVE_EVERY}th case (${naiveSample.length} cases)`,
    perEvaluationUs: round(naiveUs, 1),
    evaluationsPerSecond: Math.round(1e6 / naiveUs),
    coreOnSamePerEvaluationUs: round(coreOnNaiveSampleUs, 3),
    coreTimesFaster: round(naiveUs / coreOnNaiveSampleUs, 1),
    disagreements: naiveDisagreements,
    firstDisagreement: naiveFirstDisagreement,
  },
  momentBusinessTime: {
    sample: `every ${MOMENT_EVERY}th case (${momentCount} cases), addWorkingTime(target, 'minutes') only`,
    perAddUs: round(momentUs, 2),
    addsPerSecond: Math.round(1e6 / momentUs),
    coreOnSamePerEvaluationUs: round(coreOnMomentSampleUs, 3),
    coreTimesFaster: round(momentUs / coreOnMomentSampleUs, 1),
    comparedWithCoreBusinessCandidate: momentCompared,
    agreeWithCore: momentAgree,
    firstDisagreement: momentFirstDisagreement,
  },
  aims: {
    evaluationsPerSecond: {
      aim: AIMS.evaluationsPerSecond,
      met: evaluationsPerSecond >= AIMS.evaluationsPerSecond,
    },
    timesNaive: { aim: AIMS.timesNaive, met: naiveUs / coreOnNaiveSampleUs >= AIMS.timesNaive },
    aheadOfMomentBusinessTime: { met: momentUs / coreOnMomentSampleUs > AIMS.timesMomentBusinessTime },
  },
  totalSeconds: 0,
};
results.totalSeconds = round(ms(now() - started) / 1000, 1);

const row = (name, value, note = '') => `  ${name.padEnd(44)} ${String(value).padStart(14)}  ${note}`;
const yes = (b) => (b ? 'met' : 'NOT met');
log('');
log('  measure                                             value  note');
log(`  ${'-'.repeat(96)}`);
log(
  row(
    'core evaluations/s (median of 5 passes)',
    results.core.evaluationsPerSecond.toLocaleString('en'),
    `aim >= 200,000: ${yes(results.aims.evaluationsPerSecond.met)}; best pass ${results.core.bestEvaluationsPerSecond.toLocaleString('en')}/s`,
  ),
);
log(
  row(
    'core mean per evaluation (us)',
    round(corePerEvalUs, 3),
    `warm-up pass ${results.core.warmupPassMs} ms for 100k`,
  ),
);
log(
  row(
    'core p50 / p99 per call, timed singly (us)',
    `${results.core.latencySingleCallUs.p50} / ${results.core.latencySingleCallUs.p99}`,
    `p99.9 ${results.core.latencySingleCallUs.p999}, max ${results.core.latencySingleCallUs.max}; timer alone p50 ${results.core.latencySingleCallUs.timerOverheadP50}`,
  ),
);
log(
  row(
    'core p50 / p99 of 100-call batch means (us)',
    `${results.core.latencyBatchMeanUs.p50} / ${results.core.latencyBatchMeanUs.p99}`,
    'per evaluation, timer overhead amortised',
  ),
);
log(
  row(
    'heap after warm-up (MiB)',
    results.memory.heapAfterWarmupMiB,
    `before warm-up ${results.memory.heapBeforeWarmupMiB} (the 100k cases themselves)`,
  ),
);
log(
  row(
    `heap after ${YEARS_FURTHER} more years (MiB)`,
    results.memory.heapAfterYearsMiB,
    `growth ${results.memory.growthMiB} MiB over ${(CASES * YEARS_FURTHER).toLocaleString('en')} evaluations`,
  ),
);
log(row('  per further year (MiB)', '', heapYears.join(' ')));
log(
  row(
    'naive reference per evaluation (us)',
    results.naive.perEvaluationUs,
    `${results.naive.sample}; ${results.naive.evaluationsPerSecond}/s`,
  ),
);
log(
  row(
    'core vs naive (same cases)',
    `${results.naive.coreTimesFaster}x`,
    `aim >= 50x: ${yes(results.aims.timesNaive.met)}; disagreements ${naiveDisagreements}/${naiveSample.length}`,
  ),
);
log(
  row(
    'moment-business-time per add (us)',
    results.momentBusinessTime.perAddUs,
    `${results.momentBusinessTime.sample}; ${results.momentBusinessTime.addsPerSecond.toLocaleString('en')}/s`,
  ),
);
log(
  row(
    'core (full evaluate) vs moment-business-time',
    `${results.momentBusinessTime.coreTimesFaster}x`,
    `ahead: ${yes(results.aims.aheadOfMomentBusinessTime.met)}; same business deadline ${momentAgree}/${momentCompared}`,
  ),
);
log(`  ${'-'.repeat(96)}`);
log(`  coverage mix: ${JSON.stringify(coverageMix)}; total ${results.totalSeconds} s`);
if (naiveFirstDisagreement) log(`  first core/naive disagreement: ${JSON.stringify(naiveFirstDisagreement)}`);
if (momentFirstDisagreement)
  log(`  e.g. core vs moment-business-time: ${JSON.stringify(momentFirstDisagreement)}`);

const dir = join(here, 'results');
mkdirSync(dir, { recursive: true });
const json = `${JSON.stringify(results, null, 2)}\n`;
writeFileSync(join(dir, `bench-${results.date.replace(/[:.]/g, '-')}.json`), json);
writeFileSync(join(dir, 'latest.json'), json);
log(`  results written to bench/results/latest.json${sink === 0.5 ? '' : ''}`);
