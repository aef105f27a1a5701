import type { TFunction } from 'i18next';
import { errorText } from '../messages/errors.js';
import { isoWriter } from '../messages/format.js';
import { warningText } from '../messages/warnings.js';
import type { Evaluation, SlaErrorCode, SlaErrorInfo, SlaErrorParams, Warning } from '../sla/index.js';

/** What an answer echoes as `id`: checked when read (a string of bounded length or a number). */
export type AnswerId = string | number | null;

/** Errors of the line itself, before the rules are asked (messages in `cli:error.*`). */
const LINE_ERRORS = ['line_too_long', 'invalid_id', 'internal_error'] as const;
export type LineErrorCode = (typeof LINE_ERRORS)[number];

/** An error answer: one of the rules' codes, or one of the line's own. */
export interface AnswerError {
  code: SlaErrorCode | LineErrorCode;
  params: SlaErrorParams;
}

/** One answer line of `sla-bot evaluate`, in the shape other tools rely on (see the README). */
export function contractLine(id: AnswerId, evaluation: Evaluation, t: TFunction): Record<string, unknown> {
  if (!evaluation.ok) return errorLine(id, evaluation.error, t);
  const a = evaluation.assessment;
  const iso = isoWriter(a.timeZone);
  return {
    id,
    ok: true,
    plan: a.plan,
    severity: a.severity,
    targetMinutes: a.targetMinutes,
    responseLanguage: a.responseLanguage,
    coverage: a.coverage,
    timeZone: a.timeZone,
    // Only when the clock was restarted after the opening, so answers without a restart stay as they
    // were: JSON leaves out a field that is undefined (one object shape, no spread, for every answer).
    clockStartsAt: a.clockStartsAt > a.openedAt ? iso(a.clockStartsAt) : undefined,
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
    warnings: a.warnings.map((warning) => warningEntry(warning, t)),
  };
}

export function errorLine(id: AnswerId, error: AnswerError, t: TFunction): Record<string, unknown> {
  return { id, ok: false, error: { code: error.code, message: errorMessage(error, t) } };
}

// Text that depends only on the translator and the code (and its params) is rendered once.
const TEXTS_KEPT = 1_000;
const LONGEST_KEY = 2_000;
const texts = new WeakMap<TFunction, Map<string, string>>();

function rendered(t: TFunction, key: string, render: () => string): string {
  let byKey = texts.get(t);
  if (!byKey) {
    byKey = new Map();
    texts.set(t, byKey);
  }
  let text = byKey.get(key);
  if (text === undefined) {
    text = render();
    if (key.length <= LONGEST_KEY) {
      if (byKey.size >= TEXTS_KEPT) byKey.clear();
      byKey.set(key, text);
    }
  }
  return text;
}

// The core's warnings are frozen values shared by every answer: each one's entry is made once.
const entries = new WeakMap<TFunction, WeakMap<Warning, Readonly<Record<string, unknown>>>>();

function warningEntry(warning: Warning, t: TFunction): Readonly<Record<string, unknown>> {
  let byWarning = entries.get(t);
  if (!byWarning) {
    byWarning = new WeakMap();
    entries.set(t, byWarning);
  }
  let entry = byWarning.get(warning);
  if (!entry) {
    const key = `warning|${warning.code}|${warning.reason ?? ''}|${warning.to ?? ''}`;
    const message = rendered(t, key, () => warningText(t, warning));
    entry = Object.freeze(
      warning.to ? { code: warning.code, message, to: warning.to } : { code: warning.code, message },
    );
    // A warning made for one answer (not frozen) is not worth remembering by identity.
    if (Object.isFrozen(warning)) byWarning.set(warning, entry);
  }
  return entry;
}

function errorMessage(error: AnswerError, t: TFunction): string {
  const key = `error|${error.code}|${JSON.stringify(error.params)}`;
  return rendered(t, key, () =>
    (LINE_ERRORS as readonly string[]).includes(error.code)
      ? t(`cli:error.${error.code}`, error.params)
      : errorText(t, 'en', error as SlaErrorInfo),
  );
}
