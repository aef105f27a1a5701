// The line a case's card leads with: how long do we have. The state as a badge with its tone, the
// deadline, and the time left (or how late, or when Microsoft answered) beside it.
import type { TFunction } from 'i18next';
import type { CaseView } from '../cases/types.js';
import { timeZone } from '../sla/time/zone.js';
import type { InstantWriter } from './facts.js';
import { overdueMinutes } from './facts.js';
import { durationText, instantText } from './format.js';

/** Where the case stands now; each has its badge and its tone. */
export type Standing = 'open' | 'due_soon' | 'breached' | 'met' | 'missed' | 'closed';

/** A platform-neutral colour: Teams container styles, Slack emoji. A breach is never `good`. */
export type Tone = 'accent' | 'warning' | 'attention' | 'good' | 'neutral';

export const TONE_OF: { readonly [S in Standing]: Tone } = {
  open: 'accent',
  due_soon: 'warning',
  breached: 'attention',
  met: 'good',
  missed: 'attention',
  closed: 'neutral',
};

/** From this share of the target used an open case is "due soon". */
export const DUE_SOON_FRACTION = 0.75;

export interface CaseLead {
  readonly standing: Standing;
  readonly tone: Tone;
  /** "Open", "Due soon", "Breached", "Met by 40 minutes", "Breached by 25 minutes", "Closed". */
  readonly badge: string;
  /** "Deadline Tue 11:00", in the writer's time (each viewer's own, where the platform can). */
  readonly deadline: string;
  /** The deadline's time alone ("11:00"), for a platform that shows it apart at the top (LeadOptions.time). */
  readonly time: string;
  /** "40 minutes left", "2 hours of business hours left", "3 hours overdue", "Microsoft responded …". */
  readonly detail: string | null;
  /** Outside business hours: "The clock is paused until Mon 9:00" (or starts then). */
  readonly clock: string | null;
  /** The deadline in the customer's own time, only where it differs from the reader's. */
  readonly customerTime: string | null;
}

export function standingOf(view: CaseView): Standing {
  const { record, assessment, outcome } = view;
  if (record.state === 'closed') return 'closed';
  if (outcome) return outcome.met ? 'met' : 'missed';
  if (assessment.status.breached) return 'breached';
  return assessment.status.fractionUsed >= DUE_SOON_FRACTION ? 'due_soon' : 'open';
}

export interface LeadOptions {
  readonly locale: string;
  readonly when: InstantWriter;
  /** How the platform writes an instant's time of day alone; default: `when`. */
  readonly time?: InstantWriter | undefined;
  /** The zone of whoever the card is rendered for, when known: the customer's time shows where it differs. */
  readonly readerZone?: string | undefined;
}

export function caseLead(t: TFunction, view: CaseView, options: LeadOptions): CaseLead {
  const standing = standingOf(view);
  const { assessment } = view;
  return {
    standing,
    tone: TONE_OF[standing],
    badge: badgeText(t, view, standing),
    deadline: t('cards:lead.deadline', { when: options.when(assessment.deadline) }),
    time: (options.time ?? options.when)(assessment.deadline),
    detail: detailText(t, view, standing, options.when),
    clock: clockText(t, view, standing, options.when),
    customerTime: differsFromReader(assessment.deadline, assessment.timeZone, options.readerZone)
      ? t('cards:lead.customerTime', {
          time: instantText(assessment.deadline, assessment.timeZone, options.locale),
        })
      : null,
  };
}

function badgeText(t: TFunction, view: CaseView, standing: Standing): string {
  const margin = view.outcome ? durationText(t, view.outcome.marginMinutes) : '';
  return t(`cards:badge.${standing}`, { margin });
}

function detailText(t: TFunction, view: CaseView, standing: Standing, when: InstantWriter): string | null {
  const { assessment, outcome } = view;
  const { status } = assessment;
  switch (standing) {
    case 'open':
    case 'due_soon': {
      const left = durationText(t, status.remainingMinutes);
      return t(assessment.coverage === 'business-hours' ? 'cards:lead.leftBusiness' : 'cards:lead.left', {
        left,
      });
    }
    case 'breached':
      // Past the deadline by seconds is still past it: never "0 minutes overdue".
      return t('cards:lead.overdue', { duration: durationText(t, Math.max(1, overdueMinutes(assessment))) });
    case 'met':
    case 'missed':
    case 'closed':
      return outcome ? t('cards:lead.responded', { when: when(outcome.respondedAt) }) : null;
  }
}

/** An open case's clock outside business hours: when it starts, or when it resumes. */
function clockText(t: TFunction, view: CaseView, standing: Standing, when: InstantWriter): string | null {
  const { status, clockStartsAt } = view.assessment;
  if ((standing !== 'open' && standing !== 'due_soon') || status.running) return null;
  const resumes = when(status.resumesAt ?? clockStartsAt);
  return t(status.at < clockStartsAt ? 'cards:lead.starts' : 'cards:lead.paused', { when: resumes });
}

/** Whether the customer's wall time at `instant` differs from the reader's (unknown reader: it may). */
function differsFromReader(instant: number, customerZone: string, readerZone: string | undefined): boolean {
  if (!readerZone) return true;
  const reader = timeZone(readerZone)?.offsetAt(instant);
  const customer = timeZone(customerZone)?.offsetAt(instant);
  return reader === undefined || customer === undefined || reader !== customer;
}
