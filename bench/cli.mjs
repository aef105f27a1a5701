// The command line as users run it (issue 13): `npm run bench:cli`.
//
//   1. The 100k realistic mix (bench/cli-mix.mjs) through the real `bin/sla-bot evaluate` process,
//      against the I/O floor (bench/cli-floor.mjs: read, JSON.parse, write a typical answer) measured
//      in the same run, alternating, median of RUNS each; lines/s and the ratio to the floor.
//      The same again on the mix twice over: the second copy needs no new holiday years, zone tables or
//      calendars, so the difference is the cost of a line once those are built (the marginal ratio).
//   2. The output compared byte for byte with the checksum committed in bench/cli-checksum.json
//      (`--record` writes it anew, e.g. after a deliberate change of the rules).
//   3. Cold starts: `node -e 0`, `bin/sla-bot deadline …` and `evaluate` on one line, each a new
//      process, median of STARTS.
//
// BENCH_LINES=2000 makes a quick smoke run (the checksum is then not compared). Results go to stdout
// and to bench/results/cli-latest.json (git-ignored).

import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mixLines } from './cli-mix.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const BIN = join(here, '..', 'bin', 'sla-bot');
const FLOOR = join(here, 'cli-floor.mjs');
const CPU = join(here, 'cli-cpu.mjs');
const CHECKSUM = join(here, 'cli-checksum.json');
const FULL = 100_000;
const LINES = Number(process.env.BENCH_LINES ?? FULL);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const STARTS = Number(process.env.BENCH_STARTS ?? 7);
const record = process.argv.includes('--record');
const AIMS = { timesFloor: 2, linesPerSecond: 100_000, coldStartMs: 150 };

const scratch = join(os.tmpdir(), `sla-bot-bench-cli-${process.pid}`);
mkdirSync(scratch, { recursive: true });
const mixFile = join(scratch, 'mix.ndjson');
const mix = mixLines(LINES);
writeFileSync(mixFile, mix);
const doubleFile = join(scratch, 'mix-twice.ndjson');
writeFileSync(doubleFile, mix + mix);

/**
 * Runs a Node script with stdin from a file and stdout to a file (or nowhere): its wall time in ms, and
 * its CPU time (bench/cli-cpu.mjs) kept in `cpu` under the same label.
 */
