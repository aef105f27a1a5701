import type { TFunction } from 'i18next';
import { errorText } from '../messages/errors.js';
import { isoInZone } from '../messages/format.js';
import { warningText } from '../messages/warnings.js';
import type { Evaluation, SlaErrorInfo } from '../sla/index.js';

/** One answer line of `sla-bot evaluate`, in the shape other tools rely on (see the README). */
export function contractLine(id: unknown, evaluation: Evaluation, t: TFunction): Record<string, unknown> {
  if (!evaluation.ok) return errorLine(id, evaluation.error, t);
  const a = evaluation.assessment;
  const iso = (instant: number) => isoInZone(instant, a.timeZone);
  return {
    id,
    ok: true,
    plan: a.plan,
    severity: a.severity,
    targetMinutes: a.targetMinutes,
    responseLanguage: a.responseLanguage,
    coverage: a.coverage,
    timeZone: a.timeZone,
    // Only when the clock was restarted after the opening, so answers without a restart stay as they were.
    ...(a.clockStartsAt > a.openedAt ? { clockStartsAt: iso(a.clockStartsAt) } : {}),
    deadline: iso(a.deadline),
    alternative: a.alternative && {
      responseLanguage: a.alternative.responseLanguage,
      coverage: a.alternative.coverage,
      deadline: iso(a.alternative.deadline),
    },
    status: {
      at: iso(a.status.at),
      elapsedMinutes: a.status.elapsedMinutes,
      remainingMinutes: a.status.remainingMinutes,
      fractionUsed: Math.round(a.status.fractionUsed * 10_000) / 10_000,
      running: a.status.running,
      resumesAt: a.status.resumesAt === null ? null : iso(a.status.resumesAt),
      breached: a.status.breached,
    },
    warnings: a.warnings.map((warning) => ({
      code: warning.code,
      message: warningText(t, warning),
      ...(warning.to ? { to: warning.to } : {}),
    })),
  };
}

export function errorLine(id: unknown, error: SlaErrorInfo, t: TFunction): Record<string, unknown> {
  return { id, ok: false, error: { code: error.code, message: errorText(t, 'en', error) } };
}
