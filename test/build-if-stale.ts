// vitest's global setup: the CLI and server process tests run the compiled program in dist/, so it is
// built again first whenever a source is newer than the last build. No test runs stale code, and a
// loop of single test files pays for the build only after an edit.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const marker = join(root, 'dist', '.built');
const SOURCES = ['src', 'adapters', 'tsconfig.json', 'tsconfig.build.json'];

function newest(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

export default function buildIfStale(): void {
  const built = existsSync(marker) ? statSync(marker).mtimeMs : 0;
  if (Math.max(...SOURCES.map((source) => newest(join(root, source)))) < built) return;
  const run = spawnSync(join(root, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.build.json'], {
    cwd: root,
    encoding: 'utf8',
  });
  if (run.status !== 0)
    throw new Error(`the build failed, so the tests would run stale code:\n${run.stdout}${run.stderr}`);
  writeFileSync(marker, new Date().toISOString());
}
