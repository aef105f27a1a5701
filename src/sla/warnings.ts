import type { Policy } from './policy/types.js';
import type { DowngradeReason, Product, Severity, Warning } from './types.js';

export interface WarningFacts {
  readonly severity: Severity;
  readonly commit24x7: boolean;
  readonly available24x7: boolean;
  readonly waitingOnCustomer: boolean;
  readonly product: Product;
}

// The notes carry no data: one frozen value each, shared by every answer.
const CONTACT_DETAILS: Warning = Object.freeze({ code: 'contact_details' });
const BUSINESS_HOURS_ONLY: Warning = Object.freeze({ code: 'business_hours_contact_only' });
const OTHER_CHANNEL: Warning = Object.freeze({ code: 'other_channel_terms' });
// The risks carry only the severity and the reason: one frozen value each too (few severities exist).
const downgrades = new Map<Severity, Readonly<Record<DowngradeReason, Warning>>>();

function downgrade(to: Severity, reason: DowngradeReason): Warning {
  let byReason = downgrades.get(to);
  if (!byReason) {
    const risk = (why: DowngradeReason): Warning =>
      Object.freeze({ code: 'downgrade_risk', to, reason: why });
    byReason = {
      not_available_24x7: risk('not_available_24x7'),
      waiting_on_customer: risk('waiting_on_customer'),
    };
    downgrades.set(to, byReason);
  }
  return byReason[reason];
}

/** The severity-downgrade risks and contact notes of SLA-RULES §7, most urgent first. */
export function warningsFor(policy: Policy, facts: WarningFacts): Warning[] {
  const warnings: Warning[] = [];
  const { severity, commit24x7, available24x7 } = facts;
  const clock = policy.clocks[severity];
  const lower = clock.downgradeTo;
  // A is a 24x7 commitment by itself; B only when the customer chose 24x7 when submitting.
  const committed = clock.needs24x7Choice ? commit24x7 : true;
  if (lower && committed && !available24x7) {
    warnings.push(downgrade(lower, 'not_available_24x7'));
  }
  if (lower && facts.waitingOnCustomer) {
    warnings.push(downgrade(lower, 'waiting_on_customer'));
  }
  if (clock.contactDetailsNote) warnings.push(CONTACT_DETAILS);
  // No clock runs around the clock for this case: Microsoft calls during business hours only.
  if (clock.languages24x7.length === 0 || (clock.needs24x7Choice && !commit24x7)) {
    warnings.push(BUSINESS_HOURS_ONLY);
  }
  if (policy.products[facts.product] === 'agreement-terms') warnings.push(OTHER_CHANNEL);
  return warnings;
}
