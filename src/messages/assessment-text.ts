import type { TFunction } from 'i18next';
import type { Assessment } from '../sla/index.js';
import { durationText, instantText } from './format.js';
import { warningText } from './warnings.js';

/** The facts of an assessment as sentences for a person reading in `locale`; times in `zone`. */
export interface AssessmentText {
  heading: string;
  deadline: string;
  timeLeft: string;
  response: string;
  alternative: string;
  clock: string;
  warnings: string[];
}

export function assessmentText(
  t: TFunction,
  locale: string,
  a: Assessment,
  zone = a.timeZone,
): AssessmentText {
  const when = (instant: number) => instantText(instant, zone, locale);
  const status = a.status;
  const overdue = status.breached ? Math.floor((status.at - a.deadline) / 60_000) : 0;
  return {
    heading: t('cli:deadline.heading', {
      plan: t(`common:plan.${a.plan}`),
      severity: t(`common:severity.${a.severity}`),
      country: a.subdivision ? `${a.country}-${a.subdivision}` : a.country,
      zone: a.timeZone,
    }),
    deadline: when(a.deadline),
    timeLeft: status.breached
      ? t('cli:deadline.overdue', { duration: durationText(t, overdue) })
      : t('cli:deadline.left', { duration: durationText(t, status.remainingMinutes) }),
    response: t('cli:deadline.responseValue', {
      language: t(`common:language.${a.responseLanguage}`),
      coverage: t(`common:coverage.${a.coverage}`),
    }),
    alternative: a.alternative
      ? t('cli:deadline.alternativeValue', {
          language: t(`common:language.${a.alternative.responseLanguage}`),
          coverage: t(`common:coverage.${a.alternative.coverage}`),
          deadline: when(a.alternative.deadline),
        })
      : t('cli:deadline.alternativeNone'),
    clock: clockText(t, a, when),
    warnings: a.warnings.map((warning) => warningText(t, warning)),
  };
}

function clockText(t: TFunction, a: Assessment, when: (instant: number) => string): string {
  const { status } = a;
  if (status.running) {
    return t('cli:deadline.running', {
      used: durationText(t, status.elapsedMinutes),
      target: durationText(t, a.targetMinutes),
    });
  }
  const resumes = when(status.resumesAt ?? a.openedAt);
  return status.at < a.openedAt
    ? t('cli:deadline.notStarted', { resumes })
    : t('cli:deadline.waiting', { resumes });
}
