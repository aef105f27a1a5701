import type { MicrosoftClock } from './types.js';

/** Microsoft's `startTime` lags a ticket's creation by up to about a minute (SLA-RULES §11). */
export const START_LAG_MS = 3 * 60_000;

/** What a ticket read again says about when it last changed. */
export interface TicketTimes {
  /** `createdDate`. */
  readonly createdAt: number;
  /** `modifiedDate`, when the ticket has one. */
  readonly modifiedAt: number | null;
  readonly microsoft: MicrosoftClock;
}

/**
 * When a ticket's severity changed (SLA-RULES §11: the clock restarts at the change). Microsoft moves
 * `startTime` to the change, so a `startTime` past its usual lag after creation is the change's moment;
 * a snapshot whose clock has not moved yet has only its last modification to go by. Never after `now`.
 */
export function severityChangedAt(ticket: TicketTimes, now: number): number {
  const start = ticket.microsoft.startTime;
  const moved = start !== null && start > ticket.createdAt + START_LAG_MS;
  return Math.min(now, moved ? start : (ticket.modifiedAt ?? now));
}
