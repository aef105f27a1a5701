// A case that follows an Azure support ticket: Microsoft's own clock beside ours (SLA-RULES §10–§11)
// as the card shows it, and the one thread notice when the two disagree.
import { type Assessment, compareWithMicrosoft } from '../sla/index.js';
import { type CaseRecord, pendingReminder, type ReminderRow } from '../store/records.js';
import type { MicrosoftSide } from './types.js';

export function microsoftSide(record: CaseRecord, assessment: Assessment): MicrosoftSide | undefined {
  const { source } = record;
  if (!source) return undefined;
  const { differenceMinutes, agrees, reason } = compareWithMicrosoft(assessment, source.microsoft);
  return {
    ticketNumber: source.ticketNumber,
    deadline: source.microsoft.deadline,
    agreement: { differenceMinutes, agrees, reason },
  };
}

/**
 * The notice that Microsoft's deadline is more than 3 minutes from ours, with nothing to explain it (a
 * snapshot caught mid-change is not one): at most once per case, whatever changes later, by its key.
 */
export function disagreementNotices(record: CaseRecord, assessment: Assessment, now: number): ReminderRow[] {
  const microsoft = record.source?.microsoft.deadline;
  if (record.state !== 'open' || microsoft === undefined || microsoft === null) return [];
  if (microsoftSide(record, assessment)?.agreement.reason !== 'disagrees') return [];
  const notice = { kind: 'disagreement', ours: assessment.deadline, microsoft } as const;
  return [pendingReminder(record, notice, now, `${record.id}:disagreement`)];
}
