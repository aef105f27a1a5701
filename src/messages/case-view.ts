import type { TFunction } from 'i18next';
import type { CaseView } from '../cases/types.js';
import type { Assessment } from '../sla/index.js';
import { assessmentText } from './assessment-text.js';
import { durationText } from './format.js';

export type CaseAction =
  | 'respond_now'
  | 'respond_at'
  | 'change_severity'
  | 'available_24x7'
  | 'not_available_24x7'
  | 'waiting_on_us'
  | 'we_answered'
  | 'close'
  | 'reopen';

/** A case as a person sees it, platform-neutral: adapters render it as Block Kit or an Adaptive Card. */
export interface CaseCardModel {
  readonly caseId: string;
  readonly title: string;
  readonly heading: string;
  readonly stateLabel: string;
  readonly deadline: number;
  /** The deadline in the customer's zone, for text where viewer-local tokens are not possible. */
  readonly deadlineText: string;
  readonly timeZone: string;
  readonly facts: ReadonlyArray<{ readonly label: string; readonly value: string }>;
  readonly warnings: readonly string[];
  readonly openedByLine: string;
  readonly outcome: string | null;
  readonly actions: ReadonlyArray<{
    readonly action: CaseAction;
    readonly label: string;
    readonly style?: 'primary' | 'danger';
  }>;
}

export function caseCardModel(
  t: TFunction,
  locale: string,
  view: CaseView,
  openedByName: string,
): CaseCardModel {
  const { record, assessment, outcome } = view;
  const text = assessmentText(t, locale, assessment);
  const open = record.state === 'open';
  return {
    caseId: record.id,
    title: t('cards:case.title', { number: record.caseNumber, title: record.title }),
    heading: text.heading,
    // An open case past its deadline says so by itself (the card is rendered again at the deadline).
    stateLabel:
      open && assessment.status.breached ? t('cards:case.stateBreached') : t(`common:state.${record.state}`),
    deadline: assessment.deadline,
    deadlineText: text.deadline,
    timeZone: assessment.timeZone,
    facts: [
      { label: t('cards:case.target'), value: durationText(t, assessment.targetMinutes) },
      { label: t('cli:deadline.timeLeft'), value: open ? text.timeLeft : t(`common:state.${record.state}`) },
      { label: t('cli:deadline.response'), value: text.response },
      { label: t('cli:deadline.alternative'), value: text.alternative },
      { label: t('cli:deadline.clock'), value: text.clock },
    ],
    warnings: open ? text.warnings : [],
    openedByLine: t('cards:case.openedBy', { name: openedByName }),
    outcome: outcome
      ? t(outcome.met ? 'cards:case.met' : 'cards:case.breached', {
          margin: durationText(t, outcome.marginMinutes),
        })
      : null,
    actions: actionsFor(t, view, assessment),
  };
}

function actionsFor(t: TFunction, view: CaseView, assessment: Assessment): CaseCardModel['actions'] {
  const label = (action: CaseAction) => t(`cards:action.${action}`);
  // An answered case can still be closed; a closed one only reopened.
  if (view.record.state === 'responded')
    return [
      { action: 'reopen', label: label('reopen') },
      { action: 'close', label: label('close'), style: 'danger' },
    ];
  if (view.record.state === 'closed') return [{ action: 'reopen', label: label('reopen') }];
  const waiting = (view.record.input as { waitingOnCustomer?: boolean }).waitingOnCustomer === true;
  return [
    { action: 'respond_now', label: label('respond_now'), style: 'primary' },
    { action: 'respond_at', label: label('respond_at') },
    { action: 'change_severity', label: label('change_severity') },
    assessment.available24x7
      ? { action: 'not_available_24x7', label: label('not_available_24x7') }
      : { action: 'available_24x7', label: label('available_24x7') },
    waiting
      ? { action: 'we_answered', label: label('we_answered') }
      : { action: 'waiting_on_us', label: label('waiting_on_us') },
    { action: 'close', label: label('close'), style: 'danger' },
  ];
}
