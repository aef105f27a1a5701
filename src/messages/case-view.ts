// A case as a person sees it, platform-neutral: adapters render it as Block Kit or an Adaptive Card.
// It leads with how long there is; then which case, the facts that apply, warnings, and one primary
// action with the others behind "more" (closing and undoing a response ask to be confirmed).
import type { TFunction } from 'i18next';
import type { CaseView } from '../cases/types.js';
import type { CaseAction } from '../chat/actions.js';
import type { Policy } from '../sla/index.js';
import { CARD_FACTS, type Fact, factsOf, headingText, type InstantWriter } from './facts.js';
import { instantText } from './format.js';
import { type CaseLead, caseLead } from './lead.js';
import { warningText } from './warnings.js';

export type { CaseAction } from '../chat/actions.js';

/** Asked before an action that is hard to take back. */
export interface Confirmation {
  readonly title: string;
  readonly text: string;
  readonly yes: string;
  readonly no: string;
}

/** What an action needs from the person before it runs: a choice, or a time. */
export type ActionInput =
  | {
      readonly kind: 'severity';
      readonly choices: ReadonlyArray<{ readonly value: string; readonly label: string }>;
    }
  | { readonly kind: 'respondedAt' };

export interface CardAction {
  readonly action: CaseAction;
  readonly label: string;
  readonly style?: 'primary' | 'danger';
  readonly confirm?: Confirmation;
  readonly input?: ActionInput;
}

export interface CaseCardModel {
  readonly caseId: string;
  /** "Case 2603…: VMs down". */
  readonly title: string;
  /** Plan · severity · country (zone). */
  readonly heading: string;
  readonly lead: CaseLead;
  readonly facts: readonly Fact[];
  readonly warnings: readonly string[];
  readonly openedByLine: string;
  /** Plain text for notifications and previews: which case and where it stands. */
  readonly summary: string;
  readonly primary: CardAction | null;
  readonly more: readonly CardAction[];
}

export interface CardOptions {
  readonly locale: string;
  readonly policy: Policy;
  /** Shown as "Opened by …": a mention on Slack, a name on Teams (a case from a ticket names its source). */
  readonly openedByName: string;
  readonly when: InstantWriter;
  /** How the platform writes a time of day alone (see `caseLead`). */
  readonly time?: InstantWriter;
  /** The zone of whoever the card is rendered for, when known (see `caseLead`). */
  readonly readerZone?: string | undefined;
}

export function caseCardModel(t: TFunction, view: CaseView, options: CardOptions): CaseCardModel {
  const { record, assessment, microsoft } = view;
  const open = record.state === 'open';
  const title = t('cards:case.title', { number: record.caseNumber, title: record.title });
  const lead = caseLead(t, view, options);
  const plain = (instant: number) => instantText(instant, assessment.timeZone, options.locale);
  const plainLead = caseLead(t, view, { ...options, when: plain });
  const disagreement =
    microsoft?.agreement.agrees === false && microsoft.agreement.reason === 'disagrees' && microsoft.deadline
      ? [t('cards:microsoft.disagrees', { deadline: options.when(microsoft.deadline) })]
      : [];
  return {
    caseId: record.id,
    title,
    heading: headingText(t, assessment),
    lead,
    facts: factsOf({ t, assessment, when: options.when, microsoft }, CARD_FACTS),
    warnings: [...disagreement, ...(open ? assessment.warnings.map((w) => warningText(t, w)) : [])],
    // A case from a ticket was opened by its source, not by a person of the chat (no mention of nobody).
    openedByLine: t('cards:case.openedBy', {
      name: record.source ? t(`cards:case.source.${record.source.kind}`) : options.openedByName,
    }),
    summary: t('cards:case.summary', {
      case: title,
      badge: plainLead.badge,
      detail: plainLead.detail ?? plainLead.deadline,
    }),
    ...actionsFor(t, view, options.policy),
  };
}

function actionsFor(t: TFunction, view: CaseView, policy: Policy): Pick<CaseCardModel, 'primary' | 'more'> {
  const label = (action: CaseAction | 'undo_response') => t(`cards:action.${action}`);
  const close: CardAction = {
    action: 'close',
    label: label('close'),
    confirm: confirmation(t, 'close'),
  };
  switch (view.record.state) {
    case 'closed':
      return { primary: { action: 'reopen', label: label('reopen') }, more: [] };
    case 'responded':
      // Reopening an answered case throws its response away: it says so, and asks first.
      return {
        primary: close,
        more: [
          {
            action: 'reopen',
            label: label('undo_response'),
            style: 'danger',
            confirm: confirmation(t, 'undo_response'),
          },
        ],
      };
    case 'open': {
      const { assessment } = view;
      const waiting = view.record.input.waitingOnCustomer === true;
      return {
        primary: { action: 'respond_now', label: label('respond_now'), style: 'primary' },
        more: [
          { action: 'respond_at', label: label('respond_at'), input: { kind: 'respondedAt' } },
          {
            action: 'change_severity',
            label: label('change_severity'),
            input: {
              kind: 'severity',
              choices: policy.severities
                .filter((severity) => severity !== assessment.severity)
                .map((severity) => ({ value: severity, label: t(`common:severity.${severity}`) })),
            },
          },
          assessment.available24x7
            ? { action: 'not_available_24x7', label: label('not_available_24x7') }
            : { action: 'available_24x7', label: label('available_24x7') },
          waiting
            ? { action: 'we_answered', label: label('we_answered') }
            : { action: 'waiting_on_us', label: label('waiting_on_us') },
          { ...close, style: 'danger' },
        ],
      };
    }
  }
}

function confirmation(t: TFunction, what: 'close' | 'undo_response'): Confirmation {
  return {
    title: t(`cards:confirm.${what}.title`),
    text: t(`cards:confirm.${what}.text`),
    yes: t(`cards:confirm.${what}.yes`),
    no: t('cards:confirm.no'),
  };
}
