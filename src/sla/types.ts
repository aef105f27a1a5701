// The public vocabulary of the SLA core. Instants are epoch milliseconds (UTC); the core never reads a clock.

/** The built-in policy's plans. */
export type PlanId = 'developer' | 'standard' | 'professional-direct' | 'premier' | 'rapid-response';
export type Severity = 'A' | 'B' | 'C';
export type SupportLanguage = 'en' | 'es' | 'fr' | 'de' | 'it' | 'pt' | 'zh-Hant' | 'ko' | 'ja';
export type Coverage = '24x7' | 'business-hours';
export type IssueType =
  | 'technical'
  | 'billing'
  | 'subscription-management'
  | 'technical-compensation'
  | 'advisory'
  | 'proactive'
  | 'account-management';
export type Product = 'azure-ga' | 'azure-preview' | 'non-microsoft' | 'other-channel';

/** What a caller knows about a case, as it comes (strings are normalised by the core). */
export interface SlaInput {
  plan: string;
  severity: string;
  /** BCP 47 tag of the language the customer wants support in; default `en`. */
  language?: string;
  /** ISO 3166-1 alpha-2 or alpha-3. */
  country: string;
  subdivision?: string;
  /** IANA zone of the customer. */
  timeZone?: string;
  /** A: the customer is available 24x7 (default true). B: 24x7 chosen when submitting (default false). */
  commit24x7?: boolean;
  /** B with 24x7 (and A): whether the customer is still reachable 24x7; defaults to `commit24x7`. */
  available24x7?: boolean;
  /** Microsoft is waiting on the customer for resources or answers (footnote 3). */
  waitingOnCustomer?: boolean;
  /** ISO 8601 with an offset (`Z` or `+01:00`), or epoch milliseconds. */
  openedAt: string | number;
  /**
   * When the first-response clock (re)started, if later than `openedAt`: a severity change restarts
   * it (SLA-RULES §11), and Microsoft's `serviceLevelAgreement.startTime` can lag a ticket's creation.
   * Same forms as `openedAt`; one before `openedAt` is ignored (the clock never starts before the case).
   */
  clockStartsAt?: string | number;
  issueType?: string;
  product?: string;
  /**
   * The target in whole minutes for a plan the policy does not know (an Azure ticket's own
   * `slaMinutes` for Basic, Azure Internal or Unified plans): the case then runs on its severity's
   * usual clock. Ignored for the policy's own plans.
   */
  targetMinutes?: number;
}

export interface Candidate {
  responseLanguage: SupportLanguage;
  coverage: Coverage;
  deadline: number;
}

export interface ClockStatus {
  at: number;
  /**
   * Whole minutes of clock time used since the clock started (business minutes on a business-hours
   * clock), counted up to at most 31 days after the deadline.
   */
  elapsedMinutes: number;
  /** Whole minutes of clock time left before the deadline; 0 once it has passed. */
  remainingMinutes: number;
  /** elapsed / target; above 1 once breached. */
  fractionUsed: number;
  /** The clock is counting at `at` (open hours, or 24x7, and `at` is not before the clock starts). */
  running: boolean;
  /** When a stopped clock starts again; null while running. */
  resumesAt: number | null;
  /** `at` is after the deadline. */
  breached: boolean;
}

export type WarningCode =
  | 'downgrade_risk'
  | 'contact_details'
  | 'business_hours_contact_only'
  | 'other_channel_terms';
export type DowngradeReason = 'not_available_24x7' | 'waiting_on_customer';

export interface Warning {
  code: WarningCode;
  /** downgrade_risk: the severity it may be lowered to. */
  to?: Severity;
  reason?: DowngradeReason;
}

export interface Assessment {
  /** The policy's plan id (`premier`, …): built-in ones are `PlanId`s, an operator's policy may have others. */
  plan: string;
  severity: Severity;
  targetMinutes: number;
  /** Where the target comes from: the policy's plan, or the input's `targetMinutes` (a plan it does not know). */
  targetSource: 'policy' | 'input';
  issueType: IssueType;
  product: Product;
  country: string;
  subdivision: string | null;
  /** The customer's zone: deadlines are shown in it. */
  timeZone: string;
  commit24x7: boolean;
  available24x7: boolean;
  /** The language the customer asked for, mapped to a support language. */
  requestedLanguage: SupportLanguage;
  openedAt: number;
  /** When the clock counts from: `openedAt`, or a later `clockStartsAt` (a restart). */
  clockStartsAt: number;
  responseLanguage: SupportLanguage;
  coverage: Coverage;
  deadline: number;
  alternative: Candidate | null;
  status: ClockStatus;
  warnings: Warning[];
}

export type SlaErrorCode =
  | 'unknown_plan'
  | 'unknown_severity'
  | 'severity_not_available'
  | 'unknown_country'
  | 'unknown_subdivision'
  | 'time_zone_required'
  | 'invalid_time_zone'
  | 'invalid_opened_at'
  | 'invalid_json'
  | 'out_of_scope'
  | 'invalid_language'
  | 'invalid_at'
  | 'invalid_field';

/** Parameters that let a message say what was wrong and what is accepted. */
export type SlaErrorParams = Record<string, string | number | boolean | readonly string[]>;

export type Evaluation = { ok: true; assessment: Assessment } | { ok: false; error: SlaErrorInfo };

export interface SlaErrorInfo {
  code: SlaErrorCode;
  params: SlaErrorParams;
}
