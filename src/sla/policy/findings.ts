// What buildPolicy found wrong, and the typed reading of plain data that reports as it goes.

/** The named rules a policy is checked by (README, "Policy file", explains each). */
export type RuleName =
  | 'field_type'
  | 'field_missing'
  | 'field_known'
  | 'id_format'
  | 'id_once'
  | 'severities_all'
  | 'plan_every_severity'
  | 'target_minutes'
  | 'plan_offers_severity'
  | 'alias_once'
  | 'clock_every_severity'
  | 'severity_known'
  | 'language_known'
  | 'language_once'
  | 'language_supported'
  | 'fallback_language'
  | 'hours_wildcard_once'
  | 'country_known'
  | 'country_once'
  | 'weekdays_valid'
  | 'time_format'
  | 'hours_order'
  | 'zone_valid'
  | 'holiday_type_known'
  | 'region_known'
  | 'region_once'
  | 'holiday_known'
  | 'date_format'
  | 'issue_type_known'
  | 'plan_known'
  | 'product_known'
  | 'product_terms'
  | 'default_issue_type'
  | 'default_product';

/** One broken rule of a policy: which rule, where in the data, and the value found there. */
export interface PolicyProblem {
  /** The named rule, e.g. `zone_valid`, `hours_order`, `country_once` (or the loader's own). */
  readonly rule: string;
  /** Where in the policy data, e.g. `businessHours[1].timeZone`. */
  readonly path: string;
  /** The value found there, as JSON, shortened. */
  readonly value: string;
}

export type Data = Readonly<Record<string, unknown>>;

const SHOWN = 80;

export class Findings {
  readonly problems: PolicyProblem[] = [];

  add(rule: RuleName, path: string, value: unknown): void {
    const json = value === undefined ? '(missing)' : (JSON.stringify(value) ?? String(typeof value));
    this.problems.push({ rule, path, value: json.length > SHOWN ? `${json.slice(0, SHOWN)}…` : json });
  }

  /** A JSON object (not a list), or undefined with a `field_type` problem. */
  record(value: unknown, path: string): Data | undefined {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Data;
    this.add(value === undefined ? 'field_missing' : 'field_type', path, value);
    return undefined;
  }

  list(value: unknown, path: string): readonly unknown[] | undefined {
    if (Array.isArray(value)) return value;
    this.add(value === undefined ? 'field_missing' : 'field_type', path, value);
    return undefined;
  }

  text(value: unknown, path: string): string | undefined {
    if (typeof value === 'string' && value.trim() !== '') return value;
    this.add(value === undefined ? 'field_missing' : 'field_type', path, value);
    return undefined;
  }

  flag(value: unknown, path: string): boolean | undefined {
    if (typeof value === 'boolean') return value;
    this.add(value === undefined ? 'field_missing' : 'field_type', path, value);
    return undefined;
  }

  /** Every field of `data` must be one the format has: a misspelt field would silently do nothing. */
  knownFields(data: Data, path: string, fields: readonly string[]): void {
    for (const key of Object.keys(data)) {
      if (!fields.includes(key)) this.add('field_known', join(path, key), data[key]);
    }
  }
}

export function join(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path ? `${path}.${key}` : key;
}

const ID = /^[a-z0-9][a-z0-9-]{0,39}$/;

/** Ids are lower case letters, digits and hyphens (at most 40): they are locale keys and spellings. */
export function checkId(findings: Findings, value: unknown, path: string): string | undefined {
  const id = findings.text(value, path);
  if (id !== undefined && !ID.test(id)) {
    findings.add('id_format', path, id);
    return undefined;
  }
  return id;
}

/** Own properties only: a key named `constructor` or `__proto__` is just a key. */
export function own(data: Data, key: string): unknown {
  return Object.hasOwn(data, key) ? data[key] : undefined;
}
