// A notice in a case's thread as a person sees it, platform-neutral: which case, what happened, what
// to do now, and the one action that answers it. Each kind has its own icon and tone.
import type { TFunction } from 'i18next';
import type { CaseRecord } from '../store/records.js';
import type { CardAction } from './case-view.js';
import { durationText } from './format.js';
import type { Tone } from './lead.js';
import { type InstantWriter, reminderText, type ThreadNotice } from './reminder-text.js';

/** The picture beside a notice: the adapters draw it (Slack emoji, a character on a card). */
export type NoticeIcon = 'hourglass' | 'alarm' | 'siren' | 'warning' | 'waiting' | 'scales' | 'note';

export interface NoticeModel {
  readonly kind: ThreadNotice['kind'];
  readonly icon: NoticeIcon;
  readonly tone: Tone;
  /** "15 minutes left · Case 2603…: VMs down"; null for a note (one line says it all). */
  readonly heading: string | null;
  readonly text: string;
  /** What to do now, where the text does not already say it. */
  readonly todo: string | null;
  readonly action: CardAction | null;
  /** Plain text for notifications and previews. */
  readonly summary: string;
}

const ICON: { readonly [K in ThreadNotice['kind']]: NoticeIcon } = {
  fraction: 'hourglass',
  before: 'alarm',
  breach: 'siren',
  warning: 'warning',
  waiting: 'waiting',
  disagreement: 'scales',
  note: 'note',
};

export interface NoticeOptions {
  /** How the platform writes an instant where the reader sees it (viewer-local where it can). */
  readonly when: InstantWriter;
  /** The same in plain text, for notifications. */
  readonly plain: InstantWriter;
}

export function noticeModel(
  t: TFunction,
  record: CaseRecord,
  notice: ThreadNotice,
  options: NoticeOptions,
): NoticeModel {
  const title = t('cards:case.title', { number: record.caseNumber, title: record.title });
  const headline = headlineOf(t, notice);
  const plainText = reminderText(t, notice, options.plain);
  return {
    kind: notice.kind,
    icon: ICON[notice.kind],
    tone: toneOf(notice),
    heading: headline === null ? null : t('cards:notice.heading', { headline, case: title }),
    text: reminderText(t, notice, options.when),
    todo: todoOf(t, notice),
    action: actionOf(t, notice),
    summary: notice.kind === 'note' ? plainText : t('cards:notice.summary', { case: title, text: plainText }),
  };
}

function toneOf(notice: ThreadNotice): Tone {
  switch (notice.kind) {
    case 'breach':
      return 'attention';
    case 'before':
    case 'warning':
    case 'waiting':
    case 'disagreement':
      return 'warning';
    case 'fraction':
      return notice.fraction >= 0.75 ? 'warning' : 'accent';
    case 'note':
      return 'neutral';
  }
}

function headlineOf(t: TFunction, notice: ThreadNotice): string | null {
  switch (notice.kind) {
    // How long there is, whichever reminder says it (the sentence says the share used).
    case 'fraction':
    case 'before':
      return t('cards:notice.before', { left: durationText(t, notice.remainingMinutes) });
    case 'breach':
      return t('cards:notice.breach');
    case 'warning':
      return t(notice.code === 'downgrade_risk' ? 'cards:notice.downgrade' : 'cards:notice.warning');
    case 'waiting':
      return t('cards:notice.waiting');
    case 'disagreement':
      return t('cards:notice.disagreement');
    case 'note':
      return null;
  }
}

function todoOf(t: TFunction, notice: ThreadNotice): string | null {
  switch (notice.kind) {
    case 'fraction':
    case 'before':
      return t('cards:notice.todo.beforeDeadline');
    case 'breach':
      return t('cards:notice.todo.breach');
    // The sentence gives both deadlines; which one holds is worth checking, with Microsoft if need be.
    case 'disagreement':
      return t('cards:notice.todo.disagreement');
    case 'warning':
    case 'waiting':
    case 'note':
      // Their sentence already says what to do (or nothing is to be done).
      return null;
  }
}

/** The card's primary action, on the notice itself, where it answers the notice. */
function actionOf(t: TFunction, notice: ThreadNotice): CardAction | null {
  switch (notice.kind) {
    case 'fraction':
    case 'before':
    case 'breach':
      return { action: 'respond_now', label: t('cards:action.respond_now'), style: 'primary' };
    case 'waiting':
      return { action: 'we_answered', label: t('cards:action.we_answered') };
    // No button answers these: the sentence and what to do say it.
    case 'warning':
    case 'disagreement':
    case 'note':
      return null;
  }
}
