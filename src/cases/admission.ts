// Whether a person may register a case now (SLA-RULES §12): the input evaluates, and its opening is
// not in the future beyond a few minutes of clock skew. The command line may still evaluate a
// planned opening: only registering refuses it.
import type { Assessment, Evaluation } from '../sla/index.js';
import { iso, refuse } from './build.js';
import type { CaseFailure } from './types.js';

/** How far ahead of our clock a person's clock may be: an opening or response later than this is refused. */
export const CLOCK_SKEW_MS = 5 * 60_000;

/** An input a person may register now, evaluated; or why not. */
export type Admission = { ok: true; assessment: Assessment } | { ok: false; failure: CaseFailure };

export function admit(evaluation: Evaluation, at: number): Admission {
  if (!evaluation.ok) return { ok: false, failure: { kind: 'sla', error: evaluation.error } };
  const { openedAt } = evaluation.assessment;
  if (openedAt > at + CLOCK_SKEW_MS)
    return { ok: false, failure: refuse('opened_in_future', { openedAt: iso(openedAt) }) };
  return evaluation;
}
