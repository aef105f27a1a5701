import type { TFunction } from 'i18next';
import type { CardAtDeadlineNotice, CardNotice, CardUpdateNotice, Notice } from '../reminders/notices.js';
import { durationText } from './format.js';

/** How an adapter writes an instant: Slack's `<!date^…>`, a card's DATE(), or plain local text. */
export type InstantWriter = (instant: number) => string;

/** The notices posted as words in a case's thread (the others change the card itself). */
export type ThreadNotice = Exclude<Notice, CardNotice | CardUpdateNotice | CardAtDeadlineNotice>;

/** The words of a reminder, warning or note posted in a case's thread. */
export function reminderText(t: TFunction, notice: ThreadNotice, when: InstantWriter): string {
  switch (notice.kind) {
    case 'fraction':
      return t('reminders:fraction', {
        percent: Math.round(notice.fraction * 100),
        left: durationText(t, notice.remainingMinutes),
        deadline: when(notice.deadline),
      });
    case 'before':
      return t('reminders:before', {
        left: durationText(t, notice.remainingMinutes),
        deadline: when(notice.deadline),
      });
    case 'breach':
      return notice.overdueMinutes
        ? t('reminders:breachLate', {
            deadline: when(notice.deadline),
            overdue: durationText(t, notice.overdueMinutes),
          })
        : t('reminders:breach', { deadline: when(notice.deadline) });
    case 'waiting':
      return t(notice.to ? 'reminders:waiting' : 'reminders:waitingNoRisk', {
        since: when(notice.since),
        to: notice.to,
      });
    case 'warning':
      return t(
        notice.reason === 'waiting_on_customer'
          ? 'sla:warning.downgrade_risk_waiting'
          : `sla:warning.${notice.code}`,
        { to: notice.to },
      );
    case 'note':
      return actionNoteText(t, notice.event, notice.actor, notice.data);
    case 'disagreement':
      return t(
        notice.microsoft < notice.ours ? 'reminders:disagreementEarlier' : 'reminders:disagreementLater',
        {
          microsoft: when(notice.microsoft),
          ours: when(notice.ours),
          difference: durationText(t, Math.round(Math.abs(notice.ours - notice.microsoft) / 60_000)),
        },
      );
  }
}

/** "Ann recorded Microsoft's first response": the thread line after a card button. */
export function actionNoteText(
  t: TFunction,
  event: string,
  actor: string,
  data: Record<string, unknown> = {},
): string {
  return t(`reminders:note.${event}`, { actor, ...data });
}
