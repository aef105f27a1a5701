// Database rows (snake_case, driver types) to domain records. Postgres returns BIGINT as strings
// and JSONB already parsed; SQLite returns numbers and JSON text. The `JsonDecoder` hides that.
import { isNoticeKind, NOTICE_KINDS, readNotice } from '../reminders/notices.js';
import type {
  CaseEvent,
  CaseRecord,
  CaseSource,
  CaseState,
  ReminderRow,
  ReminderState,
  StoredInput,
} from './records.js';
import type { CaseChange, ClaimedReminder, StoreStats } from './store.js';

export type Row = Record<string, unknown>;
export type JsonDecoder = (value: unknown) => unknown;

export const decodeJsonText: JsonDecoder = (value) => (value == null ? null : JSON.parse(String(value)));
export const decodeJsonNative: JsonDecoder = (value) => value ?? null;

/** JSON parameters go in as text for both drivers (pg would turn a JS array into a SQL array). */
export function encodeJson(value: unknown): string {
  return JSON.stringify(value ?? null);
}

function str(row: Row, column: string): string {
  const v = row[column];
  if (typeof v !== 'string') throw new Error(`store: column ${column} is not text`);
  return v;
}

function strOrNull(row: Row, column: string): string | null {
  return row[column] == null ? null : str(row, column);
}

function num(row: Row, column: string): number {
  const v = Number(row[column]);
  if (row[column] == null || !Number.isFinite(v)) throw new Error(`store: column ${column} is not a number`);
  return v;
}

function numOrNull(row: Row, column: string): number | null {
  return row[column] == null ? null : num(row, column);
}

