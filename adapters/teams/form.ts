// The case form as an Adaptive Card (the same fields as the Slack modal), and its submitted data.
import type { TFunction } from 'i18next';
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { CaseErrorCode } from '../../src/cases/types.js';
import { azurePolicy, type SlaErrorInfo, type SlaInput } from '../../src/sla/index.js';
import { type AdaptiveCard, adaptiveCard, type CardElement, text } from './card-json.js';

export type FormCommand = 'trackCase' | 'checkSla';
export type FormField =
  | 'caseNumber'
  | 'title'
  | 'plan'
  | 'severity'
  | 'country'
  | 'subdivision'
  | 'timeZone'
  | 'language'
  | 'commit24x7'
  | 'openedAt'
  | 'issueType'
  | 'product';
export type FormErrors = Partial<Record<FormField, string>>;

/** What the form shows: the defaults at first, what the person typed when it comes back with errors. */
export const FormValues = z.object({
  caseNumber: z.string().optional(),
  title: z.string().optional(),
  plan: z.string().optional(),
  severity: z.string().optional(),
  country: z.string().optional(),
  subdivision: z.string().optional(),
  timeZone: z.string().optional(),
  language: z.string().optional(),
  commit24x7: z.enum(['default', 'yes', 'no']).optional(),
  openedDate: z.string().optional(),
  openedTime: z.string().optional(),
  issueType: z.string().optional(),
  product: z.string().optional(),
  /** The zone the date and time were typed in: the client's, carried in the submit action's data. */
  clientZone: z.string().optional(),
});
export type FormValues = z.infer<typeof FormValues>;

export function formCard(
  t: TFunction,
  command: FormCommand,
  values: FormValues,
  errors: FormErrors = {},
): AdaptiveCard {
  const policy = azurePolicy;
  const after = (field: FormField): CardElement[] => {
    const message = errors[field];
    return message ? [text(message, { color: 'attention', size: 'small', spacing: 'none' })] : [];
  };
  const input = (
    field: Exclude<FormField, 'openedAt'>,
    type: string,
    extra: Record<string, unknown>,
  ): CardElement[] => [
    { type, id: field, label: t(`teams:form.${field}.label`), value: values[field] ?? '', ...extra },
    ...after(field),
  ];
  const textInput = (field: Exclude<FormField, 'openedAt'>, required = false) =>
    input(field, 'Input.Text', {
      placeholder: t(`teams:form.${field}.placeholder`),
      ...(required ? { isRequired: true, errorMessage: t('teams:form.required') } : {}),
    });
  const choice = (
    field: Exclude<FormField, 'openedAt'>,
    choices: Array<{ title: string; value: string }>,
    required = false,
  ) =>
    input(field, 'Input.ChoiceSet', {
      style: 'compact',
      choices,
      ...(required ? { isRequired: true, errorMessage: t('teams:form.required') } : {}),
    });

  const body: CardElement[] = [
    text(t(`teams:form.${command}.intro`), { isSubtle: true }),
    ...(command === 'trackCase' ? textInput('caseNumber', true) : []),
    ...(command === 'trackCase' ? textInput('title') : []),
    ...choice(
      'plan',
      policy.plans.map((plan) => ({ title: t(`common:plan.${plan.id}`), value: plan.id })),
      true,
    ),
    ...choice(
      'severity',
      policy.severities.map((s) => ({ title: t(`common:severity.${s}`), value: s })),
      true,
    ),
    ...textInput('country', true),
    ...textInput('subdivision'),
    ...textInput('timeZone'),
    ...textInput('language'),
    ...choice(
      'commit24x7',
      ['default', 'yes', 'no'].map((value) => ({ title: t(`teams:form.commit24x7.${value}`), value })),
    ),
    {
      type: 'Input.Date',
      id: 'openedDate',
      label: t('teams:form.openedDate.label'),
      value: values.openedDate ?? '',
    },
    {
      type: 'Input.Time',
      id: 'openedTime',
      label: t('teams:form.openedTime.label'),
      value: values.openedTime ?? '',
    },
    ...after('openedAt'),
    ...choice(
      'issueType',
      Object.keys(policy.issueTypes).map((id) => ({ title: t(`common:issueType.${id}`), value: id })),
    ),
    ...choice(
      'product',
      Object.keys(policy.products).map((id) => ({ title: t(`common:product.${id}`), value: id })),
    ),
  ];
  const submit = {
    type: 'Action.Submit',
    title: t(`teams:form.${command}.submit`),
    style: 'positive',
    data: { clientZone: values.clientZone ?? '' },
  };
  return adaptiveCard(body, [submit]);
}

