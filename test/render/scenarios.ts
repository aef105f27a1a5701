// The cases the pictures show, each built through the real core (`evaluate` with the built-in policy,
// then the case service's own `caseView`), at the moment a person looks at it. Pure: no store, no clock.
import { caseView } from '../../src/cases/build.js';
import type { CaseView, ListedCase } from '../../src/cases/types.js';
import { type FormDefaults, formDefaults } from '../../src/chat/defaults.js';
import type { ThreadNotice } from '../../src/messages/reminder-text.js';
import { type Assessment, azurePolicy, evaluate, type SlaInput } from '../../src/sla/index.js';
import type { CaseRecord, CaseSource, CaseState, StoredInput } from '../../src/store/records.js';

const MINUTE = 60_000;

/** What the state colour must say: breached (never green), met (never red), or nothing to check. */
export type Verdict = 'breached' | 'met' | 'neutral';

export interface CaseScenario {
  /** Short, file-name safe: "open", "due-soon", … */
  readonly name: string;
  /** One line for the reviewer's index. */
  readonly about: string;
  readonly view: CaseView;
  /** The moment the picture is taken: "Today", time left and the like are relative to it. */
  readonly at: number;
  readonly verdict: Verdict;
}

// Tuesday 24 March 2026, 09:00 in Berlin: Premier, severity A (1 hour, 24x7), English support.
const opened = Date.parse('2026-03-24T09:00:00+01:00');
const base: SlaInput = {
  plan: 'premier',
  severity: 'A',
  language: 'en',
  country: 'DE',
  timeZone: 'Europe/Berlin',
  commit24x7: true,
  openedAt: opened,
};
// Saturday 28 March 2026, 10:00 in Berlin: Standard, severity C (8 business hours) waits for Monday.
const saturday = Date.parse('2026-03-28T10:00:00+01:00');
const businessHours: SlaInput = {
  plan: 'standard',
  severity: 'C',
  language: 'de',
  country: 'DE',
  timeZone: 'Europe/Berlin',
  openedAt: saturday,
};

export const CASE_NUMBER = '2603240010001234';
export const CASE_TITLE = 'VMs in West Europe do not start after the maintenance window';
/** The Slack user who opened the cases, and the name the previews show for that id. */
export const OPENER = { id: 'U0ANN', name: 'Ann Example' } as const;
/** Who opens a case from an Azure ticket (adapters/azure/case-sink.ts). */
const AZURE_OPENER = 'azure';

interface CaseSpec {
  input: StoredInput;
  at: number;
  state?: CaseState;
  respondedAt?: number;
  number?: string;
  title?: string;
  /** The Azure ticket the case follows (opened by the watcher, not by a person). */
  source?: CaseSource;
}

export function assessmentAt(input: SlaInput, at: number): Assessment {
  const evaluation = evaluate(input, at, azurePolicy);
  if (!evaluation.ok) throw new Error(`scenario does not evaluate: ${JSON.stringify(evaluation.error)}`);
  return evaluation.assessment;
}

function caseAt(spec: CaseSpec): CaseView {
  const assessment = assessmentAt(spec.input, spec.at);
  const record: CaseRecord = {
    id: `case-${spec.number ?? CASE_NUMBER}`,
    tenantId: 'T0TENANT',
    platform: 'slack',
    channelId: 'C0SUPPORT',
    // A posted card: Slack's thread of the card (the list links to it).
    conversation: { channel: 'C0SUPPORT', ts: '1774339200.000100' },
    caseNumber: spec.number ?? CASE_NUMBER,
    title: spec.title ?? CASE_TITLE,
    input: spec.input,
    openedBy: spec.source ? AZURE_OPENER : OPENER.id,
    openedByLocale: 'en',
    state: spec.state ?? 'open',
    respondedAt: spec.respondedAt ?? null,
    deadline: assessment.deadline,
    flag: null,
    createdAt: opened,
    updatedAt: spec.at,
    version: 1,
    ...(spec.source ? { source: spec.source } : {}),
  };
  return caseView(record, assessment);
}

const minutes = (n: number) => opened + n * MINUTE;

