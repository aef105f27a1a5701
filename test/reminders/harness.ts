// Test doubles for the dispatcher: a settable clock, a notifier that records posts and can be told
// to fail, a logger that keeps its entries, and a migrated SQLite store in a temp dir.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CaseService } from '../../src/cases/service.js';
import type { CaseViewer } from '../../src/reminders/deliver.js';
import type { DispatcherLogger } from '../../src/reminders/dispatcher.js';
import type { Notifier, ThreadPost } from '../../src/reminders/notifier.js';
import type { Platform } from '../../src/store/records.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import type { Store } from '../../src/store/store.js';
import { labelOf, T0 } from '../store/fixtures.js';
import { sqliteRaw } from '../store/raw-sql.js';
import { type TestStore, testStore } from '../store/test-store.js';

export function testClock(start = T0) {
  let now = start;
  return {
    now: () => now,
    set: (t: number) => {
      now = t;
    },
    advance: (ms: number) => {
      now += ms;
    },
  };
}

export interface Post {
  caseId: string;
  reminderId: string;
  kind: string;
}

/** What the notifier does on a call: nothing (success), throw, or wait on a promise. */
export type Behaviour = (post: ThreadPost) => Promise<void> | void;

export interface RecordingNotifier extends Notifier {
  /** Tests of pacing set it. */
  perChannelIntervalMs: number;
  posts: Post[];
  /** Case ids whose card was posted, and updated. */
  cards: { posted: string[]; updated: string[] };
  /** Behaviours used in order, one per call; after them every post succeeds. */
  script: Behaviour[];
}

/**
 * Records what it posts. A case has a thread once its conversation is set; a posted card's
 * conversation is `{ card: <case id> }`. No pacing: the pacing tests use a notifier of their own.
 */
export function recordingNotifier(platform: Platform = 'slack', script: Behaviour[] = []): RecordingNotifier {
  const notifier: RecordingNotifier = {
    platform,
    perChannelIntervalMs: 0,
    posts: [],
    cards: { posted: [], updated: [] },
    script,
    hasThread: (record) => record.conversation !== null && record.conversation !== undefined,
    async postCard({ record }) {
      notifier.cards.posted.push(record.id);
      return { card: record.id };
    },
    async updateCard({ record }) {
      notifier.cards.updated.push(record.id);
    },
    async post(post) {
      const behaviour = notifier.script.shift();
      if (behaviour) await behaviour(post);
      notifier.posts.push({
        caseId: post.record.id,
        reminderId: post.reminder.id,
        kind: labelOf(post.reminder),
      });
    },
  };
  return notifier;
}

/** The case service as the dispatcher's viewer: claimed cases are evaluated for real. */
export function caseViewer(store: Store, clock: { now(): number } = testClock()): CaseViewer {
  return new CaseService({ store, clock, reminders: [] });
}

export interface LogEntry {
  level: 'info' | 'warn' | 'error';
  obj: object;
  msg?: string;
}

export function memoryLogger(): DispatcherLogger & { entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  return {
    entries,
    info: (obj, msg) => void entries.push({ level: 'info', obj, msg }),
    warn: (obj, msg) => void entries.push({ level: 'warn', obj, msg }),
    error: (obj, msg) => void entries.push({ level: 'error', obj, msg }),
  };
}

export async function tempSqliteStore(): Promise<{
  store: TestStore;
  path: string;
  dispose(): Promise<void>;
}> {
  const dir = mkdtempSync(join(tmpdir(), 'sla-bot-dispatch-'));
  const path = join(dir, 'sla-bot.db');
  const store = testStore(openSqliteStore({ path }), sqliteRaw(path));
  await store.migrate();
  return {
    store,
    path,
    dispose: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A promise with its resolve handle, to hold a post open. */
export function deferred(): { promise: Promise<void>; resolve(): void } {
  let resolve = () => {};
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}
