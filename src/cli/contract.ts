import type { TFunction } from 'i18next';
import { errorText } from '../messages/errors.js';
import { isoInZone } from '../messages/format.js';
import { warningText as warningMessage } from '../messages/warnings.js';
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

/**
 * One answer line of `sla-bot evaluate` as JSON text, in the shape other tools rely on (see the
 * README). Written directly rather than built as an object for JSON.stringify: it is the hot path of
 * the command. Every string from outside is escaped by JSON.stringify; numbers that are not finite
 * are written `null`, as JSON.stringify writes them.
 */
export function answerText(id: AnswerId, evaluation: Evaluation, t: TFunction): string {
  if (!evaluation.ok) return errorAnswerText(id, evaluation.error, t);
  const a = evaluation.assessment;
  const iso = (instant: number) => `"${isoInZone(instant, a.timeZone)}"`;
  const { status, alternative } = a;
  return (
    `{"id":${JSON.stringify(id)},"ok":true,"plan":${word(a.plan)},"severity":${word(a.severity)}` +
    `,"targetMinutes":${number(a.targetMinutes)},"responseLanguage":${word(a.responseLanguage)}` +
    `,"coverage":${word(a.coverage)},"timeZone":${word(a.timeZone)},"deadline":${iso(a.deadline)}` +
    `,"alternative":${
      alternative
        ? `{"responseLanguage":${word(alternative.responseLanguage)},"coverage":${word(alternative.coverage)}` +
          `,"deadline":${iso(alternative.deadline)}}`
        : 'null'
    }` +
    `,"status":{"at":${iso(status.at)},"elapsedMinutes":${number(status.elapsedMinutes)}` +
    `,"remainingMinutes":${number(status.remainingMinutes)}` +
    `,"fractionUsed":${number(Math.round(status.fractionUsed * 10_000) / 10_000)}` +
    `,"running":${status.running},"resumesAt":${status.resumesAt === null ? 'null' : iso(status.resumesAt)}` +
    `,"breached":${status.breached}}` +
    `,"warnings":[${a.warnings.map((warning) => warningText(warning, t)).join(',')}]}`
  );
}

/** An error answer as JSON text. */
export function errorAnswerText(id: AnswerId, error: AnswerError, t: TFunction): string {
  return JSON.stringify({ id, ok: false, error: { code: error.code, message: errorMessage(error, t) } });
}

// Words of the answer's vocabulary (plans, languages, zones, codes) are few: each is quoted once.
const words = new Map<string, string>();

function word(value: string): string {
  let quoted = words.get(value);
  if (quoted === undefined) {
    quoted = JSON.stringify(value);
    if (words.size < 10_000) words.set(value, quoted);
  }
  return quoted;
}

function number(value: number): string {
  return Number.isFinite(value) ? String(value) : 'null';
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

/** A warning as JSON text: `{"code":…,"message":…}`, with `"to"` when it has one. */
function warningText(warning: Warning, t: TFunction): string {
  const key = `warning|${warning.code}|${warning.reason ?? ''}|${warning.to ?? ''}`;
  return rendered(t, key, () => {
    const message = warningMessage(t, warning);
    return JSON.stringify(
      warning.to ? { code: warning.code, message, to: warning.to } : { code: warning.code, message },
    );
  });
}

function errorMessage(error: AnswerError, t: TFunction): string {
  const key = `error|${error.code}|${JSON.stringify(error.params)}`;
  return rendered(t, key, () =>
    (LINE_ERRORS as readonly string[]).includes(error.code)
      ? t(`cli:error.${error.code}`, error.params)
      : errorText(t, 'en', error as SlaErrorInfo),
  );
}
