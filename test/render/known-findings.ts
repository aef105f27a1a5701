// What the pictures show wrong today, each with the reason it is tolerated. Issue 14's redesign (the
// "ui" helper) removes these: when a change fixes one, its picture tests fail with "stale" until the
// entry is deleted here. A new finding is never added to pass a test: fix the card instead.
import type { KnownFinding } from '../support/render/known.js';

export const KNOWN_FINDINGS: readonly KnownFinding[] = [
  {
    where: '*/case/*/*/*',
    check: 'deadline-first',
    why: 'issue 14: the case card leads with its title, then plan · severity · country; the deadline comes third to sixth',
  },
  {
    where: '*/case/breached*/*/*',
    check: 'state-colour',
    why: 'issue 14: a breach does not show red (Teams colours the outcome "good" green, Slack says it as plain text)',
  },
  {
    where: 'slack/case/met/*/*',
    check: 'state-colour',
    why: 'issue 14: Slack shows met and breached alike, as plain text',
  },
  {
    where: '*/notice/breach*/*/*',
    check: 'state-colour',
    why: 'issue 14: the breach notice is plain text like every reminder, without colour or icon',
  },
  {
    where: 'teams/case/*/*/phone',
    check: 'truncated',
    why: 'issue 14: six buttons in rows of three; on a phone Teams cuts every title ("Clo…")',
  },
  {
    where: 'slack/modal-*/*/*/phone',
    check: 'truncated',
    why: 'issue 14: the long submit label ("Anfrage verfolgen", "サポート リクエストを追跡") leaves the modal title no room in the phone app',
  },
];
