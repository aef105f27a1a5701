import type { SlaErrorInfo, SlaInput } from '../../types.js';

/** Who the ticket is, as Azure names it (never used for the SLA itself). */
export interface TicketFacts {
  /** The ARM resource id (`/subscriptions/…/supportTickets/…`), when the resource came whole. */
  readonly resourceId: string | null;
  /** The ticket number people quote: `supportTicketId`, else the resource `name`. */
  readonly id: string | null;
  readonly title: string | null;
  /** `Open`, `Closed`, … as Azure writes it. */
  readonly status: string | null;
  /** The plan as the ticket names it (`supportPlanType`, else its display name). */
  readonly plan: string | null;
  /** Whether that plan is one of the policy's; if not, the ticket's own `slaMinutes` is the target. */
  readonly planInPolicy: boolean;
  /** The contact's `preferredTimeZone` (a Windows zone name) as an IANA zone, for showing times only. */
  readonly displayTimeZone: string | null;
}

/** Microsoft's own first-response clock from `serviceLevelAgreement` (epoch ms; null where absent). */
export interface MicrosoftClock {
  readonly deadline: number | null;
  readonly slaMinutes: number | null;
  readonly startTime: number | null;
}

export type TicketReading =
  | {
      readonly ok: true;
      readonly input: SlaInput;
      readonly ticket: TicketFacts;
      readonly microsoft: MicrosoftClock;
    }
  | {
      readonly ok: false;
      readonly error: SlaErrorInfo;
      /** What could be read of the ticket's identity; null when the line is not a ticket at all. */
      readonly ticket: TicketFacts | null;
    };

/**
 * Why our deadline and Microsoft's differ, or what to know when they agree:
 * - `null`: within 3 minutes, on the policy's own target;
 * - `ticket_target`: within 3 minutes; the plan is not the policy's, so the ticket's `slaMinutes` was the target;
 * - `mid_change`: the ticket's `slaMinutes` does not fit its plan and severity (a ticket caught
 *   mid-change, e.g. a severity change its clock does not show yet): not a disagreement to report;
 * - `disagrees`: more than 3 minutes apart with nothing to explain it;
 * - `no_microsoft_deadline`: the ticket carries no `serviceLevelAgreement.expirationTime`.
 */
export type AgreementReason = 'ticket_target' | 'mid_change' | 'disagrees' | 'no_microsoft_deadline';

export interface Agreement {
  /** Our deadline minus Microsoft's, in minutes (positive: ours is later), to the hundredth; null without theirs. */
  readonly differenceMinutes: number | null;
  /** Within 3 minutes (Microsoft rounds up to the minute, and its clock can start a minute late). */
  readonly agrees: boolean | null;
  readonly reason: AgreementReason | null;
}
