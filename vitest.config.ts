import { defineConfig } from 'vitest/config';

// The core and the command line run twice, under two process time zones far apart: nothing may
// depend on the server's own zone. Everything else runs once.
const zoneSensitive = ['test/sla/**/*.test.ts', 'test/cli/**/*.test.ts'];

export default defineConfig({
  test: {
    pool: 'forks',
    testTimeout: 30_000,
    // CLI and server tests run bin/sla-bot, which runs dist/: built first when stale.
    globalSetup: ['test/cli/build-dist.ts'],
    hookTimeout: 120_000,
    projects: [
      { extends: true, test: { name: 'tz-utc', include: zoneSensitive, env: { TZ: 'UTC' } } },
      { extends: true, test: { name: 'tz-auckland', include: zoneSensitive, env: { TZ: 'Pacific/Auckland' } } },
      { extends: true, test: { name: 'rest', include: ['test/**/*.test.ts'], exclude: zoneSensitive, env: { TZ: 'UTC' } } },
    ],
  },
});
