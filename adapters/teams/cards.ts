// Pure card builders: a neutral model and translations in, Adaptive Card JSON out. No I/O.
import type { TFunction } from 'i18next';
import type { ListedCase } from '../../src/cases/types.js';
import { assessmentText } from '../../src/messages/assessment-text.js';
import type { CaseAction, CaseCardModel } from '../../src/messages/case-view.js';
import { errorText } from '../../src/messages/errors.js';
import { durationText } from '../../src/messages/format.js';
import type { Assessment } from '../../src/sla/index.js';
import { azurePolicy } from '../../src/sla/index.js';
import { type AdaptiveCard, adaptiveCard, type CardElement, text, viewerTime } from './card-json.js';

/** What a card button sends back: Teams merges the inputs of a shown card into it. */
export interface CardActionData {
  readonly action: CaseAction;
  readonly caseId: string;
}

export function caseCard(t: TFunction, model: CaseCardModel): AdaptiveCard {
  const body: CardElement[] = [
    text(model.title, { size: 'medium', weight: 'bolder' }),
    text(model.heading, { isSubtle: true, spacing: 'none' }),
    text(t('teams:card.deadline', { when: viewerTime(model.deadline), local: model.deadlineText }), {
      weight: 'bolder',
    }),
    { type: 'FactSet', facts: model.facts.map((fact) => ({ title: fact.label, value: fact.value })) },
    ...model.warnings.map((warning) => text(warning, { color: 'warning' })),
    ...(model.outcome ? [text(model.outcome, { color: 'good' })] : []),
    text(`${model.openedByLine} · ${model.stateLabel}`, { isSubtle: true, size: 'small' }),
    ...actionSets(model.actions.map((action) => cardAction(t, model.caseId, action))),
  ];
  return adaptiveCard(body);
}

/** Rows of at most three buttons: hosts allow five actions per set and narrow screens fewer. */
const ACTIONS_PER_ROW = 3;

function actionSets(actions: CardElement[]): CardElement[] {
  const rows: CardElement[] = [];
  for (let i = 0; i < actions.length; i += ACTIONS_PER_ROW) {
    rows.push({
      type: 'ActionSet',
      actions: actions.slice(i, i + ACTIONS_PER_ROW),
      ...(i ? { spacing: 'none' } : {}),
    });
  }
  return rows;
}

function cardAction(t: TFunction, caseId: string, action: CaseCardModel['actions'][number]): CardElement {
  const data: CardActionData = { action: action.action, caseId };
  const style =
    action.style === 'primary'
      ? { style: 'positive' }
      : action.style === 'danger'
        ? { style: 'destructive' }
        : {};
  const submit = (title: string) => ({ type: 'Action.Submit', title, data, ...style });
  if (action.action === 'change_severity') {
    const choices = azurePolicy.severities.map((s) => ({ title: t(`common:severity.${s}`), value: s }));
    return showCard(
      action.label,
      [
        {
          type: 'Input.ChoiceSet',
          id: 'severity',
          label: t('teams:form.severity.label'),
          style: 'compact',
          choices,
          isRequired: true,
          errorMessage: t('teams:error.severity'),
        },
      ],
      submit(t('teams:card.apply')),
    );
  }
  if (action.action === 'respond_at') {
    return showCard(
      action.label,
      [
        {
          type: 'Input.Date',
          id: 'respondedDate',
          label: t('teams:card.respondedDate'),
          isRequired: true,
          errorMessage: t('teams:error.respondedAt'),
        },
        {
          type: 'Input.Time',
          id: 'respondedTime',
          label: t('teams:card.respondedTime'),
          isRequired: true,
          errorMessage: t('teams:error.respondedAt'),
        },
      ],
      submit(t('teams:card.apply')),
    );
  }
  return submit(action.label);
}

function showCard(title: string, body: CardElement[], submit: CardElement): CardElement {
  return { type: 'Action.ShowCard', title, card: { type: 'AdaptiveCard', body, actions: [submit] } };
}

/** `checkSla`: the answer in the dialog, nothing stored. */
export function previewCard(t: TFunction, locale: string, assessment: Assessment): AdaptiveCard {
  const words = assessmentText(t, locale, assessment);
  return adaptiveCard([
    text(t('teams:preview.title'), { size: 'medium', weight: 'bolder' }),
    text(words.heading, { isSubtle: true, spacing: 'none' }),
    text(t('teams:card.deadline', { when: viewerTime(assessment.deadline), local: words.deadline }), {
      weight: 'bolder',
    }),
    {
      type: 'FactSet',
      facts: [
        { title: t('cards:case.target'), value: durationText(t, assessment.targetMinutes) },
        { title: t('cli:deadline.timeLeft'), value: words.timeLeft },
        { title: t('cli:deadline.response'), value: words.response },
        { title: t('cli:deadline.alternative'), value: words.alternative },
        { title: t('cli:deadline.clock'), value: words.clock },
      ],
    },
    ...words.warnings.map((warning) => text(warning, { color: 'warning' })),
    text(t('teams:preview.nothingStored'), { isSubtle: true, size: 'small' }),
  ]);
}

/** A reminder or a warning in the case's thread, with times in each viewer's zone. */
export function reminderCard(message: string): AdaptiveCard {
  return adaptiveCard([text(message)]);
}

/** `@sla-bot list`: the channel's open cases, soonest deadline first. */
export function listCard(t: TFunction, views: readonly ListedCase[], locale = 'en'): AdaptiveCard {
  const rows: CardElement[] = views.map((view) => {
    const number = view.record.caseNumber;
    const title = view.record.title || '—';
    if (!view.assessment)
      return text(
        t('teams:list.unevaluable', { number, title, problem: errorText(t, locale, view.problem) }),
      );
    const { severity, deadline } = view.assessment;
    return text(t('teams:list.item', { number, title, severity, deadline: viewerTime(deadline) }));
  });
  return adaptiveCard([text(t('teams:list.title', { count: views.length }), { weight: 'bolder' }), ...rows]);
}

export function helpCard(t: TFunction): AdaptiveCard {
  return adaptiveCard([
    text(t('teams:help.title'), { weight: 'bolder' }),
    text(t('teams:help.track')),
    text(t('teams:help.check')),
    text(t('teams:help.list')),
    text(t('teams:help.help')),
  ]);
}

/** A short line in the thread or the dialog when something could not be done. */
export function noticeCard(message: string): AdaptiveCard {
  return adaptiveCard([text(message, { color: 'attention' })]);
}