/** The defaults a new form starts from: the client's language and zone, opened now. */
export function defaultValues(
  locale: string,
  timeZone: string | undefined,
  title: string | undefined,
): FormValues {
  return {
    title: title ?? '',
    plan: 'professional-direct',
    severity: 'B',
    language: locale,
    timeZone: timeZone ?? '',
    commit24x7: 'default',
    clientZone: timeZone ?? '',
  };
}

export type ParsedForm =
  | { ok: true; values: FormValues; caseNumber: string; title: string; input: SlaInput }
  | { ok: false; values: FormValues; errors: FormErrors };

/** Reads the submitted data into the SLA input; only the form's own rules here, the SLA rules stay in the core. */
export function parseForm(t: TFunction, command: FormCommand, data: unknown, now: number): ParsedForm {
  const parsed = FormValues.safeParse(data ?? {});
  const values: FormValues = parsed.success ? parsed.data : {};
  const errors: FormErrors = {};
  const blank = (value: string | undefined) => !value?.trim();
  if (command === 'trackCase' && blank(values.caseNumber)) errors.caseNumber = t('teams:form.required');
  for (const field of ['plan', 'severity', 'country'] as const) {
    if (blank(values[field])) errors[field] = t('teams:form.required');
  }
  const openedAt = openedAtOf(values, now);
  if (openedAt === null) errors.openedAt = t('teams:form.openedAtInvalid');
  if (Object.keys(errors).length || openedAt === null) return { ok: false, values, errors };
  const optional = (value: string | undefined) => (blank(value) ? undefined : value?.trim());
  const input: SlaInput = {
    plan: values.plan?.trim() ?? '',
    severity: values.severity?.trim() ?? '',
    country: values.country?.trim() ?? '',
    subdivision: optional(values.subdivision),
    timeZone: optional(values.timeZone),
    language: optional(values.language),
    openedAt,
    issueType: optional(values.issueType),
    product: optional(values.product),
    ...(values.commit24x7 === 'yes'
      ? { commit24x7: true }
      : values.commit24x7 === 'no'
        ? { commit24x7: false }
        : {}),
  };
  return {
    ok: true,
    values,
    caseNumber: values.caseNumber?.trim() ?? '',
    title: values.title?.trim() ?? '',
    input,
  };
}

/** Date and time as typed in the client's zone (or the customer's, or UTC); both blank means now. */
function openedAtOf(values: FormValues, now: number): string | number | null {
  const date = values.openedDate?.trim();
  const time = values.openedTime?.trim();
  if (!date && !time) return now;
  const zone = values.clientZone?.trim() || values.timeZone?.trim() || 'UTC';
  const day = date || DateTime.fromMillis(now, { zone }).toISODate();
  const local = DateTime.fromISO(`${day}T${time || '00:00'}`, { zone });
  return local.isValid ? local.toMillis() : null;
}

/** The form field a case error is about; the rest show beside the case number. */
export function caseErrorField(code: CaseErrorCode): FormField {
  return code === 'opened_in_future' ? 'openedAt' : 'caseNumber';
}

/** The form field an SLA error is about, so the message shows beside it. */
export function errorField(error: SlaErrorInfo): FormField {
  switch (error.code) {
    case 'unknown_plan':
      return 'plan';
    case 'unknown_severity':
    case 'severity_not_available':
      return 'severity';
    case 'unknown_country':
      return 'country';
    case 'unknown_subdivision':
      return 'subdivision';
    case 'time_zone_required':
    case 'invalid_time_zone':
      return 'timeZone';
    case 'invalid_language':
      return 'language';
    case 'out_of_scope':
      return error.params.field === 'product' ? 'product' : 'issueType';
    case 'invalid_field':
      return error.params.field === 'commit24x7' ? 'commit24x7' : 'openedAt';
    default:
      return 'openedAt';
  }
}