function object(decode: JsonDecoder, row: Row, column: string): Record<string, unknown> {
  const v = decode(row[column]);
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

/**
 * A stored input whose required fields have their JSON types is taken as it is (fields added later
 * by the core survive); anything else reads as an input the core refuses, so the case is listed as
 * one that no longer evaluates instead of breaking whoever reads it.
 */
function storedInput(value: unknown): StoredInput {
  if (isStoredInput(value)) return value;
  return { plan: '', severity: '', country: '', openedAt: '' };
}

function isStoredInput(value: unknown): value is StoredInput {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const { plan, severity, country, openedAt } = value as Record<string, unknown>;
  return (
    typeof plan === 'string' &&
    typeof severity === 'string' &&
    typeof country === 'string' &&
    (typeof openedAt === 'string' || typeof openedAt === 'number')
  );
}

export function toCase(row: Row, decode: JsonDecoder): CaseRecord {
  return {
    id: str(row, 'id'),
    tenantId: str(row, 'tenant_id'),
    platform: str(row, 'platform'),
    channelId: str(row, 'channel_id'),
    conversation: decode(row.conversation),
    caseNumber: str(row, 'case_number'),
    title: str(row, 'title'),
    input: storedInput(decode(row.input)),
    openedBy: str(row, 'opened_by'),
    openedByLocale: str(row, 'opened_by_locale'),
    state: str(row, 'state') as CaseState,
    respondedAt: numOrNull(row, 'responded_at'),
    deadline: numOrNull(row, 'deadline'),
    flag: strOrNull(row, 'flag'),
    createdAt: num(row, 'created_at'),
    updatedAt: num(row, 'updated_at'),
    version: num(row, 'version'),
    ...(row.open_key == null ? {} : { openKey: str(row, 'open_key') }),
    ...sourceOf(decode(row.source)),
  };
}

/** A stored source of the shape we write; anything else (a row from a newer version) is left out. */
function sourceOf(value: unknown): { source?: CaseSource } {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return {};
  const { kind, ticketNumber, resourceId, microsoft } = value as Record<string, unknown>;
  if (kind !== 'azure' || typeof ticketNumber !== 'string' || typeof resourceId !== 'string') return {};
  if (microsoft === null || typeof microsoft !== 'object') return {};
  const clock = microsoft as Record<string, unknown>;
  const instant = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  return {
    source: {
      kind,
      ticketNumber,
      resourceId,
      microsoft: {
        startTime: instant(clock.startTime),
        deadline: instant(clock.deadline),
        slaMinutes: instant(clock.slaMinutes),
      },
    },
  };
}

export function toEvent(row: Row, decode: JsonDecoder): CaseEvent {
  return {
    id: num(row, 'id'),
    caseId: str(row, 'case_id'),
    tenantId: str(row, 'tenant_id'),
    at: num(row, 'at'),
    actor: str(row, 'actor'),
    kind: str(row, 'kind'),
    data: object(decode, row, 'data'),
  };
}

export function toReminder(row: Row, decode: JsonDecoder): ReminderRow {
  return {
    id: str(row, 'id'),
    caseId: str(row, 'case_id'),
    tenantId: str(row, 'tenant_id'),
    // Checked on the way back in: a row that is not one of ours is delivered as a failure, never guessed.
    notice: readNotice(str(row, 'kind'), decode(row.payload)),
    dueAt: num(row, 'due_at'),
    key: str(row, 'key'),
    state: str(row, 'state') as ReminderState,
    attempts: num(row, 'attempts'),
    nextAttemptAt: numOrNull(row, 'next_attempt_at'),
    claimedBy: strOrNull(row, 'claimed_by'),
    leaseUntil: numOrNull(row, 'lease_until'),
    lastError: strOrNull(row, 'last_error'),
    sentAt: numOrNull(row, 'sent_at'),
    uncertain: Number(row.uncertain ?? 0) === 1,
  };
}

/** Claimed rows come back in no particular order from RETURNING: oldest due first. */
export function byDue(a: ReminderRow, b: ReminderRow): number {
  return a.dueAt - b.dueAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export interface StatsRows {
  openCases: Row | undefined;
  byState: Row[];
  oldest: Row | undefined;
}

export function toStats({ openCases, byState, oldest }: StatsRows, now: number): StoreStats {
  const count = (state: string) => Number(byState.find((r) => r.state === state)?.n ?? 0);
  const due = oldest?.due == null ? null : Number(oldest.due);
  return {
    openCases: Number(openCases?.n ?? 0),
    remindersPending: count('pending'),
    remindersSent: count('sent'),
    remindersFailed: count('failed'),
    oldestDueLagMs: due === null ? 0 : Math.max(0, now - due),
  };
}

/**
 * Checks that planned rows belong to the case (the store does not trust the caller's ids) and
 * drops repeated keys, first wins, so one INSERT never meets the same key twice.
 */
export function plannedRows(tenantId: string, caseId: string, rows: readonly ReminderRow[]): ReminderRow[] {
  const seen = new Map<string, ReminderRow>();
  for (const r of rows) {
    if (r.tenantId !== tenantId || r.caseId !== caseId) {
      throw new Error(`store: reminder ${r.key} does not belong to case ${caseId} of tenant ${tenantId}`);
    }
    if (!seen.has(r.key)) seen.set(r.key, r);
  }
  return [...seen.values()];
}

/**
 * The pending rows a change cancels: planned rows whose key is not in the new plan (a kind we do not
 * know counts as planned, so it goes), and older rows of a kind where the latest one wins.
 */
export function staleRows(
  pending: readonly Row[],
  plan: readonly ReminderRow[],
  notices: readonly ReminderRow[],
): string[] {
  const planned = new Set(plan.map((r) => r.key));
  const latest = new Map<string, Set<string>>();
  for (const r of notices) {
    const kind = r.notice.kind;
    if (kind === 'unreadable' || NOTICE_KINDS[kind].lifecycle !== 'latest') continue;
    latest.set(kind, (latest.get(kind) ?? new Set()).add(r.key));
  }
  const stale: string[] = [];
  for (const row of pending) {
    const kind = String(row.kind);
    const key = String(row.key);
    const lifecycle = isNoticeKind(kind) ? NOTICE_KINDS[kind].lifecycle : 'planned';
    const superseded = latest.get(kind);
    if ((lifecycle === 'planned' && !planned.has(key)) || (superseded && !superseded.has(key)))
      stale.push(String(row.id));
  }
  return stale;
}

/**
 * The rows a batch of new cases writes once the cases themselves are in (`written`: their ids):
 * every event, and every reminder and notice, each checked to belong to its case.
 */
export function newCaseRows(changes: readonly CaseChange[], written: ReadonlySet<string>) {
  const events: CaseEvent[] = [];
  const reminders: ReminderRow[] = [];
  for (const { record, event, plan, notices } of changes) {
    if (!written.has(record.id)) continue;
    if (event) events.push(event);
    reminders.push(...plannedRows(record.tenantId, record.id, [...plan, ...notices]));
  }
  return { events, reminders };
}

/** Splits rows for multi-row INSERTs. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Pairs each reminder with its case; a case of another tenant is never handed out. */
export function attachCases(reminders: ReminderRow[], cases: CaseRecord[]): ClaimedReminder[] {
  const byId = new Map(cases.map((c) => [c.id, c]));
  return reminders.map((reminder) => {
    const c = byId.get(reminder.caseId);
    return { reminder, caseRecord: c && c.tenantId === reminder.tenantId ? c : null };
  });
}
