// The Azure watcher's storage in SQL, the same for SQLite and PostgreSQL: each method is one
// statement (an upsert whose WHERE decides, a guarded UPDATE), so it is atomic on either database
// without a transaction, also with several replicas on one PostgreSQL.
import { encodeJson, type JsonDecoder, type Row } from './rows.js';
import type { Claim, TicketLink, Watch, WatchStore } from './watches.js';

/** What the statements need from a dialect: `?` placeholders, rows back, changed-row counts. */
export interface SqlRunner {
  all(sql: string, params: unknown[]): Promise<Row[]>;
  run(sql: string, params: unknown[]): Promise<number>;
  readonly decode: JsonDecoder;
}

const listWatches = 'SELECT * FROM azure_watches ORDER BY tenant_id, subscription_id';
// A watch moved to another channel keeps when it started and how far discovery got.
const upsertWatch = `INSERT INTO azure_watches
  (tenant_id, subscription_id, platform, channel_id, conversation, locale, since)
  VALUES (?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (tenant_id, subscription_id) DO UPDATE SET platform = excluded.platform,
    channel_id = excluded.channel_id, conversation = excluded.conversation, locale = excluded.locale
  RETURNING *`;
const readCursor = `SELECT discovered_until FROM azure_watches WHERE tenant_id = ? AND subscription_id = ?`;
const advanceCursor = `UPDATE azure_watches SET discovered_until = ?
  WHERE tenant_id = ? AND subscription_id = ? AND (discovered_until IS NULL OR discovered_until < ?)`;
const takePoll = `INSERT INTO azure_poll_leases (key, holder, lease_until) VALUES (?, ?, ?)
  ON CONFLICT (key) DO UPDATE SET holder = excluded.holder, lease_until = excluded.lease_until
  WHERE azure_poll_leases.holder = excluded.holder OR azure_poll_leases.lease_until <= ?`;
const releasePoll = 'DELETE FROM azure_poll_leases WHERE key = ? AND holder = ?';
// A claim is a ticket row of version 0; it can be taken over once its lease ran out, never once linked.
const takeClaim = `INSERT INTO azure_tickets (tenant_id, resource_id, version, claim_holder, claim_until)
  VALUES (?, ?, 0, ?, ?)
  ON CONFLICT (tenant_id, resource_id) DO UPDATE SET claim_holder = excluded.claim_holder,
    claim_until = excluded.claim_until
  WHERE azure_tickets.version = 0
    AND (azure_tickets.claim_holder = excluded.claim_holder OR azure_tickets.claim_until <= ?)`;
const ticketVersion = 'SELECT version FROM azure_tickets WHERE tenant_id = ? AND resource_id = ?';
const readLink = 'SELECT * FROM azure_tickets WHERE tenant_id = ? AND resource_id = ? AND version > 0';
const linkColumns =
  'subscription_id, name, number, case_id, problem, severity, responded_at, closed, checked_modified, checked_at';
const insertLink = `INSERT INTO azure_tickets (tenant_id, resource_id, ${linkColumns}, version)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
  ON CONFLICT (tenant_id, resource_id) DO UPDATE SET ${linkColumns
    .split(', ')
    .map((column) => `${column} = excluded.${column}`)
    .join(', ')}, version = 1, claim_holder = NULL, claim_until = NULL
  WHERE azure_tickets.version = 0`;
const updateLink = `UPDATE azure_tickets SET ${linkColumns
  .split(', ')
  .map((column) => `${column} = ?`)
  .join(', ')}, version = ? WHERE tenant_id = ? AND resource_id = ? AND version = ?`;
const openLinks = `SELECT * FROM azure_tickets WHERE tenant_id = ? AND subscription_id = ?
  AND version > 0 AND closed = 0 AND case_id IS NOT NULL ORDER BY resource_id`;

export function sqlWatchStore(db: SqlRunner): WatchStore {
  return {
    async watches() {
      return (await db.all(listWatches, [])).map((row) => toWatch(row, db.decode));
    },
    async addWatch(watch) {
      const [row] = await db.all(upsertWatch, [
        watch.tenantId,
        watch.subscriptionId.toLowerCase(),
        watch.platform,
        watch.channelId,
        watch.conversation === null || watch.conversation === undefined
          ? null
          : encodeJson(watch.conversation),
        watch.locale,
        watch.since,
      ]);
      if (!row) throw new Error('store: the watch was not written');
      return toWatch(row, db.decode);
    },
    async cursor(tenantId, subscriptionId) {
      const [row] = await db.all(readCursor, [tenantId, subscriptionId.toLowerCase()]);
      return numberOrNull(row?.discovered_until);
    },
    async advanceCursor(tenantId, subscriptionId, createdAt) {
      await db.run(advanceCursor, [createdAt, tenantId, subscriptionId.toLowerCase(), createdAt]);
    },
    async leasePoll(key, holder, now, leaseMs) {
      return (await db.run(takePoll, [key, holder, now + leaseMs, now])) === 1;
    },
    async releasePoll(key, holder) {
      await db.run(releasePoll, [key, holder]);
    },
    async claimTicket(tenantId, resourceId, holder, now, leaseMs): Promise<Claim> {
      const id = resourceId.toLowerCase();
      if ((await db.run(takeClaim, [tenantId, id, holder, now + leaseMs, now])) === 1) return 'claimed';
      const [row] = await db.all(ticketVersion, [tenantId, id]);
      return Number(row?.version ?? 0) > 0 ? 'linked' : 'busy';
    },
    async link(tenantId, resourceId) {
      const [row] = await db.all(readLink, [tenantId, resourceId.toLowerCase()]);
      return row ? toLink(row) : null;
    },
    async saveLink(link, expectedVersion) {
      const id = link.ticket.resourceId.toLowerCase();
      if (expectedVersion === null)
        return (await db.run(insertLink, [link.tenantId, id, ...linkValues(link)])) === 1;
      const params = [...linkValues(link), expectedVersion + 1, link.tenantId, id, expectedVersion];
      return (await db.run(updateLink, params)) === 1;
    },
    async openLinks(tenantId, subscriptionId) {
      return (await db.all(openLinks, [tenantId, subscriptionId.toLowerCase()])).map(toLink);
    },
  };
}

function linkValues(link: TicketLink): unknown[] {
  return [
    link.ticket.subscriptionId.toLowerCase(),
    link.ticket.name,
    link.ticket.number,
    link.caseId,
    link.problem,
    link.severity,
    link.respondedAt,
    link.closed ? 1 : 0,
    link.checkedModified,
    link.checkedAt,
  ];
}

function toWatch(row: Row, decode: JsonDecoder): Watch {
  return {
    tenantId: text(row.tenant_id),
    subscriptionId: text(row.subscription_id),
    platform: text(row.platform),
    channelId: text(row.channel_id),
    conversation: decode(row.conversation),
    locale: text(row.locale),
    since: Number(row.since),
  };
}

function toLink(row: Row): TicketLink {
  return {
    tenantId: text(row.tenant_id),
    ticket: {
      subscriptionId: text(row.subscription_id),
      name: text(row.name),
      resourceId: text(row.resource_id),
      number: text(row.number),
    },
    caseId: textOrNull(row.case_id),
    problem: textOrNull(row.problem),
    severity: textOrNull(row.severity),
    respondedAt: numberOrNull(row.responded_at),
    closed: Number(row.closed) === 1,
    checkedModified: numberOrNull(row.checked_modified),
    checkedAt: numberOrNull(row.checked_at),
    version: Number(row.version),
  };
}

function text(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}

function textOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

/** PostgreSQL hands BIGINT back as text. */
function numberOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}