const cpu = new Map();
function timed(label, args, inputFile, outputFile) {
  const command = process.execPath;
  args = ['--import', CPU, ...args];
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(command, args, { stdio: ['pipe', outputFile ? 'pipe' : 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    if (outputFile) child.stdout.pipe(createWriteStream(outputFile));
    if (inputFile) createReadStream(inputFile).pipe(child.stdin);
    else child.stdin.end();
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const cpuMs = Number(/cpu-ms ([\d.]+)/.exec(stderr)?.[1]);
      cpu.set(label, [...(cpu.get(label) ?? []), cpuMs]);
      if (code === 0) resolve(ms);
      else reject(new Error(`${command} ${args.join(' ')} exited ${code}: ${stderr.slice(0, 500)}`));
    });
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (x, digits = 0) => Number(x.toFixed(digits));
const sha256 = (file) => createHash('sha256').update(readFileSync(file)).digest('hex');

// 1. Throughput against the floor, alternating so both see the same machine.
const outputFile = join(scratch, 'out.ndjson');
const floorMs = [];
const evaluateMs = [];
await timed('warm-up', [BIN, 'evaluate'], mixFile, null); // fills Node's compile cache
for (let run = 0; run < RUNS; run++) {
  floorMs.push(await timed('floor', [FLOOR], mixFile, join(scratch, 'floor.ndjson')));
  evaluateMs.push(await timed('evaluate', [BIN, 'evaluate'], mixFile, outputFile));
}
const floor = median(floorMs);
const evaluate = median(evaluateMs);
const floorTwiceMs = [];
const evaluateTwiceMs = [];
for (let run = 0; run < RUNS; run++) {
  floorTwiceMs.push(await timed('floorTwice', [FLOOR], doubleFile, null));
  evaluateTwiceMs.push(await timed('evaluateTwice', [BIN, 'evaluate'], doubleFile, null));
}
const cpuOf = (label) => median(cpu.get(label));
const marginalEvaluate = median(evaluateTwiceMs) - evaluate;
const marginalFloor = median(floorTwiceMs) - floor;
const marginalEvaluateCpu = cpuOf('evaluateTwice') - cpuOf('evaluate');
const marginalFloorCpu = cpuOf('floorTwice') - cpuOf('floor');

// 2. Byte for byte.
const output = { lines: readFileSync(outputFile, 'utf8').split('\n').length - 1, sha256: sha256(outputFile) };
const input = { lines: LINES, sha256: sha256(mixFile) };
let comparison = 'not compared (not the full mix)';
let same = true;
if (LINES === FULL) {
  const expected = JSON.parse(readFileSync(CHECKSUM, 'utf8'));
  if (record) {
    writeFileSync(CHECKSUM, `${JSON.stringify({ input, output }, null, 2)}\n`);
    comparison = 'recorded';
  } else if (expected.input.sha256 !== input.sha256) {
    comparison = 'the mix itself changed (bench/cases.mjs?): compare with a baseline, then --record';
    same = false;
  } else {
    same = expected.output.sha256 === output.sha256;
    comparison = same ? 'identical' : `DIFFERENT from ${expected.output.sha256}`;
  }
}

// 3. Cold starts, each a new process.
const ONE_LINE = join(scratch, 'one.ndjson');
writeFileSync(
  ONE_LINE,
  '{"id":1,"plan":"premier","severity":"A","country":"NL","openedAt":"2026-03-27T10:00:00+01:00","at":"2026-03-27T10:30:00+01:00"}\n',
);
const DEADLINE = ['deadline', '--plan', 'premier', '--severity', 'A', '--country', 'DE', '--language', 'de'];
const starts = { nodeAlone: [], deadline: [], evaluateOneLine: [] };
for (let run = 0; run < STARTS; run++) {
  starts.nodeAlone.push(await timed('nodeAlone', ['-e', '0'], null, null));
  starts.deadline.push(await timed('deadline', [BIN, ...DEADLINE, '--opened', 'now'], null, null));
  starts.evaluateOneLine.push(await timed('evaluateOneLine', [BIN, 'evaluate'], ONE_LINE, null));
}
rmSync(scratch, { recursive: true, force: true });

const results = {
  date: new Date().toISOString(),
  node: process.version,
  cpu: os.cpus()[0]?.model ?? null,
  cpus: os.cpus().length,
  loadAverage: os.loadavg().map((x) => round(x, 2)),
  lines: LINES,
  evaluate: {
    runsMs: evaluateMs.map((x) => round(x)),
    medianMs: round(evaluate),
    linesPerSecond: round(LINES / (evaluate / 1000)),
  },
  floor: {
    runsMs: floorMs.map((x) => round(x)),
    medianMs: round(floor),
    linesPerSecond: round(LINES / (floor / 1000)),
  },
  timesFloor: round(evaluate / floor, 2),
  cpuTime: {
    evaluateMs: round(cpuOf('evaluate')),
    floorMs: round(cpuOf('floor')),
    timesFloor: round(cpuOf('evaluate') / cpuOf('floor'), 2),
    marginalTimesFloor: round(marginalEvaluateCpu / marginalFloorCpu, 2),
  },
  marginal: {
    evaluateTwiceMs: evaluateTwiceMs.map((x) => round(x)),
    floorTwiceMs: floorTwiceMs.map((x) => round(x)),
    evaluateLinesPerSecond: round(LINES / (marginalEvaluate / 1000)),
    timesFloor: round(marginalEvaluate / marginalFloor, 2),
  },
  output: { ...output, comparison },
  coldStartMs: Object.fromEntries(
    Object.entries(starts).map(([name, xs]) => [
      name,
      { median: round(median(xs)), cpuMedian: round(cpuOf(name)), runs: xs.map((x) => round(x)) },
    ]),
  ),
};
results.aims = {
  timesFloor: { aim: AIMS.timesFloor, met: results.timesFloor <= AIMS.timesFloor },
  linesPerSecond: { aim: AIMS.linesPerSecond, met: results.evaluate.linesPerSecond >= AIMS.linesPerSecond },
  coldStart: {
    aimMs: AIMS.coldStartMs,
    met:
      results.coldStartMs.deadline.median < AIMS.coldStartMs &&
      results.coldStartMs.evaluateOneLine.median < AIMS.coldStartMs,
  },
};

const yes = (met) => (met ? 'met' : 'NOT met');
const row = (name, value, note = '') => `  ${name.padEnd(38)} ${String(value).padStart(12)}  ${note}`;
console.log(
  `sla-bot command-line benchmark — node ${process.version}, ${results.cpu}, ${results.cpus} cpus, load ${results.loadAverage.join(' ')}`,
);
console.log(
  row(
    `evaluate, ${LINES.toLocaleString('en')} lines (median ms)`,
    results.evaluate.medianMs,
    `${results.evaluate.linesPerSecond.toLocaleString('en')} lines/s; runs ${results.evaluate.runsMs.join(', ')}`,
  ),
);
console.log(
  row(
    'I/O floor, same lines (median ms)',
    results.floor.medianMs,
    `${results.floor.linesPerSecond.toLocaleString('en')} lines/s; runs ${results.floor.runsMs.join(', ')}`,
  ),
);
console.log(
  row(
    'evaluate / floor',
    `${results.timesFloor}x`,
    `aim <= 2x: ${yes(results.aims.timesFloor.met)}; >= 100,000 lines/s: ${yes(results.aims.linesPerSecond.met)}`,
  ),
);
console.log(
  row(
    'marginal: the next lines / floor',
    `${results.marginal.timesFloor}x`,
    `${results.marginal.evaluateLinesPerSecond.toLocaleString('en')} lines/s once holidays, zones and calendars are built`,
  ),
);
console.log(
  row(
    'CPU time: evaluate / floor',
    `${results.cpuTime.timesFloor}x`,
    `${results.cpuTime.evaluateMs} / ${results.cpuTime.floorMs} ms; marginal ${results.cpuTime.marginalTimesFloor}x (less disturbed by other work)`,
  ),
);
console.log(row('output byte for byte', output.sha256.slice(0, 12), comparison));
for (const [name, value] of Object.entries(results.coldStartMs))
  console.log(
    row(
      `cold start ${name} (median ms)`,
      value.median,
      `CPU ${value.cpuMedian} ms; runs ${value.runs.join(', ')}`,
    ),
  );
console.log(row('cold start aim', '< 150 ms', yes(results.aims.coldStart.met)));

const dir = join(here, 'results');
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, 'cli-latest.json'), `${JSON.stringify(results, null, 2)}\n`);
if (!same) process.exitCode = 1;
