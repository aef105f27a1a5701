// What tests need from a store beyond its roles, built on the store's own API and plain SQL so the
// store itself carries no test-only methods: seed a case with rows, re-plan it, read its rows.
import type { CaseEvent, CaseRecord, ReminderRow } from '../../src/store/records.js';
import type { JsonDecoder } from '../../src/store/rows.js';
import { toReminder } from '../../src/store/rows.js';
import type { Store } from '../../src/store/store.js';
import type { RawSql } from './raw-sql.js';

export interface TestStore extends Store {
  /** A new case, with these rows pending and this event recorded (one saveCase). */
  insertCase(record: CaseRecord, rows?: readonly ReminderRow[], event?: CaseEvent | null): Promise<void>;
  /** The case's plan replaced by `rows`, as a change to the case does (its version goes up by one). */
  replacePendingReminders(tenantId: string, caseId: string, rows: readonly ReminderRow[]): Promise<void>;
  /** Every row of the case, in due order. */
  listReminders(tenantId: string, caseId: string): Promise<ReminderRow[]>;
}

/** SQLite hands JSON back as text, PostgreSQL as values. */
const decode: JsonDecoder = (value) => (typeof value === 'string' ? JSON.parse(value) : (value ?? null));

export function testStore(store: Store, sql: RawSql): TestStore {
  return {
    ...store,
    async insertCase(record, rows = [], event = null) {
      await store.saveCase(
        { record, expectedVersion: null, event, plan: rows, notices: [] },
        record.createdAt,
      );
    },
    async replacePendingReminders(tenantId, caseId, rows) {
      const current = await store.getCase(tenantId, caseId);
      if (!current) throw new Error(`no case ${caseId} for tenant ${tenantId}`);
      const record = { ...current, version: current.version + 1 };
      const change = { record, expectedVersion: current.version, event: null, plan: rows, notices: [] };
      if (!(await store.saveCase(change, current.updatedAt)))
        throw new Error(`case ${caseId} changed meanwhile`);
    },
    async listReminders(tenantId, caseId) {
      const rows = await sql(
        'SELECT * FROM reminders WHERE tenant_id = ? AND case_id = ? ORDER BY due_at, id',
        [tenantId, caseId],
      );
      return rows.map((row) => toReminder(row, decode));
    },
  };
}
