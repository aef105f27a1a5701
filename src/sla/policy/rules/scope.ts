import type { IssueType, Product } from '../../types.js';
import { type Data, type Findings, join, own } from '../findings.js';

const ISSUE_TYPES: readonly IssueType[] = [
  'technical',
  'billing',
  'subscription-management',
  'technical-compensation',
  'advisory',
  'proactive',
  'account-management',
];
const PRODUCTS: readonly Product[] = ['azure-ga', 'azure-preview', 'non-microsoft', 'other-channel'];
const TERMS = ['covered', 'agreement-terms'];

/** Issue types and products are known ones; plans they name exist; the defaults are offered everywhere. */
export function checkScope(findings: Findings, policy: Data, planIds: readonly string[]): void {
  const issueTypes = findings.record(own(policy, 'issueTypes'), 'issueTypes');
  for (const [id, plans] of Object.entries(issueTypes ?? {})) {
    const path = join('issueTypes', id);
    if (!ISSUE_TYPES.some((known) => known === id)) findings.add('issue_type_known', path, id);
    if (plans === 'all') continue;
    findings.list(plans, path)?.forEach((plan, index) => {
      if (typeof plan !== 'string' || !planIds.includes(plan))
        findings.add('plan_known', join(path, index), plan);
    });
  }
  const defaultIssueType = own(policy, 'defaultIssueType');
  if (typeof defaultIssueType !== 'string' || !issueTypes || own(issueTypes, defaultIssueType) !== 'all') {
    findings.add('default_issue_type', 'defaultIssueType', defaultIssueType);
  }
  const products = findings.record(own(policy, 'products'), 'products');
  for (const [id, terms] of Object.entries(products ?? {})) {
    const path = join('products', id);
    if (!PRODUCTS.some((known) => known === id)) findings.add('product_known', path, id);
    if (typeof terms !== 'string' || !TERMS.includes(terms)) findings.add('product_terms', path, terms);
  }
  const defaultProduct = own(policy, 'defaultProduct');
  if (typeof defaultProduct !== 'string' || !products || own(products, defaultProduct) === undefined) {
    findings.add('default_product', 'defaultProduct', defaultProduct);
  }
}
