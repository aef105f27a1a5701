// The reminder vocabulary: every kind has a key, a checked payload and its rules, and a stored row
// that is not one of ours is named as such instead of guessed at.
import { describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n/index.js';
import { reminderText, type ThreadNotice } from '../../src/messages/reminder-text.js';
import {
  NOTICE_KINDS,
  type Notice,
  noticeLabel,
  noticePayload,
  noticeSpec,
  readNotice,
} from '../../src/reminders/notices.js';

const T0 = Date.UTC(2026, 2, 30, 8, 0);
const HOUR = 3_600_000;

const EXAMPLES: { [K in Notice['kind']]: Extract<Notice, { kind: K }> } = {
  fraction: { kind: 'fraction', fraction: 0.75, remainingMinutes: 15, deadline: T0 + HOUR },
  before: { kind: 'before', remainingMinutes: 15, deadline: T0 + HOUR },
  breach: { kind: 'breach', deadline: T0 + HOUR, overdueMinutes: 95 },
  warning: { kind: 'warning', code: 'downgrade_risk', to: 'B', reason: 'not_available_24x7' },
  waiting: { kind: 'waiting', since: T0, to: 'C' },
  note: { kind: 'note', event: 'severity_changed', actor: 'Azure', data: { from: 'B', to: 'A' } },
  disagreement: { kind: 'disagreement', ours: T0 + HOUR, microsoft: T0 + HOUR - 8 * 60_000 },
  card: { kind: 'card' },
  card_update: { kind: 'card_update', version: 4 },
  card_at_deadline: { kind: 'card_at_deadline', deadline: T0 + HOUR },
};

describe('the reminder vocabulary', () => {
  it('reads every kind back from its stored kind and payload', () => {
    for (const notice of Object.values(EXAMPLES)) {
      expect(readNotice(notice.kind, JSON.parse(JSON.stringify(noticePayload(notice))))).toEqual(notice);
    }
    expect(Object.keys(EXAMPLES).sort()).toEqual(Object.keys(NOTICE_KINDS).sort());
  });

  it('labels each point so that planning it again gives the same key', () => {
    expect(Object.values(EXAMPLES).map(noticeLabel)).toEqual([
      'fraction:0.75',
      'before:15',
      'breach',
      'warning:downgrade_risk:B',
      'waiting',
      'note:severity_changed',
      'disagreement',
      'card',
      'card_update:4',
      'card_at_deadline',
    ]);
  });

  it('says per kind whether it may be skipped as past and whether it posts after closing', () => {
    const rules = Object.fromEntries(
      Object.values(EXAMPLES).map((n) => [
        n.kind,
        [noticeSpec(n).skippableWhenPast, noticeSpec(n).postsAfterClosing],
      ]),
    );
    expect(rules).toEqual({
      fraction: [true, false],
      before: [true, false],
      breach: [false, false],
      warning: [false, false],
      waiting: [true, false],
      note: [false, true],
      disagreement: [false, false],
      card: [false, true],
      card_update: [false, true],
      card_at_deadline: [false, false],
    });
  });

  it('refuses kinds it does not know, prototype names included', () => {
    for (const kind of [
      'note:contact',
      '__proto__',
      'constructor',
      'toString',
      'hasOwnProperty',
      '',
      'BREACH',
    ]) {
      expect(readNotice(kind, {})).toEqual({ kind: 'unreadable', storedKind: kind, problem: 'unknown kind' });
    }
  });

  it('refuses payloads of the wrong type or range, and says where', () => {
    const bad: Array<[string, unknown, RegExp]> = [
      ['fraction', { fraction: 'half', remainingMinutes: 1, deadline: T0 }, /^fraction:/],
      ['fraction', { fraction: 1.5, remainingMinutes: 1, deadline: T0 }, /^fraction:/],
      ['breach', { deadline: Number.POSITIVE_INFINITY }, /^deadline:/],
      ['breach', { deadline: '2026-03-30T10:00:00Z' }, /^deadline:/],
      ['warning', { code: 'constructor', to: null, reason: null }, /^code:/],
      ['warning', { code: 'contact_details', to: null, reason: '__proto__' }, /^reason:/],
      ['note', { event: 'toString', actor: 'x', data: {} }, /^event:/],
      ['note', { event: 'closed', actor: 'x'.repeat(5000), data: {} }, /^actor:/],
      ['card_update', { version: -1 }, /^version:/],
      ['disagreement', { ours: T0, microsoft: '2026-03-30T10:00:00Z' }, /^microsoft:/],
      ['waiting', null, /^payload:/],
      ['before', [], /^payload:/],
    ];
    for (const [kind, payload, problem] of bad) {
      const read = readNotice(kind, payload);
      expect(read.kind, `${kind} ${JSON.stringify(payload)}`).toBe('unreadable');
      if (read.kind === 'unreadable') expect(read.problem).toMatch(problem);
    }
  });

  it('keeps no stray fields from a stored payload', () => {
    expect(readNotice('breach', { deadline: T0, extra: 'x', kind: 'note' })).toEqual({
      kind: 'breach',
      deadline: T0,
    });
  });
});

describe('the words of each thread notice', () => {
  const t = translator('en');
  const when = (instant: number) => new Date(instant).toISOString();
  const cases: Array<[ThreadNotice, string]> = [
    [
      EXAMPLES.fraction,
      '75% of the first-response time is used: 15 minutes left, deadline 2026-03-30T09:00:00.000Z.',
    ],
    [EXAMPLES.before, '15 minutes left until the first-response deadline (2026-03-30T09:00:00.000Z).'],
    [
      { kind: 'breach', deadline: T0 + HOUR },
      'The first-response deadline (2026-03-30T09:00:00.000Z) has passed and no response is recorded.',
    ],
    [
      EXAMPLES.breach,
      'The first-response deadline (2026-03-30T09:00:00.000Z) passed 1 hour 35 minutes ago, and no response is recorded.',
    ],
    [EXAMPLES.note, 'Azure changed the severity from B to A.'],
    [
      EXAMPLES.disagreement,
      "Microsoft's own first-response deadline for this support request is 2026-03-30T08:52:00.000Z, 8 minutes earlier than the bot's (2026-03-30T09:00:00.000Z).",
    ],
    [
      { kind: 'disagreement', ours: T0 + HOUR, microsoft: T0 + 3 * HOUR },
      "Microsoft's own first-response deadline for this support request is 2026-03-30T11:00:00.000Z, 2 hours later than the bot's (2026-03-30T09:00:00.000Z).",
    ],
  ];
  it.each(cases)('%j', (notice, text) => {
    expect(reminderText(t, notice, when)).toBe(text);
  });
});
