// One behavioural suite for every Store implementation, in three parts. The harness hands out
// stores on a fresh, empty database; `open()` again gives another connection to the same database.
import { afterEach } from 'vitest';
import type { Store } from '../../src/store/store.js';
import type { RawSql } from './raw-sql.js';
import { caseTests } from './suite-cases.js';
import { reminderTests } from './suite-reminders.js';
import { upkeepTests } from './suite-upkeep.js';
import { watchTests } from './suite-watches.js';
import { type TestStore, testStore } from './test-store.js';

export interface StoreHarness {
  open(): Store;
  /** Plain SQL on the same database. */
  readonly sql: RawSql;
}

export interface SuiteContext {
  /** A fresh, empty database; `open()` again is another connection to it. */
  harness(): Promise<{ open(): TestStore; readonly sql: RawSql }>;
  /** A store on a fresh database with every migration applied. */
  migrated(): Promise<TestStore>;
}

export function storeSuite(fresh: () => Promise<StoreHarness>): void {
  const opened: Store[] = [];
  afterEach(async () => {
    await Promise.allSettled(opened.splice(0).map((s) => s.close()));
  });
  const track = (s: Store) => {
    opened.push(s);
    return s;
  };
  const harness = async () => {
    const h = await fresh();
    return { open: () => testStore(track(h.open()), h.sql), sql: h.sql };
  };
  const ctx: SuiteContext = {
    harness,
    migrated: async () => {
      const s = (await harness()).open();
      await s.migrate();
      return s;
    },
  };
  caseTests(ctx);
  reminderTests(ctx);
  upkeepTests(ctx);
  watchTests(ctx);
}
