import { SlaFailure } from '../errors.js';
import type { PlanRule, Policy } from '../policy/types.js';
import type { IssueType, Product } from '../types.js';
import { spelling } from './plan.js';

/** The issue type, checked against the plans that offer it (advisory only on ProDirect and Premier). */
export function readIssueType(policy: Policy, plan: PlanRule, value: unknown): IssueType {
  if (value === undefined || value === null || value === '') return policy.defaultIssueType;
  const id = typeof value === 'string' ? spelling(value) : '';
  const plans = (policy.issueTypes as Record<string, readonly string[] | 'all'>)[id];
  if (!plans) {
    throw new SlaFailure('out_of_scope', {
      field: 'issueType',
      value: String(value),
      accepted: Object.keys(policy.issueTypes),
    });
  }
  if (plans !== 'all' && !plans.includes(plan.id)) {
    throw new SlaFailure('out_of_scope', { field: 'issueType', value: id, plan: plan.id, plans });
  }
  return id as IssueType;
}

export function readProduct(policy: Policy, value: unknown): Product {
  if (value === undefined || value === null || value === '') return policy.defaultProduct;
  const id = typeof value === 'string' ? spelling(value) : '';
  if (!(id in policy.products)) {
    throw new SlaFailure('out_of_scope', {
      field: 'product',
      value: String(value),
      accepted: Object.keys(policy.products),
    });
  }
  return id as Product;
}
