import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// The core and the command line run twice, under two process time zones far apart: nothing may
// depend on the server's own zone. Everything else runs once.
const zoneSensitive = ['test/sla/**/*.test.ts', 'test/cli/**/*.test.ts'];

// `vitest --mode quick` (npm run test:quick): a developer's loop without the long property runs, the
// end-to-end suites over HTTP, and the crash and replica tests.
const slow = [
  'test/sla/properties.test.ts',
  'test/e2e/**',
  'test/reminders/crash.test.ts',
  'test/reminders/concurrency.test.ts',
];

export default defineConfig(({ mode }) => {
  const skipped = mode === 'quick' ? slow : [];
  return {
    test: {
      // dist/ rebuilt when a source is newer: process tests never run stale code.
      globalSetup: ['test/cli/build-dist.ts'],
      pool: 'forks',
      // Twice the cores: most files wait on stand-ins that answer in seconds, as the real services
      // do, so they overlap well (on 2 cores the suite took 490 s with one worker, 180 s with four).
      maxWorkers: Math.max(4, availableParallelism() * 2),
      testTimeout: 30_000,
      hookTimeout: 120_000,
      projects: [
        {
          extends: true,
          test: { name: 'tz-utc', include: zoneSensitive, exclude: skipped, env: { TZ: 'UTC' } },
        },
        {
          extends: true,
          test: { name: 'tz-auckland', include: zoneSensitive, exclude: skipped, env: { TZ: 'Pacific/Auckland' } },
        },
        {
          extends: true,
          test: {
            name: 'rest',
            include: ['test/**/*.test.ts'],
            exclude: [...zoneSensitive, ...skipped],
            env: { TZ: 'UTC' },
          },
        },
      ],
    },
  };
});
