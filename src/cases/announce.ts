// What a change made outside the chat (the Azure watcher, an import) leaves for the dispatcher:
// a note in the thread saying who did what, and the card rendered again. A change made from a
// chat button does both in the request itself.
import type { NoteEvent, Notice } from '../reminders/notices.js';
import { type CaseRecord, pendingReminder, type ReminderRow } from '../store/records.js';
import type { Actor } from './types.js';

/** The case event a change records, with its data. */
export interface ChangeEvent {
  readonly event: string;
  readonly data: Readonly<Record<string, unknown>>;
}

export function announcements(
  record: CaseRecord,
  actor: Actor | null,
  change: ChangeEvent,
  now: number,
): ReminderRow[] {
  if (!actor?.announce) return [];
  const rows = [pendingReminder(record, { kind: 'card_update', version: record.version }, now)];
  const note = noteOf(actor, change);
  if (note) rows.push(pendingReminder(record, note, now));
  return rows;
}

/** The queued card of a case opened without a chat request. */
export function cardToPost(record: CaseRecord, now: number): ReminderRow {
  return pendingReminder(record, { kind: 'card' }, now);
}

function noteOf(actor: Actor, { event, data }: ChangeEvent): Notice | null {
  const name = actor.name || actor.id;
  const note = (noteEvent: NoteEvent, noteData: Record<string, string> = {}): Notice => ({
    kind: 'note',
    event: noteEvent,
    actor: name,
    data: noteData,
  });
  switch (event) {
    case 'severity_changed':
      return note('severity_changed', { from: String(data.from ?? ''), to: String(data.to ?? '') });
    case 'commitment_changed':
      return note(data.available === true ? 'available' : 'not_available');
    case 'waiting_on_us':
    case 'we_answered':
    case 'responded':
    case 'closed':
    case 'reopened':
      return note(event);
    default:
      return null;
  }
}