/** Every state of a case card the issue asks to see. */
export function caseScenarios(): CaseScenario[] {
  const waiting: StoredInput = { ...base, waitingOnCustomer: true, tracking: { waitingSince: minutes(10) } };
  return [
    {
      name: 'open',
      about: 'open, 40 minutes left',
      view: caseAt({ input: base, at: minutes(20) }),
      at: minutes(20),
      verdict: 'neutral',
    },
    {
      name: 'due-soon',
      about: 'open, due soon: 10 minutes left',
      view: caseAt({ input: base, at: minutes(50) }),
      at: minutes(50),
      verdict: 'neutral',
    },
    {
      name: 'breached',
      about: 'open past its deadline by 25 minutes, no response',
      view: caseAt({ input: base, at: minutes(85) }),
      at: minutes(85),
      verdict: 'breached',
    },
    {
      name: 'met',
      about: 'Microsoft responded 20 minutes before the deadline',
      view: caseAt({ input: base, at: minutes(45), state: 'responded', respondedAt: minutes(40) }),
      at: minutes(45),
      verdict: 'met',
    },
    {
      name: 'breached-responded',
      about: 'Microsoft responded 25 minutes after the deadline',
      view: caseAt({ input: base, at: minutes(90), state: 'responded', respondedAt: minutes(85) }),
      at: minutes(90),
      verdict: 'breached',
    },
    {
      name: 'closed',
      about: 'closed after a response in time',
      view: caseAt({ input: base, at: minutes(120), state: 'closed', respondedAt: minutes(40) }),
      at: minutes(120),
      verdict: 'neutral',
    },
    {
      name: 'waiting',
      about: 'open, Microsoft waiting on the customer for 10 minutes',
      view: caseAt({ input: waiting, at: minutes(20) }),
      at: minutes(20),
      verdict: 'neutral',
    },
    {
      name: 'business-hours',
      about: 'Standard severity C opened on a Saturday: the clock waits for Monday',
      view: caseAt({ input: businessHours, at: saturday + 20 * MINUTE }),
      at: saturday + 20 * MINUTE,
      verdict: 'neutral',
    },
    ...azureScenarios(),
  ];
}

/** Microsoft's clock on a ticket: its deadline and target; the watcher keeps it on the case's source. */
function ticket(number: string, deadline: number, slaMinutes: number): CaseSource {
  return {
    kind: 'azure',
    ticketNumber: number,
    resourceId: `/subscriptions/6c2d2a5e-2c5b-4c1e-9f0e-3a1d4b5c6d7e/providers/microsoft.support/supporttickets/${number}`,
    microsoft: { startTime: opened, deadline, slaMinutes },
  };
}

export const AZURE_NUMBER = '2603240010005678';
export const AZURE_TITLE = 'Cannot connect to Azure SQL Database from App Service';

/**
 * A case the Azure watcher opened from a ticket, with Microsoft's own deadline beside ours (issue 12):
 * agreeing, 12 minutes later than ours (a disagreement the card and the thread say), and caught
 * mid-change (the severity is A now, Microsoft's clock still counts severity B's two hours).
 */
export function azureScenarios(): CaseScenario[] {
  const at = minutes(20);
  const azure = (source: CaseSource, input: StoredInput = base) =>
    caseAt({ input, at, number: AZURE_NUMBER, title: AZURE_TITLE, source });
  return [
    {
      name: 'azure-agrees',
      about: "from an Azure ticket, Microsoft's deadline the same as ours, 40 minutes left",
      view: azure(ticket(AZURE_NUMBER, minutes(60), 60)),
      at,
      verdict: 'neutral',
    },
    {
      name: 'azure-disagrees',
      about: "from an Azure ticket, Microsoft's deadline 12 minutes later than ours",
      view: azure(ticket(AZURE_NUMBER, minutes(72), 60)),
      at,
      verdict: 'neutral',
    },
    {
      name: 'azure-mid-change',
      about: "from an Azure ticket whose severity just changed to A: Microsoft's clock still on B's 2 hours",
      view: azure(ticket(AZURE_NUMBER, minutes(120), 120)),
      at,
      verdict: 'neutral',
    },
  ];
}

/** A channel's open cases for the list answers: one breached, one due soon, one with time. */
export function listedCases(): { at: number; views: ListedCase[] } {
  const at = minutes(50);
  const view = (number: string, title: string, input: SlaInput) => caseAt({ input, at, number, title });
  return {
    at,
    views: [
      view('2603240010000007', 'Storage account throttled', { ...base, openedAt: minutes(-30) }),
      view(CASE_NUMBER, CASE_TITLE, base),
      view('2603240010000042', 'AKS upgrade stuck', { ...base, severity: 'B', openedAt: minutes(30) }),
    ],
  };
}

