import type { Schedule } from './calendar/schedule.js';
import type { ClockStatus } from './types.js';

const MINUTE = 60_000;

/** Where the clock stands at `at`: used and remaining clock time, and whether it is counting. */
export function clockStatus(
  schedule: Schedule,
  openedAt: number,
  deadline: number,
  targetMinutes: number,
  at: number,
): ClockStatus {
  const elapsed = schedule.elapsed(openedAt, at);
  const target = targetMinutes * MINUTE;
  const running = at >= openedAt && schedule.isOpen(at);
  return {
    at,
    elapsedMinutes: Math.floor(elapsed / MINUTE),
    remainingMinutes: Math.ceil(Math.max(0, target - elapsed) / MINUTE),
    fractionUsed: elapsed / target,
    running,
    resumesAt: running ? null : schedule.nextOpening(Math.max(at, openedAt)),
    breached: at > deadline,
  };
}
