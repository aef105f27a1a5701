// The case form as an Adaptive Card (the same fields as the Slack modal): the few required fields
// first, the rest in a "More options" container with their defaults said in one line; after a
// mistake, a summary at the top and each problem beside its field. Submitted data is read into the
// kit's plain form values: the date and time are typed in the person's own zone.
import type { TFunction } from 'i18next';
import { DateTime } from 'luxon';
import { z } from 'zod';
import {
  type CaseField,
  type CaseFormValues,
  COMMIT_CHOICES,
  FIRST_FIELDS,
  type FormPurpose,
  MORE_FIELDS,
} from '../../src/chat/form.js';
import {
  type FormErrors,
  hasErrors,
  NO_ERRORS,
  summaryHeading,
  summaryLines,
} from '../../src/chat/form-errors.js';
import type { Policy } from '../../src/sla/index.js';
import { type AdaptiveCard, adaptiveCard, type CardElement, text } from './card-json.js';

export type FormCommand = 'trackCase' | 'checkSla';
export const PURPOSE: { readonly [C in FormCommand]: FormPurpose } = {
  trackCase: 'track',
  checkSla: 'check',
};
/** The container of the fields under "More options". */
export const MORE_OPTIONS = 'moreOptions';

/** What the form sends back (and shows again): strings as typed, the date and time apart. */
export const FormData = z.object({
  caseNumber: z.string().max(200).optional(),
  title: z.string().max(1000).optional(),
  plan: z.string().max(200).optional(),
  severity: z.string().max(200).optional(),
  country: z.string().max(200).optional(),
  subdivision: z.string().max(200).optional(),
  timeZone: z.string().max(200).optional(),
  language: z.string().max(200).optional(),
  commit24x7: z.enum(COMMIT_CHOICES).optional(),
  openedDate: z.string().max(40).optional(),
  openedTime: z.string().max(40).optional(),
  issueType: z.string().max(200).optional(),
  product: z.string().max(200).optional(),
  /** The zone the date and time were typed in: the person's own, carried in the submit action's data. */
  clientZone: z.string().max(100).optional(),
  /** The channel's last case the customer's details came from, said again when the form comes back. */
  from: z.string().max(300).optional(),
});
export type FormData = z.infer<typeof FormData>;

export interface FormState {
  readonly command: FormCommand;
  readonly data: FormData;
  readonly policy: Policy;
  readonly errors?: FormErrors;
}

/** Data that is not the form's (a wrong type, too long) reads as an empty form: the summary says what is missing. */
export function readFormData(data: unknown): FormData {
  const parsed = FormData.safeParse(data ?? {});
  return parsed.success ? parsed.data : {};
}

export function formCard(t: TFunction, state: FormState): AdaptiveCard {
  const errors = state.errors ?? NO_ERRORS;
  const shown = (field: CaseField) =>
    state.command === 'trackCase' || (field !== 'caseNumber' && field !== 'title');
  const expanded = MORE_FIELDS.some((field) => errors.fields[field] !== undefined);
  const body: CardElement[] = [];
  if (hasErrors(errors)) body.push(summary(t, errors));
  body.push(text(t(`teams:form.${state.command}.intro`), { isSubtle: true }));
  for (const field of FIRST_FIELDS.filter(shown)) body.push(...fieldElements(t, field, state, errors));
  body.push(
    text(state.data.from ? t('teams:form.from', { case: state.data.from }) : t('teams:form.fromNothing'), {
      isSubtle: true,
      size: 'small',
    }),
    text(defaultsLine(t, state), { isSubtle: true, size: 'small', spacing: 'none' }),
    {
      type: 'ActionSet',
      actions: [
        { type: 'Action.ToggleVisibility', title: t('teams:form.more'), targetElements: [MORE_OPTIONS] },
      ],
    },
    {
      type: 'Container',
      id: MORE_OPTIONS,
      isVisible: expanded,
      items: MORE_FIELDS.flatMap((field) => fieldElements(t, field, state, errors)),
    },
  );
  const submit = {
    type: 'Action.Submit',
    title: t(`teams:form.${state.command}.submit`),
    style: 'positive',
    data: { clientZone: state.data.clientZone ?? '', ...(state.data.from ? { from: state.data.from } : {}) },
  };
  return adaptiveCard(body, [submit]);
}

/** The submitted data as the kit's plain values; the date and time read in the zone they were typed in. */
export function formValues(data: FormData, now: number): CaseFormValues {
  const { openedDate, openedTime, clientZone, from: _from, ...rest } = data;
  return { ...rest, openedAt: openedAtOf(openedDate, openedTime, clientZone || data.timeZone, now) };
}

