import type { Agreement, MicrosoftClock } from './input/ticket/types.js';
import type { Assessment } from './types.js';

const MINUTE = 60_000;
/** Microsoft rounds its deadline up to the minute and its clock may start up to ~70 s after creation. */
export const AGREEMENT_MINUTES = 3;

/** Our deadline beside Microsoft's: how far apart, whether that is agreement, and why (SLA-RULES §11). */
export function compareWithMicrosoft(assessment: Assessment, microsoft: MicrosoftClock): Agreement {
  if (microsoft.deadline === null) {
    return { differenceMinutes: null, agrees: null, reason: 'no_microsoft_deadline' };
  }
  const difference = Math.round(((assessment.deadline - microsoft.deadline) / MINUTE) * 100) / 100;
  const agrees = Math.abs(difference) <= AGREEMENT_MINUTES;
  return { differenceMinutes: difference, agrees, reason: reasonFor(assessment, microsoft, agrees) };
}

function reasonFor(assessment: Assessment, microsoft: MicrosoftClock, agrees: boolean): Agreement['reason'] {
  if (microsoft.slaMinutes !== null && microsoft.slaMinutes !== assessment.targetMinutes) return 'mid_change';
  if (!agrees) return 'disagrees';
  return assessment.targetSource === 'input' ? 'ticket_target' : null;
}
