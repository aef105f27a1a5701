// The crash test's victim: claims one batch from a SQLite file and posts it. The first `okPosts`
// posts succeed (logged to `logFile`, then marked sent); the next one hangs and prints STUCK, and
// the parent kills this process with SIGKILL mid-batch.
// Usage: node crash-child.mjs <compiled root> <db path> <now ms> <okPosts> <logFile>
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [root, dbPath, nowText, okText, logFile] = process.argv.slice(2);
const load = (file) => import(pathToFileURL(join(root, file)).href);
const { openStore } = await load('src/store/open.js');
const { createDispatcher } = await load('src/reminders/dispatcher.js');
const { CaseService } = await load('src/cases/service.js');

const okPosts = Number(okText);
let calls = 0;
const notifier = {
  platform: 'slack',
  perChannelIntervalMs: 0,
  hasThread: () => true,
  postCard: async () => ({}),
  updateCard: async () => {},
  async post({ reminder }) {
    calls += 1;
    if (calls > okPosts) {
      process.stdout.write('STUCK\n');
      return new Promise(() => {});
    }
    appendFileSync(logFile, `${reminder.id}\n`);
  },
};
const quiet = { info() {}, warn() {}, error() {} };
const store = openStore(`sqlite:${dbPath}`);
const clock = { now: () => Number(nowText) };
const dispatcher = createDispatcher({
  store,
  notifiers: { slack: notifier },
  cases: new CaseService({ store, clock, reminders: [] }),
  clock,
  owner: 'child',
  batchSize: 10,
  leaseMs: 60_000,
  postTimeoutMs: 3_600_000,
  logger: quiet,
});
setInterval(() => {}, 60_000); // stay alive while the hung post waits for the kill
await dispatcher.tick();
