// The kill test's server: the real server, compiled, on the database and stand-ins the environment
// names, with its dispatcher running. It prints READY and runs until it is killed.
// Usage: node kill-child.mjs <compiled root>
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [root] = process.argv.slice(2);
const { startServer } = await import(pathToFileURL(join(root, 'src/server.js')).href);
const { PLATFORMS } = await import(pathToFileURL(join(root, 'adapters/index.js')).href);
const server = await startServer({ env: process.env, platforms: PLATFORMS });
process.stdout.write(`READY ${server.url}\n`);
setInterval(() => {}, 1 << 30);
