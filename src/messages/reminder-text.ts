import type { TFunction } from 'i18next';
import type { ReminderRow } from '../store/records.js';
import { durationText } from './format.js';

/** How an adapter writes an instant: Slack's `<!date^…>`, a card's DATE(), or plain local text. */
export type InstantWriter = (instant: number) => string;

/** The words of a reminder or warning posted in a case's thread. */
export function reminderText(t: TFunction, reminder: ReminderRow, when: InstantWriter): string {
  const p = reminder.payload as Record<string, number | string | null>;
  // Only deadline reminders carry a deadline: warnings and waiting nudges have none to write.
  const deadline = () => when(Number(p.deadline));
  const [kind] = reminder.kind.split(':');
  switch (kind) {
    case 'fraction':
      return t('reminders:fraction', {
        percent: Math.round(Number(p.fraction) * 100),
        left: durationText(t, Number(p.remainingMinutes)),
        deadline: deadline(),
      });
    case 'before':
      return t('reminders:before', {
        left: durationText(t, Number(p.remainingMinutes)),
        deadline: deadline(),
      });
    case 'breach':
      return t('reminders:breach', { deadline: deadline() });
    case 'waiting':
      return t(p.to ? 'reminders:waiting' : 'reminders:waitingNoRisk', {
        since: when(Number(p.since)),
        to: p.to,
      });
    case 'warning':
      return t(
        p.reason === 'waiting_on_customer' ? 'sla:warning.downgrade_risk_waiting' : `sla:warning.${p.code}`,
        { to: p.to },
      );
    default:
      return t('reminders:unknown', { kind: reminder.kind });
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
