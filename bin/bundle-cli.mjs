// Bundles the short commands (deadline, evaluate, tickets, help) into dist/src/cli.bundle.js after
// `tsc`, so they start fast: one file, compiled once into Node's compile cache. Packages stay outside
// it and load from node_modules (date-holidays only when the generated country table cannot answer).
// `serve` keeps running the modules in dist/ as they are. Run by `npm run build`; bin/sla-bot falls
// back to dist/src/cli.js when the bundle is missing or older than it.

import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = fileURLToPath(new URL('../dist/src/cli.js', import.meta.url));
const bundle = fileURLToPath(new URL('../dist/src/cli.bundle.js', import.meta.url));

let build;
try {
  ({ build } = await import('rolldown'));
} catch {
  process.stderr.write('rolldown is not installed (a dev dependency): sla-bot runs unbundled.\n');
  process.exit(0);
}
await build({
  input: entry,
  platform: 'node',
  logLevel: 'warn',
  external: (id) => id.startsWith('node:') || /serve-command\.js$/.test(id) || !/^[./]/.test(id),
  output: {
    file: bundle,
    format: 'esm',
    codeSplitting: false,
    sourcemap: true,
    charset: 'ascii',
    comments: false,
  },
});
if (statSync(bundle).mtimeMs < statSync(entry).mtimeMs) throw new Error(`${bundle} was not written`);
