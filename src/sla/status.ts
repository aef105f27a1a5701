import type { Schedule } from './calendar/schedule.js';
import type { ClockStatus } from './types.js';

const MINUTE = 60_000;
const DAY = 86_400_000;
/**
 * Clock time is counted up to at most this long after the deadline: a case a month overdue is
 * breached whatever the exact count, and counting further would build calendar year after year.
 */
export const COUNTED_AFTER_DEADLINE = 31 * DAY;

export interface Clock {
  /** When the clock counts from (the opening, or a later restart). */
  readonly startsAt: number;
  readonly deadline: number;
  readonly targetMinutes: number;
}

/** Where the clock stands at `at`: used and remaining clock time, and whether it is counting. */
export function clockStatus(schedule: Schedule, clock: Clock, at: number): ClockStatus {
  const { startsAt, deadline } = clock;
  const elapsed = schedule.elapsed(startsAt, Math.min(at, deadline + COUNTED_AFTER_DEADLINE));
  const target = clock.targetMinutes * MINUTE;
  const running = at >= startsAt && schedule.isOpen(at);
  return {
    at,
    elapsedMinutes: Math.floor(elapsed / MINUTE),
    remainingMinutes: Math.ceil(Math.max(0, target - elapsed) / MINUTE),
    fractionUsed: elapsed / target,
    running,
    resumesAt: running ? null : schedule.nextOpening(Math.max(at, startsAt)),
    breached: at > deadline,
  };
}
