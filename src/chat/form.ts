// The case form, for every chat platform: its fields, which come first, and one reader from the
// plain values an adapter takes out of its platform's submission to the core's input. Only the
// form's own rules live here (what must be filled in); the SLA rules stay in the core.
import type { SlaInput } from '../sla/index.js';

/** Every field of the case form, in the order a person fills them in. */
export const CASE_FIELDS = [
  'caseNumber',
  'title',
  'plan',
  'severity',
  'country',
  'language',
  'timeZone',
  'subdivision',
  'commit24x7',
  'openedAt',
  'issueType',
  'product',
] as const;
export type CaseField = (typeof CASE_FIELDS)[number];

/** Shown first; the rest sit under "more options", each with a default that is said on the form. */
export const FIRST_FIELDS: readonly CaseField[] = ['caseNumber', 'title', 'plan', 'severity', 'country'];
export const MORE_FIELDS: readonly CaseField[] = CASE_FIELDS.filter((field) => !FIRST_FIELDS.includes(field));

/** `track` registers a case; `check` only answers (no case number or title). */
export type FormPurpose = 'track' | 'check';

export const COMMIT_CHOICES = ['default', 'yes', 'no'] as const;
export type CommitChoice = (typeof COMMIT_CHOICES)[number];

/** A submission as plain values: what the adapter read out of its platform's payload. */
export interface CaseFormValues {
  readonly caseNumber?: string | undefined;
  readonly title?: string | undefined;
  readonly plan?: string | undefined;
  readonly severity?: string | undefined;
  readonly country?: string | undefined;
  readonly language?: string | undefined;
  readonly timeZone?: string | undefined;
  readonly subdivision?: string | undefined;
  readonly commit24x7?: string | undefined;
  /** Epoch ms; undefined: now; `invalid`: the platform's date and time did not make an instant. */
  readonly openedAt?: number | 'invalid' | undefined;
  readonly issueType?: string | undefined;
  readonly product?: string | undefined;
}

/** A form's own problem with a field: left empty, or a date and time that are not one. */
export type FormProblem = 'missing' | 'invalid';
export type FormProblems = Partial<Record<CaseField, FormProblem>>;

export type ReadForm =
  | { readonly ok: true; readonly caseNumber: string; readonly title: string; readonly input: SlaInput }
  | { readonly ok: false; readonly problems: FormProblems };

const REQUIRED: Record<FormPurpose, readonly CaseField[]> = {
  track: ['caseNumber', 'title', 'plan', 'severity', 'country'],
  check: ['plan', 'severity', 'country'],
};

/** The submission as the core's input, or every field the form itself finds wrong at once. */
export function readCaseForm(values: CaseFormValues, purpose: FormPurpose, now: number): ReadForm {
  const text = (field: Exclude<CaseField, 'openedAt'>) => values[field]?.trim() || undefined;
  const problems: FormProblems = {};
  for (const field of REQUIRED[purpose]) {
    if (field !== 'openedAt' && !text(field)) problems[field] = 'missing';
  }
  if (values.openedAt === 'invalid') problems.openedAt = 'invalid';
  if (Object.keys(problems).length) return { ok: false, problems };
  const commit = text('commit24x7');
  const input: SlaInput = {
    plan: text('plan') ?? '',
    severity: text('severity') ?? '',
    country: text('country') ?? '',
    language: text('language'),
    timeZone: text('timeZone'),
    subdivision: text('subdivision'),
    openedAt: typeof values.openedAt === 'number' ? values.openedAt : now,
    issueType: text('issueType'),
    product: text('product'),
    ...(commit === 'yes' ? { commit24x7: true } : commit === 'no' ? { commit24x7: false } : {}),
  };
  return { ok: true, caseNumber: text('caseNumber') ?? '', title: text('title') ?? '', input };
}
