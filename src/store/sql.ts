// SQL shared by both dialects, written with `?` placeholders (Postgres gets them numbered by `numbered`).
import { noticePayload } from '../reminders/notices.js';
import type { CaseEvent, CaseRecord, ReminderRow } from './records.js';
import { encodeJson } from './rows.js';
import type { CaseQuery, Retry } from './store.js';

export interface Query {
  sql: string;
  params: unknown[];
}

/** `?` → `$1, $2, …` for pg. Our statements have no `?` inside literals. */
export function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

const caseColumns =
  'id, tenant_id, platform, channel_id, conversation, case_number, title, input, opened_by, ' +
  'opened_by_locale, state, responded_at, deadline, flag, source, created_at, updated_at, version, open_key';
const caseRow = `(${Array(19).fill('?').join(', ')})`;

/** New cases; one whose open key the tenant already has is skipped. Answers the ids written. */
export function insertCases(count: number): string {
  return `INSERT INTO cases (${caseColumns}) VALUES ${Array(count).fill(caseRow).join(', ')}
  ON CONFLICT (tenant_id, open_key) DO NOTHING RETURNING id`;
}

/** Cases per INSERT: 19 parameters each, well under both drivers' limits. */
export const caseChunk = 500;

/** The values a case may change after it is created, in the column order both statements use. */
function changeableValues(r: CaseRecord): unknown[] {
  return [
    r.channelId,
    encodeJson(r.conversation),
    r.caseNumber,
    r.title,
    encodeJson(r.input),
    r.openedBy,
    r.openedByLocale,
    r.state,
    r.respondedAt,
    r.deadline,
    r.flag,
    r.source ? encodeJson(r.source) : null,
  ];
}

export function caseParams(r: CaseRecord): unknown[] {
  const { id, tenantId, platform, createdAt, updatedAt, version } = r;
  return [id, tenantId, platform, ...changeableValues(r), createdAt, updatedAt, version, r.openKey ?? null];
}

// id, tenant, platform and creation time never change.
export const updateCase = `UPDATE cases SET channel_id = ?, conversation = ?, case_number = ?, title = ?,
  input = ?, opened_by = ?, opened_by_locale = ?, state = ?, responded_at = ?, deadline = ?, flag = ?,
  source = ?, updated_at = ?, version = ? WHERE tenant_id = ? AND id = ? AND version = ?`;

export function updateCaseParams(r: CaseRecord, expectedVersion: number): unknown[] {
  return [...changeableValues(r), r.updatedAt, expectedVersion + 1, r.tenantId, r.id, expectedVersion];
}

export const getCase = 'SELECT * FROM cases WHERE tenant_id = ? AND id = ?';
export const caseExists = 'SELECT 1 AS one FROM cases WHERE tenant_id = ? AND id = ?';
export const findCaseByOpenKey = 'SELECT * FROM cases WHERE tenant_id = ? AND open_key = ?';
export const flagCase = `UPDATE cases SET flag = ?, updated_at = ?, version = version + 1
  WHERE tenant_id = ? AND id = ?`;
export const attachConversation = `UPDATE cases SET conversation = ?, updated_at = ?, version = version + 1
  WHERE tenant_id = ? AND id = ?`;

export function listCases(q: CaseQuery): Query {
  const where = ['tenant_id = ?'];
  const params: unknown[] = [q.tenantId];
  if (q.channelId !== undefined) {
    where.push('channel_id = ?');
    params.push(q.channelId);
  }
  if (q.openedBy !== undefined) {
    where.push('opened_by = ?');
    params.push(q.openedBy);
  }
  if (q.states !== undefined) {
    if (q.states.length === 0) where.push('1 = 0');
    else where.push(`state IN (${q.states.map(() => '?').join(', ')})`);
    params.push(...q.states);
  }
  const sql = `SELECT * FROM cases WHERE ${where.join(' AND ')} ORDER BY deadline ASC NULLS LAST, created_at, id`;
  return { sql, params };
}

export const insertEvent = `INSERT INTO case_events (case_id, tenant_id, at, actor, kind, data)
  VALUES (?, ?, ?, ?, ?, ?) RETURNING id`;
export function insertEvents(count: number): string {
  return `INSERT INTO case_events (case_id, tenant_id, at, actor, kind, data)
  VALUES ${Array(count).fill('(?, ?, ?, ?, ?, ?)').join(', ')}`;
}
export const listEvents = 'SELECT * FROM case_events WHERE tenant_id = ? AND case_id = ? ORDER BY at, id';

export const pendingKeys = `SELECT id, key, kind FROM reminders WHERE tenant_id = ? AND case_id = ? AND state = 'pending'`;
// The lease is kept so that a post already in flight can still record that it was sent.
export const cancelReminder = `UPDATE reminders SET state = 'cancelled', last_error = 'replanned'
  WHERE id = ? AND state = 'pending'`;
