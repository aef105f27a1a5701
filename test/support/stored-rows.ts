// The reminder rows a running server stored, read beside it with plain SQL (the store has no
// test-only reads).
import type { RunningServer } from '../../src/server.js';
import { parseDatabaseUrl } from '../../src/store/open.js';
import type { ReminderRow } from '../../src/store/records.js';
import { postgresRaw, type RawSql, sqliteRaw } from '../store/raw-sql.js';
import { testStore } from '../store/test-store.js';

export function rawSqlOf(server: RunningServer): RawSql {
  const target = parseDatabaseUrl(server.config.databaseUrl);
  return target.kind === 'sqlite' ? sqliteRaw(target.path) : postgresRaw(target.url);
}

export function storedReminders(
  server: RunningServer,
  tenantId: string,
  caseId: string,
): Promise<ReminderRow[]> {
  return testStore(server.store, rawSqlOf(server)).listReminders(tenantId, caseId);
}