/** Date and time as typed (both empty: now); only a time: today there. */
function openedAtOf(
  date: string | undefined,
  time: string | undefined,
  zone: string | undefined,
  now: number,
): number | 'invalid' | undefined {
  const day = date?.trim();
  const clock = time?.trim();
  if (!day && !clock) return undefined;
  const where = zone?.trim() || 'UTC';
  const local = DateTime.fromISO(
    `${day || DateTime.fromMillis(now, { zone: where }).toISODate()}T${clock || '00:00'}`,
    {
      zone: where,
    },
  );
  return local.isValid ? local.toMillis() : 'invalid';
}

function summary(t: TFunction, errors: FormErrors): CardElement {
  const label = (field: CaseField) => t(`teams:form.${field === 'openedAt' ? 'openedDate' : field}.label`);
  return {
    type: 'Container',
    style: 'attention',
    items: [
      text(summaryHeading(t, errors), { weight: 'bolder' }),
      ...summaryLines(errors, label).map((line) => text(`• ${line}`, { spacing: 'none' })),
    ],
  };
}

function fieldElements(t: TFunction, field: CaseField, state: FormState, errors: FormErrors): CardElement[] {
  const message = errors.fields[field];
  const beside = message ? [text(message, { color: 'attention', size: 'small', spacing: 'none' })] : [];
  return [...inputsOf(t, field, state), ...beside];
}

function inputsOf(t: TFunction, field: CaseField, state: FormState): CardElement[] {
  const { data, policy } = state;
  const required = (state.command === 'trackCase' ? FIRST_FIELDS : FIRST_FIELDS.slice(2)).includes(field)
    ? { isRequired: true, errorMessage: t(`chat:form.missing.${field}`) }
    : {};
  const input = (type: string, value: string | undefined, extra: Record<string, unknown> = {}) => ({
    type,
    id: field,
    label: t(`teams:form.${field}.label`),
    value: value ?? '',
    ...required,
    ...extra,
  });
  const choices = (options: ReadonlyArray<readonly [string, string]>) => ({
    style: 'compact',
    choices: options.map(([title, value]) => ({ title, value })),
  });
  switch (field) {
    case 'plan':
      return [
        input(
          'Input.ChoiceSet',
          data.plan,
          choices(policy.plans.map((p) => [t(`common:plan.${p.id}`), p.id])),
        ),
      ];
    case 'severity':
      // Expanded and wrapped: a severity's whole phrase shows, where a compact menu (or an expanded
      // one on a single line) cuts it on a phone.
      return [
        input('Input.ChoiceSet', data.severity, {
          ...choices(policy.severities.map((s) => [t(`common:severity.${s}`), s])),
          style: 'expanded',
          wrap: true,
        }),
      ];
    case 'issueType':
      return [
        input(
          'Input.ChoiceSet',
          data.issueType,
          choices(Object.keys(policy.issueTypes).map((id) => [t(`common:issueType.${id}`), id])),
        ),
      ];
    case 'product':
      return [
        input(
          'Input.ChoiceSet',
          data.product,
          choices(Object.keys(policy.products).map((id) => [t(`common:product.${id}`), id])),
        ),
      ];
    case 'commit24x7':
      return [
        input(
          'Input.ChoiceSet',
          data.commit24x7 ?? 'default',
          choices(COMMIT_CHOICES.map((c) => [t(`teams:form.commit24x7.${c}`), c])),
        ),
      ];
    case 'openedAt':
      return [
        {
          type: 'Input.Date',
          id: 'openedDate',
          label: t('teams:form.openedDate.label'),
          value: data.openedDate ?? '',
        },
        {
          type: 'Input.Time',
          id: 'openedTime',
          label: t('teams:form.openedTime.label'),
          value: data.openedTime ?? '',
        },
      ];
    default:
      return [input('Input.Text', data[field], { placeholder: t(`teams:form.${field}.placeholder`) })];
  }
}

/** What the fields under "More options" will be if left alone. */
function defaultsLine(t: TFunction, state: FormState): string {
  const { data, policy } = state;
  return t('teams:form.defaults', {
    language: data.language || t('teams:form.defaultLanguage'),
    timeZone: data.timeZone || t('teams:form.defaultZone'),
    issueType: t(`common:issueType.${data.issueType || policy.defaultIssueType}`),
    product: t(`common:product.${data.product || policy.defaultProduct}`),
  });
}