// A key planned again after being cancelled comes back to life (same case only); sent and failed stay.
export function insertReminders(count: number): string {
  const values = Array(count).fill("(?, ?, ?, ?, ?, ?, ?, 'pending', 0)").join(', ');
  return `INSERT INTO reminders (id, case_id, tenant_id, kind, due_at, key, payload, state, attempts)
  VALUES ${values}
  ON CONFLICT (key) DO UPDATE SET state = 'pending', payload = excluded.payload, attempts = 0,
    next_attempt_at = NULL, last_error = NULL
  WHERE reminders.state = 'cancelled' AND reminders.case_id = excluded.case_id`;
}

/** Rows per INSERT: well under both drivers' parameter limits. */
export const insertChunk = 500;

export function reminderParams(r: ReminderRow): unknown[] {
  const { notice } = r;
  if (notice.kind === 'unreadable') throw new Error(`store: reminder ${r.key} is not a notice`);
  return [r.id, r.caseId, r.tenantId, notice.kind, r.dueAt, r.key, encodeJson(noticePayload(notice))];
}

/** Postgres appends a row lock that skips rows another claimer holds. */
// A row still held by an owner whose lease ran out may have been posted by it: mark it uncertain.
export function claimDue(lockClause: string): string {
  return `UPDATE reminders SET claimed_by = ?, lease_until = ?, attempts = attempts + 1,
    uncertain = CASE WHEN claimed_by IS NOT NULL THEN 1 ELSE uncertain END
  WHERE id IN (SELECT id FROM reminders
    WHERE state = 'pending' AND due_at <= ? AND (next_attempt_at IS NULL OR next_attempt_at <= ?)
      AND (lease_until IS NULL OR lease_until < ?)
    ORDER BY due_at, id LIMIT ? ${lockClause})
  RETURNING *`;
}

export function claimParams(owner: string, now: number, leaseMs: number, limit: number): unknown[] {
  return [owner, now + leaseMs, now, now, now, limit];
}

export const markSent = `UPDATE reminders SET state = 'sent', sent_at = ?, lease_until = NULL
  WHERE id = ? AND claimed_by = ? AND state IN ('pending', 'cancelled')`;
// A try that never reached the platform (rate limited, thread not there yet) gives its attempt back.
export const markRetry = `UPDATE reminders SET next_attempt_at = ?, last_error = ?, claimed_by = NULL,
  lease_until = NULL, attempts = attempts - ?, uncertain = ?
  WHERE id = ? AND claimed_by = ? AND state = 'pending'`;

export function markRetryParams(id: string, owner: string, retry: Retry): unknown[] {
  const refund = retry.countsAsAttempt ? 0 : 1;
  return [retry.nextAttemptAt, retry.error, refund, retry.uncertain ? 1 : 0, id, owner];
}

/** The heartbeat of posts in flight: their leases outlive any post that is still running. */
export function extendLeases(count: number): string {
  return `UPDATE reminders SET lease_until = ?
  WHERE claimed_by = ? AND lease_until IS NOT NULL AND state IN ('pending', 'cancelled')
    AND id IN (${Array(count).fill('?').join(', ')})`;
}
export const markFailed = `UPDATE reminders SET state = 'failed', last_error = ?, lease_until = NULL
  WHERE id = ? AND claimed_by = ? AND state = 'pending'`;
export const markCancelled = `UPDATE reminders SET state = 'cancelled', last_error = ?, lease_until = NULL
  WHERE id = ? AND claimed_by = ? AND state = 'pending'`;

export const remember = 'INSERT INTO dedup (key, seen_at) VALUES (?, ?) ON CONFLICT (key) DO NOTHING';
export const forget = 'DELETE FROM dedup WHERE seen_at < ?';

export const saveInstallation = `INSERT INTO installations (platform, key, data) VALUES (?, ?, ?)
  ON CONFLICT (platform, key) DO UPDATE SET data = excluded.data`;
export const getInstallation = 'SELECT data FROM installations WHERE platform = ? AND key = ?';
export const deleteInstallation = 'DELETE FROM installations WHERE platform = ? AND key = ?';

export const countOpenCases = `SELECT COUNT(*) AS n FROM cases WHERE state = 'open'`;
export const countRemindersByState = 'SELECT state, COUNT(*) AS n FROM reminders GROUP BY state';
export function eventParams(e: CaseEvent): unknown[] {
  return [e.caseId, e.tenantId, e.at, e.actor, e.kind, encodeJson(e.data)];
}

export const oldestPendingDue = `SELECT MIN(due_at) AS due FROM reminders WHERE state = 'pending'`;
/** The next pending reminder to fall due after `now`: one step down the partial due index. */
export const nextPendingDue = `SELECT MIN(due_at) AS due FROM reminders WHERE state = 'pending' AND due_at > ?`;
