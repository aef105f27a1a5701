// The facts of an assessment as label and value, built once for every surface that shows them: the
// case card, `/sla check`, the Teams preview and `sla-bot deadline`. Each surface names the facts it
// shows; a fact that does not apply to the case (no other option, no restart) is left out.
import type { TFunction } from 'i18next';
import type { MicrosoftSide } from '../cases/types.js';
import type { Assessment } from '../sla/index.js';
import { durationText } from './format.js';
import type { InstantWriter } from './reminder-text.js';

export type { InstantWriter } from './reminder-text.js';

export type FactId =
  | 'deadline'
  | 'timeLeft'
  | 'target'
  | 'response'
  | 'alternative'
  | 'clock'
  | 'opened'
  | 'clockRestarted'
  | 'issueType'
  | 'product'
  | 'microsoft';

export interface Fact {
  readonly id: FactId;
  readonly label: string;
  readonly value: string;
}

export interface FactSource {
  readonly t: TFunction;
  readonly assessment: Assessment;
  readonly when: InstantWriter;
  readonly microsoft?: MicrosoftSide | undefined;
}

/** What `sla-bot deadline`, `/sla check` and the Teams preview show: the question asked now. */
export const CHECK_FACTS: readonly FactId[] = ['deadline', 'timeLeft', 'response', 'alternative', 'clock'];
/** What a case's card shows below its lead line (which already says deadline and time left). */
export const CARD_FACTS: readonly FactId[] = [
  'target',
  'response',
  'alternative',
  'opened',
  'clockRestarted',
  'issueType',
  'product',
  'microsoft',
];

type Build = (source: FactSource) => { label: string; value: string } | null;

const FACTS: { readonly [F in FactId]: Build } = {
  deadline: ({ t, assessment, when }) => ({
    label: t('cli:deadline.deadline'),
    value: when(assessment.deadline),
  }),
  timeLeft: ({ t, assessment }) => ({
    label: t('cli:deadline.timeLeft'),
    value: timeLeftText(t, assessment),
  }),
  target: ({ t, assessment }) => ({
    label: t('cards:case.target'),
    value: durationText(t, assessment.targetMinutes),
  }),
  response: ({ t, assessment }) => ({
    label: t('cli:deadline.response'),
    value: t('cli:deadline.responseValue', {
      language: t(`common:language.${assessment.responseLanguage}`),
      coverage: t(`common:coverage.${assessment.coverage}`),
    }),
  }),
  alternative: ({ t, assessment, when }) =>
    assessment.alternative
      ? {
          label: t('cli:deadline.alternative'),
          value: t('cli:deadline.alternativeValue', {
            language: t(`common:language.${assessment.alternative.responseLanguage}`),
            coverage: t(`common:coverage.${assessment.alternative.coverage}`),
            deadline: when(assessment.alternative.deadline),
          }),
        }
      : null,
  clock: ({ t, assessment, when }) => ({
    label: t('cli:deadline.clock'),
    value: clockText(t, assessment, when),
  }),
  opened: ({ t, assessment, when }) => ({ label: t('cards:fact.opened'), value: when(assessment.openedAt) }),
  clockRestarted: ({ t, assessment, when }) =>
    assessment.clockStartsAt > assessment.openedAt
      ? { label: t('cards:fact.clockRestarted'), value: when(assessment.clockStartsAt) }
      : null,
  issueType: ({ t, assessment }) => ({
    label: t('cards:fact.issueType'),
    value: t(`common:issueType.${assessment.issueType}`),
  }),
  product: ({ t, assessment }) => ({
    label: t('cards:fact.product'),
    value: t(`common:product.${assessment.product}`),
  }),
  microsoft: ({ t, microsoft, when }) =>
    microsoft ? { label: t('cards:fact.microsoft'), value: microsoftText(t, microsoft, when) } : null,
};

/** "Premier · Severity A (critical business impact) · NL (Europe/Amsterdam)": what the case is. */
export function headingText(t: TFunction, assessment: Assessment): string {
  return t('cli:deadline.heading', {
    plan: t(`common:plan.${assessment.plan}`, { defaultValue: assessment.plan }),
    severity: t(`common:severity.${assessment.severity}`),
    country: assessment.subdivision ? `${assessment.country}-${assessment.subdivision}` : assessment.country,
    zone: assessment.timeZone,
  });
}

/** The named facts that apply, in the order asked for. */
export function factsOf(source: FactSource, ids: readonly FactId[]): Fact[] {
  return ids.flatMap((id) => {
    const fact = FACTS[id](source);
    return fact ? [{ id, ...fact }] : [];
  });
}

/** "40 minutes", or "none (overdue by 1 hour)": the time left as a value of its own. */
export function timeLeftText(t: TFunction, assessment: Assessment): string {
  const { status } = assessment;
  return status.breached
    ? t('cli:deadline.overdue', { duration: durationText(t, overdueMinutes(assessment)) })
    : t('cli:deadline.left', { duration: durationText(t, status.remainingMinutes) });
}

/** Real minutes since the deadline passed (0 while it has not). */
export function overdueMinutes(assessment: Assessment): number {
  return assessment.status.breached ? Math.floor((assessment.status.at - assessment.deadline) / 60_000) : 0;
}

function clockText(t: TFunction, assessment: Assessment, when: InstantWriter): string {
  const { status } = assessment;
  if (status.running)
    return t('cli:deadline.running', {
      used: durationText(t, status.elapsedMinutes),
      target: durationText(t, assessment.targetMinutes),
    });
  const resumes = when(status.resumesAt ?? assessment.clockStartsAt);
  return status.at < assessment.clockStartsAt
    ? t('cli:deadline.notStarted', { resumes })
    : t('cli:deadline.waiting', { resumes });
}

/** Microsoft's deadline, and whether it agrees with ours; a mid-change ticket is said as such. */
function microsoftText(t: TFunction, microsoft: MicrosoftSide, when: InstantWriter): string {
  if (microsoft.deadline === null) return t('cards:microsoft.none');
  const deadline = when(microsoft.deadline);
  const { reason, differenceMinutes, agrees } = microsoft.agreement;
  if (reason === 'mid_change') return t('cards:microsoft.midChange', { deadline });
  if (agrees !== false || differenceMinutes === null) return t('cards:microsoft.agrees', { deadline });
  const difference = durationText(t, Math.abs(differenceMinutes));
  return t(differenceMinutes > 0 ? 'cards:microsoft.earlier' : 'cards:microsoft.later', {
    deadline,
    difference,
  });
}
