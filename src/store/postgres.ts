// The store for several replicas: PostgreSQL through a pg Pool. Claiming locks rows with
// FOR UPDATE SKIP LOCKED, so concurrent dispatchers never lease the same reminder.
import pg from 'pg';
import { type MigrationDriver, migrationStatus, migrationsTableSql, runMigrations } from './migrations.js';
import type { CaseRecord, ReminderRow } from './records.js';
import {
  attachCases,
  byDue,
  chunks,
  decodeJsonNative as decode,
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

export interface PostgresOptions {
  url: string;
  poolSize?: number;
  /** Errors of idle pooled connections (the next query reports its own failure). */
  onError?: (error: Error) => void;
}

type Queryable = pg.Pool | pg.PoolClient;

// Any fixed number: every replica must use the same one to serialize migrations.
const migrationLock = 5_141_807;

export function openPostgresStore(options: PostgresOptions): Store {
  const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
  pool.on('error', (error) => options.onError?.(error));

  const texts = new Map<string, string>();
  const text = (sql: string): string => {
    let t = texts.get(sql);
    if (t === undefined) {
      if (texts.size > 200) texts.clear(); // multi-row INSERTs vary in length: keep the cache bounded
      t = q.numbered(sql);
      texts.set(sql, t);
    }
    return t;
  };
  const all = async (sql: string, params: unknown[] = [], db: Queryable = pool) =>
    (await db.query(text(sql), params)).rows as Row[];
  const get = async (sql: string, params: unknown[] = [], db: Queryable = pool) =>
    (await all(sql, params, db))[0];
  const run = async (sql: string, params: unknown[] = [], db: Queryable = pool) =>
    (await db.query(text(sql), params)).rowCount ?? 0;

  async function transaction<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    let broken = false;
    try {
      await client.query('BEGIN');
      const result = await fn(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {
        broken = true; // a connection that cannot roll back is not handed out again
      });
      throw error;
    } finally {
      client.release(broken);
    }
  }

  const lockMigrations = (c: pg.PoolClient) => c.query('SELECT pg_advisory_xact_lock($1)', [migrationLock]);
  const driver: MigrationDriver = {
    dialect: 'postgres',
    ensureTable: () =>
      transaction(async (c) => {
        await lockMigrations(c);
        await c.query(migrationsTableSql);
      }),
    applied: async () => {
      const table = await get(`SELECT to_regclass('schema_migrations') AS t`);
      return table?.t ? (await all('SELECT id FROM schema_migrations')).map((r) => Number(r.id)) : [];
    },
    apply: (id, name, sql) =>
      transaction(async (c) => {
        await lockMigrations(c);
        if (await get('SELECT 1 AS one FROM schema_migrations WHERE id = ?', [id], c)) return false;
        await c.query(sql);
        await run('INSERT INTO schema_migrations (id, name) VALUES (?, ?)', [id, name], c);
        return true;
      }),
  };

  /** Inside a transaction: cancel the case's stale pending rows, insert the new ones. */
  async function replaceIn(
    c: pg.PoolClient,
    tenantId: string,
    caseId: string,
    plan: readonly ReminderRow[],
    notices: readonly ReminderRow[],
  ) {
    // Locking the case row serializes concurrent re-plans of the same case.
    if (!(await get(`${q.caseExists} FOR UPDATE`, [tenantId, caseId], c))) {
      throw new Error(`store: no case ${caseId} for tenant ${tenantId}`);
    }
    let cancelled = 0;
    for (const id of staleRows(await all(q.pendingKeys, [tenantId, caseId], c), plan, notices)) {
      cancelled += await run(q.cancelReminder, [id], c);
    }
    let inserted = 0;
    for (const part of chunks(plannedRows(tenantId, caseId, [...plan, ...notices]), q.insertChunk)) {
      inserted += await run(q.insertReminders(part.length), part.flatMap(q.reminderParams), c);
    }
    return { inserted, cancelled };
  }

  async function saveCase(change: CaseChange): Promise<boolean> {
    const { record, expectedVersion, event } = change;
    if (expectedVersion === null) return (await saveNewCases([change]))[0] === true;
    plannedRows(record.tenantId, record.id, [...change.plan, ...change.notices]); // refuse foreign rows early
    return transaction(async (c) => {
      if ((await run(q.updateCase, q.updateCaseParams(record, expectedVersion), c)) !== 1) return false;
      if (event) await get(q.insertEvent, q.eventParams(event), c);
      await replaceIn(c, record.tenantId, record.id, change.plan, change.notices);
      return true;
    });
  }

  /**
   * New cases in as few statements as the drivers allow. Another replica inserting the same open key
   * at the same moment makes ours wait for its commit, then skip: one case per key.
   */
  async function saveNewCases(changes: readonly CaseChange[]): Promise<boolean[]> {
    if (changes.length === 0) return [];
    newCaseRows(changes, new Set(changes.map((change) => change.record.id))); // refuse foreign rows early
    return transaction(async (c) => {
      const written = new Set<string>();
      for (const part of chunks(changes, q.caseChunk)) {
        const params = part.flatMap((change) => q.caseParams(change.record));
        for (const row of await all(q.insertCases(part.length), params, c)) written.add(String(row.id));
      }
      const { events, reminders } = newCaseRows(changes, written);
      for (const part of chunks(events, q.insertChunk))
        await run(q.insertEvents(part.length), part.flatMap(q.eventParams), c);
      for (const part of chunks(reminders, q.insertChunk))
        await run(q.insertReminders(part.length), part.flatMap(q.reminderParams), c);
      return changes.map((change) => written.has(change.record.id));
    });
  }

  const caseOrNull = (row: Row | undefined): CaseRecord | null => (row ? toCase(row, decode) : null);

  return {
    ...sqlWatchStore({
      all: (sql, params) => all(sql, params),
      run: (sql, params) => run(sql, params),
      decode,
    }),
    dialect: 'postgres',
    migrate: async (opts) => runMigrations(driver, opts?.to),
    migrationStatus: async () => migrationStatus(driver),
    ping: async () => void (await pool.query('SELECT 1')),
    close: async () => {
      if (pool.ended || pool.ending) return; // pg rejects a second end()
      await pool.end();
    },

    saveCase: (change) => saveCase(change),
    getCase: async (tenantId, id) => caseOrNull(await get(q.getCase, [tenantId, id])),
    saveNewCases: (changes) => saveNewCases(changes),
    findCaseByOpenKey: async (tenantId, openKey) =>
      caseOrNull(await get(q.findCaseByOpenKey, [tenantId, openKey])),
    listCases: async (query) => {
      const { sql, params } = q.listCases(query);
      return (await all(sql, params)).map((r) => toCase(r, decode));
    },
    flagCase: async (tenantId, caseId, flag, now) =>
      (await run(q.flagCase, [flag, now, tenantId, caseId])) === 1,
    attachConversation: async (tenantId, caseId, conversation, now) =>
      (await run(q.attachConversation, [encodeJson(conversation), now, tenantId, caseId])) === 1,

    listEvents: async (tenantId, caseId) =>
      (await all(q.listEvents, [tenantId, caseId])).map((r) => toEvent(r, decode)),

    claimDue: async ({ now, limit, owner, leaseMs }) => {
      const claimed = await all(
        q.claimDue('FOR UPDATE SKIP LOCKED'),
        q.claimParams(owner, now, leaseMs, limit),
      );
      const reminders = claimed.map((r) => toReminder(r, decode)).sort(byDue);
      const ids = [...new Set(reminders.map((r) => r.caseId))];
      const cases = ids.length ? await all('SELECT * FROM cases WHERE id = ANY(?::text[])', [ids]) : [];
      return attachCases(
        reminders,
        cases.map((r) => toCase(r, decode)),
      );
    },
    markSent: async (id, owner, now) => (await run(q.markSent, [now, id, owner])) === 1,
    extendLeases: async (ids, owner, leaseUntil) => {
      let extended = 0;
      for (const part of chunks(ids, q.insertChunk))
        extended += await run(q.extendLeases(part.length), [leaseUntil, owner, ...part]);
      return extended;
    },
    markRetry: async (id, owner, retry) =>
      (await run(q.markRetry, q.markRetryParams(id, owner, retry))) === 1,
    markFailed: async (id, owner, error) => (await run(q.markFailed, [error, id, owner])) === 1,
    markCancelled: async (id, owner, reason) => (await run(q.markCancelled, [reason, id, owner])) === 1,

    remember: async (key, now) => (await run(q.remember, [key, now])) === 1,
    forget: (before) => run(q.forget, [before]),

    saveInstallation: async (platform, key, json) =>
      void (await run(q.saveInstallation, [platform, key, encodeJson(json)])),
    getInstallation: async (platform, key) => {
      const row = await get(q.getInstallation, [platform, key]);
      return row ? decode(row.data) : null;
    },
    deleteInstallation: async (platform, key) => (await run(q.deleteInstallation, [platform, key])) === 1,

    nextDueAfter: async (now) => {
      const due = (await get(q.nextPendingDue, [now]))?.due;
      return due === null || due === undefined ? null : Number(due);
    },
    stats: async (now) => {
      const [openCases, byState, oldest] = await Promise.all([
        get(q.countOpenCases),
        all(q.countRemindersByState),
        get(q.oldestPendingDue),
      ]);
      return toStats({ openCases, byState, oldest }, now);
    },
  };
}
