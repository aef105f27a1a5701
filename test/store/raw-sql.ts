// Plain SQL against a test database, beside the store: to write rows as an older version of the
// store did, and to read what the store keeps without adding test-only methods to it.
import Database from 'better-sqlite3';
import pg from 'pg';
import { numbered } from '../../src/store/sql.js';

export type RawRow = Record<string, unknown>;

/** Runs one statement (`?` placeholders) and returns its rows. */
export type RawSql = (sql: string, params?: unknown[]) => Promise<RawRow[]>;

export function sqliteRaw(path: string): RawSql {
  return async (sql, params = []) => {
    const db = new Database(path);
    try {
      const statement = db.prepare(sql);
      if (statement.reader) return statement.all(...params) as RawRow[];
      statement.run(...params);
      return [];
    } finally {
      db.close();
    }
  };
}

export function postgresRaw(url: string): RawSql {
  return async (sql, params = []) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query(numbered(sql), params)).rows as RawRow[];
    } finally {
      await client.end();
    }
  };
}
