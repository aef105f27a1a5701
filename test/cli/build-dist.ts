// Vitest global setup (vitest.config.ts): the CLI and server tests run bin/sla-bot, which runs dist/.
// When any source is newer than the last build, build first, so no test can run stale code; when
// nothing changed this is a scan of file times.
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Written last by `npm run build` (bin/bundle-cli.mjs), so its time is the build's. */
const STAMP = join(ROOT, 'dist/src/cli.bundle.js');
const SOURCES = ['src', 'adapters', 'tsconfig.json', 'tsconfig.build.json', 'bin/bundle-cli.mjs'];

export default function buildDist(): void {
  const built = modified(STAMP);
  const newest = Math.max(...SOURCES.map((source) => newestIn(join(ROOT, source))));
  if (built >= newest) return;
  process.stdout.write('dist/ is older than the sources: npm run build\n');
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
}

function modified(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return Number.NEGATIVE_INFINITY;
  }
}

function newestIn(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestIn(join(path, entry)));
  return newest;
}
