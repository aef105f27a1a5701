import type { IssueType, Product, Severity, SupportLanguage } from '../types.js';

/** Minutes to first response per severity; null where the plan does not offer the severity. */
export type Targets = Readonly<Record<Severity, number | null>>;

export interface PlanRule {
  /** Lower case, digits and hyphens: `professional-direct`. Has a label `common:plan.<id>` in every locale. */
  readonly id: string;
  readonly aliases: readonly string[];
  readonly targets: Targets;
}

/** Which languages answer a severity around the clock, and whether the customer must choose 24x7. */
export interface SeverityClock {
  readonly languages24x7: readonly SupportLanguage[];
  readonly needs24x7Choice: boolean;
  /** Whether choosing the severity counts as a 24x7 commitment when the input does not say. */
  readonly committedByDefault: boolean;
  /** A committed customer who stops being reachable 24x7 risks this lower severity. */
  readonly downgradeTo: Severity | null;
  /** Remind the customer that Microsoft needs correct contact details. */
  readonly contactDetailsNote: boolean;
}

export interface BusinessHours {
  readonly id: string;
  /** ISO 3166-1 alpha-2 codes; `*` is every country not listed elsewhere (exactly one entry has it). */
  readonly countries: readonly string[] | '*';
  /** ISO weekdays, Monday = 1. */
  readonly weekdays: readonly number[];
  /** `HH:mm`, before `closes`. */
  readonly opens: string;
  readonly closes: string;
  /** IANA zone the hours are kept in; `local` is the customer's own zone. */
  readonly timeZone: string | 'local';
}

/** The kinds of day date-holidays knows; a policy closes the whole day on the kinds it lists. */
export type HolidayType = 'public' | 'bank' | 'optional' | 'school' | 'observance';

/** A day closed beyond date-holidays' list: `YYYY-MM-DD` once, or `MM-DD` every year from `since` to `until`. */
export interface AddedHoliday {
  readonly name: string;
  readonly date: string;
  readonly since?: number;
  readonly until?: number;
}

/**
 * Corrections to date-holidays for one region: `US` (the country and all its subdivisions) or `AU-NSW`
 * (one subdivision, on top of the country's).
 */
export interface HolidayAdjustment {
  readonly region: string;
  /**
   * Holidays that stay open: a name as date-holidays gives it in English (its substitute day goes with
   * it), or one local date `YYYY-MM-DD`.
   */
  readonly drop: readonly string[];
  readonly add: readonly AddedHoliday[];
}

export interface Policy {
  readonly id: string;
  readonly plans: readonly PlanRule[];
  readonly severities: readonly Severity[];
  readonly clocks: Readonly<Record<Severity, SeverityClock>>;
  readonly supportLanguages: readonly SupportLanguage[];
  /** The language every 24x7 fallback is offered in. */
  readonly fallbackLanguage: SupportLanguage;
  readonly businessHours: readonly BusinessHours[];
  /** Holiday types from date-holidays that close the whole local day. */
  readonly holidayTypes: readonly HolidayType[];
  readonly holidayAdjustments: readonly HolidayAdjustment[];
  readonly issueTypes: Readonly<Record<IssueType, readonly string[] | 'all'>>;
  readonly products: Readonly<Record<Product, 'covered' | 'agreement-terms'>>;
  readonly defaultIssueType: IssueType;
  readonly defaultProduct: Product;
}
