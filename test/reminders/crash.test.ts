// A dispatcher process killed with SIGKILL mid-batch loses nothing: once its lease expires a fresh
// dispatcher delivers the rest, and every reminder is posted exactly once.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher, type Dispatcher } from '../../src/reminders/dispatcher.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { makeCase, makeReminder, minute, T0 } from '../store/fixtures.js';
import { sqliteRaw } from '../store/raw-sql.js';
import { testStore } from '../store/test-store.js';
import { caseViewer, memoryLogger, recordingNotifier, tempSqliteStore, testClock } from './harness.js';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..', '..');
// Inside the repo so that the child resolves better-sqlite3 from node_modules.
const compiled = join(repo, 'node_modules', '.cache', 'sla-bot-crash-test');

beforeAll(() => {
  const tsc = spawnSync(
    process.execPath,
    [join(repo, 'node_modules/typescript/bin/tsc'), '-p', join(here, 'tsconfig.crash.json')],
    {
      encoding: 'utf8',
    },
  );
  if (tsc.status !== 0) throw new Error(`compiling for the crash child failed:\n${tsc.stdout}${tsc.stderr}`);
  // The compiled files are ESM; outside a package scope Node would read them as CommonJS.
  writeFileSync(join(compiled, 'package.json'), '{ "type": "module" }\n');
  expect(existsSync(join(compiled, 'src/reminders/dispatcher.js'))).toBe(true);
}, 60_000);

let child: ChildProcess | undefined;
// Run even when an assertion fails: no orphan child, no open database, no temp dir left behind.
const cleanups: Array<() => unknown> = [];
afterAll(async () => {
  child?.kill('SIGKILL');
  for (const cleanup of cleanups.reverse()) await cleanup();
});

function waitForLine(proc: ChildProcess, line: string, ms: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(
      () => reject(new Error(`no ${line} from the child in ${ms} ms: ${out}${err}`)),
      ms,
    );
    proc.stderr?.on('data', (d: Buffer) => {
      err += d.toString();
    });
    proc.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes(line)) {
        clearTimeout(timer);
        resolve();
      }
    });
    proc.once('exit', (code) => reject(new Error(`child exited (${code}) before ${line}: ${out}${err}`)));
  });
}

async function drain(d: Dispatcher): Promise<void> {
  while ((await d.tick()) > 0);
}

describe('crash mid-batch', () => {
  it('redelivers what a SIGKILLed dispatcher held once its lease expires, each reminder once', async () => {
    const { store, path, dispose } = await tempSqliteStore();
    cleanups.push(dispose);
    const held = makeCase();
    const other = makeCase();
    const heldRows = Array.from({ length: 10 }, (_, i) =>
      makeReminder(held, `r${i}`, T0 - (20 - i) * minute),
    );
    const otherRows = Array.from({ length: 5 }, (_, i) =>
      makeReminder(other, `r${i}`, T0 - (5 - i) * minute),
    );
    for (const [c, rows] of [
      [held, heldRows],
      [other, otherRows],
    ] as const) {
      await store.insertCase(c, rows);
    }
    const logFile = `${path}.child-posts`;
    writeFileSync(logFile, '');

    child = spawn(
      process.execPath,
      [join(here, 'crash-child.mjs'), compiled, path, String(T0), '3', logFile],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    await waitForLine(child, 'STUCK', 20_000);
    const exited = new Promise((resolve) => child?.once('exit', resolve));
    child.kill('SIGKILL');
    expect(await exited).toBeNull(); // exit code null: killed by the signal

    const childPosts = readFileSync(logFile, 'utf8').split('\n').filter(Boolean);
    expect(childPosts).toEqual(heldRows.slice(0, 3).map((r) => r.id));
    const afterCrash = await store.listReminders(held.tenantId, held.id);
    expect(afterCrash.filter((r) => r.state === 'sent')).toHaveLength(3);
    expect(afterCrash.filter((r) => r.state === 'pending' && r.claimedBy === 'child')).toHaveLength(7);

    // A restart on a fresh connection: the dead process's lease still holds, so only the rest goes out.
    const restarted = testStore(openSqliteStore({ path }), sqliteRaw(path));
    cleanups.push(() => restarted.close());
    const clock = testClock(T0 + 1000);
    const slack = recordingNotifier('slack');
    const dispatcher = createDispatcher({
      store: restarted,
      notifiers: { slack },
      cases: caseViewer(restarted, clock),
      clock,
      owner: 'restart',
      logger: memoryLogger(),
    });
    await drain(dispatcher);
    expect(slack.posts.map((p) => p.reminderId).sort()).toEqual(otherRows.map((r) => r.id).sort());
    clock.set(T0 + 60_000 + 1);
    await drain(dispatcher);

    const everyPost = [...childPosts, ...slack.posts.map((p) => p.reminderId)];
    const all = [...heldRows, ...otherRows].map((r) => r.id);
    expect([...everyPost].sort()).toEqual([...all].sort()); // every reminder, none twice
    for (const c of [held, other]) {
      expect((await restarted.listReminders(c.tenantId, c.id)).every((r) => r.state === 'sent')).toBe(true);
    }
  }, 60_000);
});
