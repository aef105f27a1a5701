// Picks the store from DATABASE_URL: unset or sqlite: → SQLite file, postgres(ql):// → PostgreSQL.
import { openPostgresStore } from './postgres.js';
import { defaultSqlitePath, openSqliteStore } from './sqlite.js';
import type { Store } from './store.js';

export interface OpenStoreOptions {
  /** Postgres pool size per process. */
  poolSize?: number;
  /** SQLite lock wait. */
  busyTimeoutMs?: number;
  onError?: (error: Error) => void;
}

export type StoreTarget = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };

/**
 * `undefined`/'' → ./data/sla-bot.db; `sqlite:PATH`, `sqlite://PATH` (so `sqlite:///abs/x.db` is
 * absolute) or `sqlite::memory:`; `postgres://…`/`postgresql://…` → Postgres. Anything else throws.
 */
export function parseDatabaseUrl(databaseUrl: string | undefined): StoreTarget {
  const url = databaseUrl?.trim() ?? '';
  if (url === '') return { kind: 'sqlite', path: defaultSqlitePath };
  if (/^postgres(ql)?:\/\//i.test(url)) return { kind: 'postgres', url };
  if (/^sqlite:/i.test(url)) {
    const rest = url.slice('sqlite:'.length);
    const path = rest.startsWith('//') ? rest.slice(2) : rest;
    if (path === '')
      throw new Error('DATABASE_URL: sqlite: needs a file path, e.g. sqlite:./data/sla-bot.db');
    return { kind: 'sqlite', path };
  }
  throw new Error(
    'DATABASE_URL: expected postgres://user:pass@host:5432/db or sqlite:./data/sla-bot.db (or unset for SQLite)',
  );
}

export function openStore(databaseUrl: string | undefined, opts: OpenStoreOptions = {}): Store {
  const target = parseDatabaseUrl(databaseUrl);
  if (target.kind === 'postgres') {
    return openPostgresStore({ url: target.url, poolSize: opts.poolSize, onError: opts.onError });
  }
  return openSqliteStore({ path: target.path, busyTimeoutMs: opts.busyTimeoutMs });
}