/** The SLA input the check answers and the forms' previews use: German support on a Saturday. */
export const CHECK_INPUT: SlaInput = {
  plan: 'premier',
  severity: 'A',
  language: 'de',
  country: 'DE',
  commit24x7: true,
  openedAt: saturday,
};
export const CHECK_AT = saturday + 20 * MINUTE;

/** An input the core refuses: severity A is not offered on the Developer plan. */
export const REFUSED_INPUT: SlaInput = { ...CHECK_INPUT, plan: 'developer' };

export interface NoticeScenario {
  readonly name: string;
  readonly about: string;
  /** The case whose thread it is in: the notice names it. */
  readonly record: CaseRecord;
  readonly notice: ThreadNotice;
  readonly at: number;
  readonly verdict: Verdict;
}

/** Every kind of reminder and warning posted in a case's thread, and the breach notice. */
export function noticeScenarios(): NoticeScenario[] {
  const deadline = minutes(60);
  const typed = caseAt({ input: base, at: minutes(1) }).record;
  const fromTicket = caseAt({
    input: base,
    at: minutes(1),
    number: AZURE_NUMBER,
    title: AZURE_TITLE,
    source: ticket(AZURE_NUMBER, minutes(72), 60),
  }).record;
  const notices: Omit<NoticeScenario, 'record'>[] = [
    {
      name: 'fraction',
      about: '75% of the time used',
      notice: { kind: 'fraction', fraction: 0.75, remainingMinutes: 15, deadline },
      at: minutes(45),
      verdict: 'neutral',
    },
    {
      name: 'before',
      about: '15 minutes before the deadline',
      notice: { kind: 'before', remainingMinutes: 15, deadline },
      at: minutes(45),
      verdict: 'neutral',
    },
    {
      name: 'breach',
      about: 'the breach notice, at the deadline',
      notice: { kind: 'breach', deadline },
      at: deadline,
      verdict: 'breached',
    },
    {
      name: 'breach-late',
      about: 'the breach notice of a case registered after its deadline',
      notice: { kind: 'breach', deadline, overdueMinutes: 95 },
      at: minutes(155),
      verdict: 'breached',
    },
    {
      name: 'waiting',
      about: 'Microsoft has been waiting on the customer',
      notice: { kind: 'waiting', since: minutes(10), to: 'B' },
      at: minutes(40),
      verdict: 'neutral',
    },
    {
      name: 'warning-downgrade',
      about: 'the severity may be lowered: no longer reachable 24x7',
      notice: { kind: 'warning', code: 'downgrade_risk', to: 'B', reason: 'not_available_24x7' },
      at: minutes(20),
      verdict: 'neutral',
    },
    {
      name: 'warning-contact',
      about: 'the contact-details warning',
      notice: { kind: 'warning', code: 'contact_details', to: null, reason: null },
      at: minutes(1),
      verdict: 'neutral',
    },
    {
      name: 'disagreement',
      about: "Microsoft's deadline for the ticket is 12 minutes later than ours (said once)",
      notice: { kind: 'disagreement', ours: deadline, microsoft: deadline + 12 * MINUTE },
      at: minutes(1),
      verdict: 'neutral',
    },
    {
      name: 'note',
      about: 'a note for a change made outside the chat (the Azure watcher)',
      notice: { kind: 'note', event: 'responded', actor: 'Azure', data: {} },
      at: minutes(40),
      verdict: 'neutral',
    },
  ];
  return notices.map((scenario) => ({
    ...scenario,
    record: scenario.notice.kind === 'disagreement' ? fromTicket : typed,
  }));
}

// The new-case forms start from the channel's last case (src/chat/defaults.ts), read here once.
const PLACE = { tenantId: 'T0TENANT', channelId: 'C0SUPPORT' };
const lastCase = caseAt({ input: base, at: minutes(20) }).record;
const DEFAULTS = {
  first: await formDefaults({ listCases: async () => [] }, azurePolicy, PLACE),
  last: await formDefaults({ listCases: async () => [lastCase] }, azurePolicy, PLACE),
};

/** What a new case form starts from: the channel's last case, or (the channel's first case) nothing. */
export function channelDefaults(withLastCase: boolean): FormDefaults {
  return withLastCase ? DEFAULTS.last : DEFAULTS.first;
}
