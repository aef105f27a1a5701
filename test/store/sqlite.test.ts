import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDatabaseUrl } from '../../src/store/open.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { sqliteRaw } from './raw-sql.js';
import { storeSuite } from './store-suite.js';

let dir = '';
let n = 0;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sla-bot-sqlite-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('SQLite store', () => {
  storeSuite(async () => {
    const path = join(dir, `db-${++n}`, 'sla-bot.db'); // the directory does not exist yet: the store makes it
    return { open: () => openSqliteStore({ path }), sql: sqliteRaw(path) };
  });
});

describe('DATABASE_URL', () => {
  it('picks SQLite by default and for sqlite: URLs, Postgres for postgres URLs', () => {
    expect(parseDatabaseUrl(undefined)).toEqual({ kind: 'sqlite', path: './data/sla-bot.db' });
    expect(parseDatabaseUrl(' ')).toEqual({ kind: 'sqlite', path: './data/sla-bot.db' });
    expect(parseDatabaseUrl('sqlite:./x/y.db')).toEqual({ kind: 'sqlite', path: './x/y.db' });
    expect(parseDatabaseUrl('sqlite:///var/lib/sla.db')).toEqual({ kind: 'sqlite', path: '/var/lib/sla.db' });
    expect(parseDatabaseUrl('sqlite::memory:')).toEqual({ kind: 'sqlite', path: ':memory:' });
    expect(parseDatabaseUrl('postgres://u@h/db')).toEqual({ kind: 'postgres', url: 'postgres://u@h/db' });
    expect(parseDatabaseUrl('postgresql://u@h/db').kind).toBe('postgres');
    expect(() => parseDatabaseUrl('mysql://u@h/db')).toThrow(/DATABASE_URL/);
    expect(() => parseDatabaseUrl('sqlite:')).toThrow(/file path/);
  });
});
