import type { Region } from './input/region.js';
import type { PlanRule } from './policy/types.js';
import type { IssueType, Product, Severity, SupportLanguage } from './types.js';
import type { Zone } from './zones.js';

/** A case read and checked in full: every value typed, in range and known to the policy. */
export interface CaseFacts {
  readonly plan: PlanRule;
  readonly severity: Severity;
  readonly targetMinutes: number;
  readonly targetSource: 'policy' | 'input';
  readonly requestedLanguage: SupportLanguage;
  readonly region: Region;
  /** The zone the input gave, or null: the calculation then takes the hours' or the country's. */
  readonly timeZone: Zone | null;
  readonly commit24x7: boolean;
  readonly available24x7: boolean;
  readonly waitingOnCustomer: boolean;
  readonly openedAt: number;
  /** When the clock counts from: `openedAt`, or a later restart (`clockStartsAt`). */
  readonly clockStartsAt: number;
  readonly issueType: IssueType;
  readonly product: Product;
}
