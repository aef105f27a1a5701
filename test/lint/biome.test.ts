import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, test } from 'vitest';

// The one formatter and linter (biome.json) runs as part of `npm test`, warnings counted as errors: a finding fails this test
// and its report is printed, while the rest of the suite still runs and counts.
test('biome finds nothing to fix in the tree', () => {
  const root = join(import.meta.dirname, '../..');
  const run = spawnSync(join(root, 'node_modules/.bin/biome'), ['check', '--error-on-warnings', '.'], {
    cwd: root,
    encoding: 'utf8',
  });
  if (run.status !== 0) console.error(run.stdout, run.stderr);
  expect(run.status).toBe(0);
}, 60_000);
