// The state.values Slack sends for a submitted case modal.
export interface CaseFields {
  caseNumber?: string;
  title?: string;
  plan?: string;
  severity?: string;
  language?: string;
  country?: string;
  subdivision?: string;
  timeZone?: string;
  commit?: 'default' | 'yes' | 'no';
  openedAt?: number;
  issueType?: string;
  product?: string;
}

const text = (value: string | undefined) => ({ value: { type: 'plain_text_input', value: value ?? null } });
const select = (value: string | undefined, type = 'static_select') => ({
  value: {
    type,
    selected_option: value ? { text: { type: 'plain_text', text: value }, value } : null,
  },
});

export function caseValues(fields: CaseFields): Record<string, unknown> {
  return {
    case_number: text(fields.caseNumber),
    title: text(fields.title),
    plan: select(fields.plan),
    severity: select(fields.severity, 'radio_buttons'),
    language: text(fields.language),
    country: text(fields.country),
    subdivision: text(fields.subdivision),
    time_zone: text(fields.timeZone),
    commit: {
      value: {
        type: 'radio_buttons',
        selected_option: { text: { type: 'plain_text', text: 'x' }, value: fields.commit ?? 'default' },
      },
    },
    opened_at: {
      value: {
        type: 'datetimepicker',
        selected_date_time: fields.openedAt === undefined ? null : Math.floor(fields.openedAt / 1000),
      },
    },
    issue_type: select(fields.issueType ?? 'technical'),
    product: select(fields.product ?? 'azure-ga'),
  };
}

export const GOOD_CASE: CaseFields = {
  caseNumber: '2603250010001234',
  title: 'VMs in West Europe do not start',
  plan: 'premier',
  severity: 'A',
  language: 'en',
  country: 'NL',
  timeZone: 'Europe/Amsterdam',
};
