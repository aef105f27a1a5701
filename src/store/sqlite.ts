// The default store: one SQLite file (WAL) through better-sqlite3. Calls are synchronous underneath,
// so each method runs to completion without interleaving; transactions are plain better-sqlite3 ones.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { type MigrationDriver, migrationStatus, migrationsTableSql, runMigrations } from './migrations.js';
import type { CaseRecord, ReminderRow } from './records.js';
import {
  attachCases,
  byDue,
  chunks,
  decodeJsonText as decode,
  encodeJson,
  newCaseRows,
  plannedRows,
  type Row,
  staleRows,
  toCase,
  toEvent,
  toReminder,
  toStats,
} from './rows.js';
import * as q from './sql.js';
import type { CaseChange, Store } from './store.js';
import { sqlWatchStore } from './watch-sql.js';

export const defaultSqlitePath = './data/sla-bot.db';

export interface SqliteOptions {
  /** File path, or ':memory:'. Default `./data/sla-bot.db`; the directory is created. */
  path?: string;
  /** How long a writer waits for another process's lock before failing. */
  busyTimeoutMs?: number;
}

export function openSqliteStore(options: SqliteOptions = {}): Store {
  const path = options.path ?? defaultSqlitePath;
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma(`busy_timeout = ${Math.trunc(options.busyTimeoutMs ?? 5000)}`);
  // NORMAL is durable against process crashes in WAL mode; only a power loss can drop the last commits.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');

  const cache = new Map<string, Database.Statement>();
  const stmt = (sql: string): Database.Statement => {
    let s = cache.get(sql);
    if (!s) {
      if (cache.size > 200) cache.clear(); // multi-row INSERTs vary in length: keep the cache bounded
      s = db.prepare(sql);
      cache.set(sql, s);
    }
    return s;
  };
  const all = (sql: string, params: unknown[] = []) => stmt(sql).all(...params) as Row[];
  const get = (sql: string, params: unknown[] = []) => stmt(sql).get(...params) as Row | undefined;
  const run = (sql: string, params: unknown[] = []) => stmt(sql).run(...params).changes;

  const driver: MigrationDriver = {
    dialect: 'sqlite',
    ensureTable: async () => void db.exec(migrationsTableSql),
    applied: async () => {
      const table = get(
        `SELECT 1 AS one FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'`,
      );
      return table ? all('SELECT id FROM schema_migrations').map((r) => Number(r.id)) : [];
    },
    apply: async (id, name, sql) =>
      db
        .transaction(() => {
          if (get('SELECT 1 AS one FROM schema_migrations WHERE id = ?', [id])) return false;
          db.exec(sql);
          run('INSERT INTO schema_migrations (id, name) VALUES (?, ?)', [id, name]);
          return true;
        })
        .immediate(),
  };

  // Inside `save`: cancel the case's stale pending rows, insert the new ones.
  const replace = db.transaction(
    (tenantId: string, caseId: string, plan: readonly ReminderRow[], notices: readonly ReminderRow[]) => {
      if (!get(q.caseExists, [tenantId, caseId]))
        throw new Error(`store: no case ${caseId} for tenant ${tenantId}`);
      let cancelled = 0;
      for (const id of staleRows(all(q.pendingKeys, [tenantId, caseId]), plan, notices)) {
        cancelled += run(q.cancelReminder, [id]);
      }
      let inserted = 0;
      for (const part of chunks(plannedRows(tenantId, caseId, [...plan, ...notices]), q.insertChunk)) {
        inserted += run(q.insertReminders(part.length), part.flatMap(q.reminderParams));
      }
      return { inserted, cancelled };
    },
  );

  const save = db.transaction((change: CaseChange) => {
    const { record, expectedVersion, event } = change;
    if (expectedVersion === null) return saveNew([change])[0] === true;
    if (run(q.updateCase, q.updateCaseParams(record, expectedVersion)) !== 1) return false;
    if (event) get(q.insertEvent, q.eventParams(event));
    replace(record.tenantId, record.id, change.plan, change.notices);
    return true;
  });

  /** New cases in as few statements as the drivers allow; a case whose open key exists is skipped. */
  const saveNew = db.transaction((changes: readonly CaseChange[]): boolean[] => {
    const written = new Set<string>();
    for (const part of chunks(changes, q.caseChunk)) {
      const params = part.flatMap((change) => q.caseParams(change.record));
      for (const row of all(q.insertCases(part.length), params)) written.add(String(row.id));
    }
    const { events, reminders } = newCaseRows(changes, written);
    for (const part of chunks(events, q.insertChunk))
      run(q.insertEvents(part.length), part.flatMap(q.eventParams));
    for (const part of chunks(reminders, q.insertChunk))
      run(q.insertReminders(part.length), part.flatMap(q.reminderParams));
    return changes.map((change) => written.has(change.record.id));
  });

  const claim = db.transaction((owner: string, now: number, leaseMs: number, limit: number) => {
    const reminders = all(q.claimDue(''), q.claimParams(owner, now, leaseMs, limit)).map((r) =>
      toReminder(r, decode),
    );
    const ids = [...new Set(reminders.map((r) => r.caseId))];
    const cases = ids.length
      ? all(`SELECT * FROM cases WHERE id IN (${ids.map(() => '?').join(', ')})`, ids).map((r) =>
          toCase(r, decode),
        )
      : [];
    return attachCases(reminders.sort(byDue), cases);
  });

  const watches = sqlWatchStore({
    all: async (sql, params) => all(sql, params),
    run: async (sql, params) => run(sql, params),
    decode,
  });

  return {
    ...watches,
    dialect: 'sqlite',
    migrate: async (opts) => runMigrations(driver, opts?.to),
    migrationStatus: async () => migrationStatus(driver),
    ping: async () => void get('SELECT 1 AS one'),
    close: async () => void (db.open && db.close()),

    saveCase: async (change) => save.immediate(change),
    getCase: async (tenantId, id) => maybeCase(get(q.getCase, [tenantId, id])),
    saveNewCases: async (changes) => (changes.length ? saveNew.immediate(changes) : []),
    findCaseByOpenKey: async (tenantId, openKey) => maybeCase(get(q.findCaseByOpenKey, [tenantId, openKey])),
    listCases: async (query) => {
      const { sql, params } = q.listCases(query);
      return all(sql, params).map((r) => toCase(r, decode));
    },
    flagCase: async (tenantId, caseId, flag, now) => run(q.flagCase, [flag, now, tenantId, caseId]) === 1,
    attachConversation: async (tenantId, caseId, conversation, now) =>
      run(q.attachConversation, [encodeJson(conversation), now, tenantId, caseId]) === 1,

    listEvents: async (tenantId, caseId) =>
      all(q.listEvents, [tenantId, caseId]).map((r) => toEvent(r, decode)),

    claimDue: async ({ now, limit, owner, leaseMs }) => claim.immediate(owner, now, leaseMs, limit),
    markSent: async (id, owner, now) => run(q.markSent, [now, id, owner]) === 1,
    extendLeases: async (ids, owner, leaseUntil) => {
      let extended = 0;
      for (const part of chunks(ids, q.insertChunk))
        extended += run(q.extendLeases(part.length), [leaseUntil, owner, ...part]);
      return extended;
    },
    markRetry: async (id, owner, retry) => run(q.markRetry, q.markRetryParams(id, owner, retry)) === 1,
    markFailed: async (id, owner, error) => run(q.markFailed, [error, id, owner]) === 1,
    markCancelled: async (id, owner, reason) => run(q.markCancelled, [reason, id, owner]) === 1,

    remember: async (key, now) => run(q.remember, [key, now]) === 1,
    forget: async (before) => run(q.forget, [before]),

    saveInstallation: async (platform, key, json) =>
      void run(q.saveInstallation, [platform, key, encodeJson(json)]),
    getInstallation: async (platform, key) => {
      const row = get(q.getInstallation, [platform, key]);
      return row ? decode(row.data) : null;
    },
    deleteInstallation: async (platform, key) => run(q.deleteInstallation, [platform, key]) === 1,

    nextDueAfter: async (now) => dueOrNull(get(q.nextPendingDue, [now])),
    stats: async (now) =>
      toStats(
        {
          openCases: get(q.countOpenCases),
          byState: all(q.countRemindersByState),
          oldest: get(q.oldestPendingDue),
        },
        now,
      ),
  };
}

function maybeCase(row: Row | undefined): CaseRecord | null {
  return row ? toCase(row, decode) : null;
}

function dueOrNull(row: Row | undefined): number | null {
  const due = row?.due;
  return due === null || due === undefined ? null : Number(due);
}
