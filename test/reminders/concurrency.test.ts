// Three dispatchers, one database, 10,000 due reminders: every reminder is posted exactly once.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher, type Dispatcher } from '../../src/reminders/dispatcher.js';
import type { Notifier } from '../../src/reminders/notifier.js';
import { openPostgresStore } from '../../src/store/postgres.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import type { Store } from '../../src/store/store.js';
import { makeCase, makeReminder, T0 } from '../store/fixtures.js';
import { describeWithPostgres } from '../support/postgres.js';
import { caseViewer, memoryLogger } from './harness.js';

const cases = 100;
const perCase = 100;

async function seed(store: Store): Promise<void> {
  for (let i = 0; i < cases; i++) {
    const c = makeCase();
    // Due instants interleave across cases, so every batch mixes cases.
    const rows = Array.from({ length: perCase }, (_, j) => makeReminder(c, `r${j}`, T0 - (j * cases + i)));
    await store.saveCase({ record: c, expectedVersion: null, event: null, plan: rows, notices: [] }, T0);
  }
}

/** Counts posts per reminder id; yields on every post so the dispatchers interleave. */
function countingNotifier(counts: Map<string, number>): Notifier {
  return {
    platform: 'slack',
    perChannelIntervalMs: 0,
    hasThread: () => true,
    postCard: async () => ({}),
    updateCard: async () => {},
    async post({ reminder: r }) {
      await new Promise((resolve) => setImmediate(resolve));
      counts.set(r.id, (counts.get(r.id) ?? 0) + 1);
    },
  };
}

async function race(stores: Store[]): Promise<{ counts: Map<string, number>; dispatchers: Dispatcher[] }> {
  const counts = new Map<string, number>();
  const dispatchers = stores.map((store, i) =>
    createDispatcher({
      store,
      notifiers: { slack: countingNotifier(counts) },
      cases: caseViewer(store),
      clock: { now: () => T0 },
      owner: `dispatcher-${i}`,
      logger: memoryLogger(),
    }),
  );
  await Promise.all(
    dispatchers.map(async (d) => {
      while ((await d.tick()) > 0);
    }),
  );
  return { counts, dispatchers };
}

async function expectEachPostedOnce(stores: Store[]): Promise<void> {
  const [first] = stores;
  if (!first) throw new Error('no store');
  await seed(first);
  const { counts, dispatchers } = await race(stores);
  const total = cases * perCase;
  expect(counts.size).toBe(total);
  expect([...counts.values()].every((n) => n === 1)).toBe(true);
  const sent = dispatchers.map((d) => d.stats().sent);
  expect(sent.reduce((a, b) => a + b, 0)).toBe(total);
  expect(await first.stats(T0)).toMatchObject({ remindersPending: 0, remindersSent: total });
  console.info(`posts per dispatcher: ${sent.join(', ')}`);
}

describeWithPostgres('three dispatchers on one PostgreSQL', (database) => {
  it('posts each of 10,000 due reminders exactly once', async () => {
    const url = await database();
    const stores = [0, 1, 2].map(() => openPostgresStore({ url, poolSize: 5 }));
    try {
      await stores[0]?.migrate();
      await expectEachPostedOnce(stores);
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  }, 120_000);
});

describe('three dispatchers on one SQLite file', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'sla-bot-race-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('posts each of 10,000 due reminders exactly once', async () => {
    const path = join(dir, 'sla-bot.db');
    const stores = [0, 1, 2].map(() => openSqliteStore({ path }));
    try {
      await stores[0]?.migrate();
      await expectEachPostedOnce(stores);
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  }, 120_000);
});
