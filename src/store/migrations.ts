// One ordered list of migrations for both dialects. Never edit a released migration: add one.
import type { Dialect, MigrationStatus } from './store.js';

interface ColumnTypes {
  json: string;
  serialKey: string;
}

const types: Record<Dialect, ColumnTypes> = {
  // TEXT keeps JSON byte-exact in SQLite (other affinities would turn "5" into the number 5).
  sqlite: { json: 'TEXT', serialKey: 'INTEGER PRIMARY KEY AUTOINCREMENT' },
  postgres: { json: 'JSONB', serialKey: 'BIGSERIAL PRIMARY KEY' },
};

export interface Migration {
  id: number;
  name: string;
  sql(t: ColumnTypes): string;
}

export const migrations: readonly Migration[] = [
  {
    id: 1,
    name: 'core tables',
    sql: (t) => `
      CREATE TABLE cases (
        id TEXT PRIMARY KEY,
        tenant_id TEXT NOT NULL,
        platform TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        conversation ${t.json},
        case_number TEXT NOT NULL,
        title TEXT NOT NULL,
        input ${t.json} NOT NULL,
        opened_by TEXT NOT NULL,
        opened_by_locale TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('open', 'responded', 'closed')),
        responded_at BIGINT,
        deadline BIGINT,
        flag TEXT,
        created_at BIGINT NOT NULL,
        updated_at BIGINT NOT NULL,
        version INTEGER NOT NULL
      );
      CREATE TABLE case_events (
        id ${t.serialKey},
        case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        tenant_id TEXT NOT NULL,
        at BIGINT NOT NULL,
        actor TEXT NOT NULL,
        kind TEXT NOT NULL,
        data ${t.json} NOT NULL
      );
      CREATE TABLE reminders (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        tenant_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        due_at BIGINT NOT NULL,
        key TEXT NOT NULL UNIQUE,
        payload ${t.json} NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('pending', 'sent', 'failed', 'cancelled')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at BIGINT,
        claimed_by TEXT,
        lease_until BIGINT,
        last_error TEXT,
        sent_at BIGINT
      );`,
  },
  {
    id: 2,
    name: 'indexes and dedup',
    sql: () => `
      CREATE INDEX cases_by_number ON cases (tenant_id, channel_id, case_number);
      CREATE INDEX cases_by_deadline ON cases (tenant_id, deadline);
      CREATE INDEX case_events_by_case ON case_events (tenant_id, case_id, at);
      CREATE INDEX reminders_by_case ON reminders (case_id, state);
      -- Claiming touches only what is pending, so its cost does not grow with history.
      CREATE INDEX reminders_due ON reminders (due_at) WHERE state = 'pending';
      CREATE TABLE dedup (
        key TEXT PRIMARY KEY,
        seen_at BIGINT NOT NULL
      );
      CREATE INDEX dedup_by_seen ON dedup (seen_at);`,
  },
  {
    id: 3,
    name: 'installations',
    sql: (t) => `
      CREATE TABLE installations (
        platform TEXT NOT NULL,
        key TEXT NOT NULL,
        data ${t.json} NOT NULL,
        PRIMARY KEY (platform, key)
      );`,
  },
  {
    id: 4,
    name: 'reminder kinds without their label',
    // The kind column holds the notice's kind only; the label ('fraction:0.5') stays in the key.
    sql: () => `
      UPDATE reminders SET kind = 'fraction' WHERE kind LIKE 'fraction:%';
      UPDATE reminders SET kind = 'before' WHERE kind LIKE 'before:%';
      UPDATE reminders SET kind = 'warning' WHERE kind LIKE 'warning:%';`,
  },
  {
    id: 5,
    name: 'reminders whose earlier attempt may have posted',
    sql: () => `ALTER TABLE reminders ADD COLUMN uncertain INTEGER NOT NULL DEFAULT 0;`,
  },
  {
    id: 6,
    name: 'one case per tenant and open key',
    // NULL keys never collide, in SQLite and PostgreSQL alike: cases opened without a key are not limited.
    sql: () => `
      ALTER TABLE cases ADD COLUMN open_key TEXT;
      CREATE UNIQUE INDEX cases_by_open_key ON cases (tenant_id, open_key);`,
  },
  {
    id: 7,
    name: 'azure ticket watches and the source of a case',
    // A ticket row of version 0 is only a claim (a replica opening its case); a link starts at 1.
    sql: (t) => `
      ALTER TABLE cases ADD COLUMN source ${t.json};
      CREATE TABLE azure_watches (
        tenant_id TEXT NOT NULL,
        subscription_id TEXT NOT NULL,
        platform TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        conversation ${t.json},
        locale TEXT NOT NULL,
        since BIGINT NOT NULL,
        discovered_until BIGINT,
        PRIMARY KEY (tenant_id, subscription_id)
      );
      CREATE TABLE azure_poll_leases (
        key TEXT PRIMARY KEY,
        holder TEXT NOT NULL,
        lease_until BIGINT NOT NULL
      );
      CREATE TABLE azure_tickets (
        tenant_id TEXT NOT NULL,
        resource_id TEXT NOT NULL,
        subscription_id TEXT,
        name TEXT,
        number TEXT,
        case_id TEXT,
        problem TEXT,
        severity TEXT,
        responded_at BIGINT,
        closed INTEGER NOT NULL DEFAULT 0,
        checked_modified BIGINT,
        checked_at BIGINT,
        version INTEGER NOT NULL,
        claim_holder TEXT,
        claim_until BIGINT,
        PRIMARY KEY (tenant_id, resource_id)
      );
      CREATE INDEX azure_tickets_open ON azure_tickets (tenant_id, subscription_id)
        WHERE version > 0 AND closed = 0 AND case_id IS NOT NULL;`,
  },
];

export const latestMigration = migrations.reduce((max, m) => Math.max(max, m.id), 0);

export const migrationsTableSql = `CREATE TABLE IF NOT EXISTS schema_migrations (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  applied_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
)`;

/** What each dialect provides: `apply` runs one migration in its own locked transaction. */
export interface MigrationDriver {
  readonly dialect: Dialect;
  ensureTable(): Promise<void>;
  /** Applied ids; empty when the migrations table does not exist yet. */
  applied(): Promise<number[]>;
  /** Applies the SQL and records the id in one transaction; false if it was already applied. */
  apply(id: number, name: string, sql: string): Promise<boolean>;
}

export async function runMigrations(driver: MigrationDriver, to = latestMigration): Promise<MigrationStatus> {
  await driver.ensureTable();
  for (const m of migrations) {
    if (m.id > to) break;
    await driver.apply(m.id, m.name, m.sql(types[driver.dialect]));
  }
  return migrationStatus(driver);
}

export async function migrationStatus(driver: MigrationDriver): Promise<MigrationStatus> {
  const applied = (await driver.applied()).sort((a, b) => a - b);
  const pending = migrations.map((m) => m.id).filter((id) => !applied.includes(id));
  return { applied, pending };
}
