import { SlaFailure } from '../errors.js';
import type { PlanRule, Policy } from '../policy/types.js';
import type { IssueType, Product } from '../types.js';
import { textField } from './fields.js';
import { shown } from './limits.js';
import { spelling } from './plan.js';

/** The issue type, checked against the plans that offer it (advisory only on ProDirect and Premier). */
export function readIssueType(policy: Policy, plan: PlanRule, value: unknown): IssueType {
  const text = textField(value, 'issueType', 'invalid_field');
  if (text === undefined) return policy.defaultIssueType;
  const id = ownKey(policy.issueTypes, spelling(text));
  if (id === undefined) {
    throw new SlaFailure('out_of_scope', {
      field: 'issueType',
      value: shown(value),
      accepted: Object.keys(policy.issueTypes),
    });
  }
  const plans = policy.issueTypes[id];
  if (plans !== 'all' && !plans.includes(plan.id)) {
    throw new SlaFailure('out_of_scope', { field: 'issueType', value: id, plan: plan.id, plans });
  }
  return id;
}

export function readProduct(policy: Policy, value: unknown): Product {
  const text = textField(value, 'product', 'invalid_field');
  if (text === undefined) return policy.defaultProduct;
  const id = ownKey(policy.products, spelling(text));
  if (id === undefined) {
    throw new SlaFailure('out_of_scope', {
      field: 'product',
      value: shown(value),
      accepted: Object.keys(policy.products),
    });
  }
  return id;
}

/** The key itself when the record has it as its own property (never `constructor` or `__proto__`). */
function ownKey<K extends string>(record: Readonly<Record<K, unknown>>, key: string): K | undefined {
  return Object.hasOwn(record, key) ? (key as K) : undefined;
}
