// Pure card builders for everything but the case card: a model and translations in, Adaptive Card
// JSON out. No I/O.
import type { TFunction } from 'i18next';
import type { ListedCase } from '../../src/cases/types.js';
import { errorText } from '../../src/messages/errors.js';
import { CHECK_FACTS, factsOf, headingText } from '../../src/messages/facts.js';
import { caseLead } from '../../src/messages/lead.js';
import type { NoticeIcon, NoticeModel } from '../../src/messages/notice-view.js';
import { warningText } from '../../src/messages/warnings.js';
import type { Assessment } from '../../src/sla/index.js';
import { type AdaptiveCard, adaptiveCard, type CardElement, text, viewerTime } from './card-json.js';
import { CONTAINER_STYLE, cardAction } from './case-card.js';

/** `checkSla`: the answer in the dialog, nothing stored. */
export function previewCard(t: TFunction, assessment: Assessment): AdaptiveCard {
  const facts = factsOf({ t, assessment, when: viewerTime }, CHECK_FACTS);
  const warnings = assessment.warnings.map((warning) => warningText(t, warning));
  return adaptiveCard([
    text(t('teams:preview.title'), { size: 'medium', weight: 'bolder' }),
    text(headingText(t, assessment), { isSubtle: true, spacing: 'none' }),
    { type: 'FactSet', facts: facts.map((fact) => ({ title: fact.label, value: fact.value })) },
    ...(warnings.length
      ? [{ type: 'Container', style: 'warning', items: warnings.map((warning) => text(`⚠️ ${warning}`)) }]
      : []),
    text(t('teams:preview.nothingStored'), { isSubtle: true, size: 'small' }),
  ]);
}

const NOTICE_ICON: { readonly [I in NoticeIcon]: string } = {
  hourglass: '⏳',
  alarm: '⏰',
  siren: '🚨',
  warning: '⚠️',
  waiting: '💬',
  scales: '⚖️',
  note: '📝',
};

/** A reminder, warning or breach in the case's thread: headline, what happened, what to do, one button. */
export function noticeCardOf(t: TFunction, caseId: string, model: NoticeModel): AdaptiveCard {
  if (model.heading === null) return adaptiveCard([text(model.text)]);
  const body: CardElement[] = [
    {
      type: 'Container',
      style: CONTAINER_STYLE[model.tone],
      items: [
        text(`${NOTICE_ICON[model.icon]} ${model.heading}`, { weight: 'bolder' }),
        text(model.text, { spacing: 'small' }),
      ],
    },
  ];
  if (model.todo) body.push(text(model.todo, { size: 'small' }));
  const actions = model.action ? [cardAction(t, caseId, model.action, 'notice')] : [];
  return adaptiveCard(body, actions);
}

/** `@SLA bot list`: the channel's open cases, soonest deadline first, each with where it stands. */
export function listCard(t: TFunction, views: readonly ListedCase[], locale = 'en'): AdaptiveCard {
  const rows: CardElement[] = views.map((view) => {
    const number = view.record.caseNumber;
    const title = view.record.title || '—';
    if (!view.assessment)
      return text(
        t('teams:list.unevaluable', { number, title, problem: errorText(t, locale, view.problem) }),
      );
    const lead = caseLead(t, view, { locale, when: viewerTime });
    const { severity, deadline } = view.assessment;
    return text(
      t('teams:list.item', {
        number,
        title,
        severity,
        deadline: viewerTime(deadline),
        standing: lead.detail ?? lead.badge,
      }),
    );
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

/** When the app is added to a team or chat: what it does and how to start. */
export function welcomeCard(t: TFunction): AdaptiveCard {
  return adaptiveCard([
    text(t('teams:welcome.title'), { weight: 'bolder', size: 'medium' }),
    text(t('teams:welcome.start')),
    text(t('teams:help.track')),
    text(t('teams:help.check')),
    text(t('teams:help.list')),
  ]);
}

/** A short line in the thread or the dialog when something could not be done. */
export function noticeCard(message: string): AdaptiveCard {
  return adaptiveCard([text(message, { color: 'attention' })]);
}
