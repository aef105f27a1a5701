// What a new case form starts from. The customer's details come from the channel's last case (the
// channel is usually one customer's), never from the engineer's own client: a Japanese engineer is
// not a Japanese customer. Without a case in the channel they are left empty, and the form says
// where every default it shows came from.
import type { Policy } from '../sla/index.js';
import type { CaseRecord } from '../store/records.js';
import type { CaseStore } from '../store/store.js';
import type { CaseFormValues } from './form.js';

/** The new form's values, and the case its customer details were taken from (null: none). */
export interface FormDefaults {
  readonly values: CaseFormValues;
  readonly from: { readonly caseNumber: string; readonly title: string } | null;
}

export interface FormPlace {
  readonly tenantId: string;
  readonly channelId: string;
}

/** Taken from the channel's last case: who the customer is, not what this case is about. */
const CUSTOMER_FIELDS = ['plan', 'country', 'subdivision', 'timeZone', 'language'] as const;

export async function formDefaults(
  store: Pick<CaseStore, 'listCases'>,
  policy: Policy,
  place: FormPlace,
  extra: Pick<CaseFormValues, 'title'> = {},
): Promise<FormDefaults> {
  const cases = await store.listCases({ ...place, states: ['open', 'responded', 'closed'] });
  const last = latest(cases);
  const scope = { issueType: policy.defaultIssueType, product: policy.defaultProduct, commit24x7: 'default' };
  if (!last) return { values: { ...scope, ...extra }, from: null };
  const customer: Record<string, string> = {};
  for (const field of CUSTOMER_FIELDS) {
    const value = last.input[field];
    if (typeof value === 'string' && value.trim()) customer[field] = value;
  }
  // A plan the policy does not know (an Azure ticket's own target) is no default for a form.
  if (customer.plan && !policy.plans.some((plan) => plan.id === customer.plan)) delete customer.plan;
  return {
    values: { ...scope, ...customer, ...extra },
    from: { caseNumber: last.caseNumber, title: last.title },
  };
}

/** The case the defaults came from as the form names it ("2603…: VMs down"), or undefined. */
export function defaultsSource(defaults: FormDefaults): string | undefined {
  return defaults.from ? `${defaults.from.caseNumber}: ${defaults.from.title}`.slice(0, 300) : undefined;
}

function latest(cases: readonly CaseRecord[]): CaseRecord | undefined {
  let found: CaseRecord | undefined;
  for (const record of cases) if (!found || record.createdAt > found.createdAt) found = record;
  return found;
}
