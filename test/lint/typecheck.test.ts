import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, test } from 'vitest';

// The whole tree, tests and benches included, type-checked as part of `npm test` (the build checks
// only src/ and adapters/): a finding fails this test and is printed, the rest of the suite still runs.
test('tsc finds no type error in src, adapters, test and bench', () => {
  const root = join(import.meta.dirname, '../..');
  const run = spawnSync(join(root, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.json', '--noEmit'], {
    cwd: root,
    encoding: 'utf8',
  });
  if (run.status !== 0) console.error(run.stdout, run.stderr);
  expect(run.status).toBe(0);
}, 120_000);
