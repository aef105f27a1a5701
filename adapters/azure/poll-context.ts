// What one poll of one watched subscription works with, and what it reports.
import type { TicketSource } from './arm-client.js';
import type { CaseSink, TicketReader, Watch, WatchStore } from './ports.js';

export interface PollTuning {
  /** Discovery lists from the cursor minus this, so a ticket listed late is still found. */
  readonly overlapMs: number;
  /** How long a replica may hold a ticket it is opening a case for before another may try. */
  readonly claimLeaseMs: number;
  /** A ticket awaiting Microsoft's reply has its communications read at least this often. */
  readonly sweepMs: number;
  /**
   * Below this many remaining reads in ARM's `x-ms-ratelimit-remaining-subscription-reads` (a bucket of
   * 250 refilled 25 a second, or 12,000 an hour on older subscriptions), communications wait.
   */
  readonly readFloor: number;
}

export interface PollContext {
  readonly watch: Watch;
  readonly source: TicketSource;
  readonly store: WatchStore;
  readonly sink: CaseSink;
  readonly read: TicketReader;
  /** This replica's name in leases and claims. */
  readonly holder: string;
  readonly now: () => number;
  readonly tuning: PollTuning;
  readonly signal?: AbortSignal;
  readonly report: PollReport;
}

/** A ticket that cannot be followed, with the coded reason (words in locales: azure:ticket.*). */
export interface TicketProblem {
  readonly ticket: string;
  readonly code: string;
  readonly detail: string;
}

export interface PollReport {
  listed: number;
  opened: number;
  responded: number;
  severityChanged: number;
  closed: number;
  /** Communications read this poll. */
  checked: number;
  /** Checks left for a later poll because ARM's remaining reads were low. */
  deferred: number;
  /** Tickets left for the next poll (another replica was opening them, or the case service was busy). */
  pending: number;
  readonly problems: TicketProblem[];
}

export function emptyReport(): PollReport {
  return {
    listed: 0,
    opened: 0,
    responded: 0,
    severityChanged: 0,
    closed: 0,
    checked: 0,
    deferred: 0,
    pending: 0,
    problems: [],
  };
}

/** Problems kept per poll: enough to name them, bounded against a subscription of broken tickets. */
export const MAX_PROBLEMS = 50;

export function noteProblem(report: PollReport, problem: TicketProblem): void {
  if (report.problems.length < MAX_PROBLEMS) report.problems.push(problem);
}
