// Everything the bot shows in Slack, built by the adapter's own public builders for one viewer. This is
// the one file to change when a builder's name or signature changes: the pictures and checks follow.
import { actionModal } from '../../adapters/slack/action-modal.js';
import { caseLines, checkAnswer, helpAnswer, listAnswer } from '../../adapters/slack/answers.js';
import { caseCard, type SlackMessage } from '../../adapters/slack/card.js';
import { homeView } from '../../adapters/slack/home.js';
import { caseModal } from '../../adapters/slack/modal.js';
import { noticeMessage } from '../../adapters/slack/notice.js';
import { respondAtModal } from '../../adapters/slack/respond-at.js';
import { defaultsSource } from '../../src/chat/defaults.js';
import { type CaseFormValues, readCaseForm } from '../../src/chat/form.js';
import { type FormErrors, failureErrors, problemErrors } from '../../src/chat/form-errors.js';
import { translator } from '../../src/i18n/index.js';
import { type CaseAction, caseCardModel } from '../../src/messages/case-view.js';
import { azurePolicy, evaluate } from '../../src/sla/index.js';
import type { Viewer } from '../support/render/browser.js';
import type { Shot } from '../support/render/pictures.js';
import type { SlackPayload } from '../support/render/slack.js';
import {
  CASE_NUMBER,
  CASE_TITLE,
  type CaseScenario,
  CHECK_AT,
  CHECK_INPUT,
  caseScenarios,
  channelDefaults,
  listedCases,
  noticeScenarios,
  OPENER,
  REFUSED_INPUT,
} from './scenarios.js';

type SlackShot = Shot<SlackPayload>;
const policy = azurePolicy;
const CHANNEL = 'C0SUPPORT';

/** The names the previews show for the user ids the messages mention. */
export const SLACK_USERS = { [OPENER.id]: OPENER.name } as const;

export function slackShots(viewer: Viewer): SlackShot[] {
  return [
    ...caseShots(viewer),
    ...menuShots(viewer),
    ...modalShots(viewer),
    ...noticeShots(viewer),
    ...answerShots(viewer),
  ];
}

function message(
  message: SlackMessage,
  extra: { ephemeral?: boolean; thread?: boolean; openMenu?: boolean } = {},
): SlackPayload {
  return { kind: 'message', message, ...extra };
}

/** The card as adapters/slack/notifier.ts posts it, the viewer as its opener (their zone known). */
function cardOf({ language, zone }: Viewer, scenario: CaseScenario): SlackMessage {
  return caseCard(translator(language), language, scenario.view, { policy, readerZone: zone });
}

function scenario(name: string): CaseScenario {
  const found = caseScenarios().find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no case scenario ${name}`);
  return found;
}

function caseShots(viewer: Viewer): SlackShot[] {
  return caseScenarios().map((one) => {
    const card = cardOf(viewer, one);
    return {
      subject: 'case',
      variant: one.name,
      about: one.about,
      verdict: one.verdict,
      deadline: one.view.assessment.deadline,
      at: one.at,
      caption: card.text,
      payload: message(card),
    };
  });
}

/**
 * The card's "⋮" menu pressed open, and what the card asks before an action (adapters/slack/actions.ts):
 * the small modal of a menu's close, undo and new severity, "Responded at…", and the close button's
 * own confirmation after a response.
 */
function menuShots(viewer: Viewer): SlackShot[] {
  const { language } = viewer;
  const t = translator(language);
  const open = scenario('open');
  const met = scenario('met');
  const shot = (variant: string, about: string, at: number, payload: SlackPayload): SlackShot => ({
    subject: 'case-menu',
    variant,
    about,
    verdict: 'neutral',
    at,
    payload,
  });
  // As the menu's modal is opened: the action as the card offers it now.
  const offered = (of: CaseScenario, action: CaseAction) => {
    const model = caseCardModel(t, of.view, { locale: language, policy, openedByName: '', when: String });
    const found = model.more.find((candidate) => candidate.action === action);
    if (!found) throw new Error(`${of.name} offers no ${action}`);
    return actionModal(t, found, { caseId: of.view.record.id, channel: CHANNEL, language, action });
  };
  const where = { caseId: open.view.record.id, channel: CHANNEL, language };
  // The card's own Close button after a response: Slack asks with the button's `confirm`.
  const closeButton = cardOf(viewer, met)
    .blocks.flatMap((block) => (block.type === 'actions' ? block.elements : []))
    .find((element) => element.type === 'button' && element.action_id === 'case_close');
  if (!closeButton || !('confirm' in closeButton))
    throw new Error('the answered case has no Close to confirm');
  return [
    shot(
      'more',
      'an open case: "⋮" opens the other actions',
      open.at,
      message(cardOf(viewer, open), { openMenu: true }),
    ),
    shot(
      'more-responded',
      'after a response: undoing it is in the menu',
      met.at,
      message(cardOf(viewer, met), { openMenu: true }),
    ),
    shot('close', 'Close from the menu asks first', open.at, { kind: 'modal', view: offered(open, 'close') }),
    shot('severity', 'Change severity from the menu asks for the new one', open.at, {
      kind: 'modal',
      view: offered(open, 'change_severity'),
    }),
    shot('undo-response', 'Undo response asks first', met.at, {
      kind: 'modal',
      view: offered(met, 'reopen'),
    }),
    shot('respond-at', '"Responded at…" from the menu', open.at, {
      kind: 'modal',
      view: respondAtModal(t, where, CHECK_AT),
    }),
    shot('close-responded', "after a response, the Close button's own confirmation", met.at, {
      kind: 'confirm',
      confirm: closeButton.confirm,
    }),
  ];
}

/** The /sla form as adapters/slack/command.ts opens it and submit.ts shows it again after a mistake. */
function modalShots({ language }: Viewer): SlackShot[] {
  const t = translator(language);
  const modal = (withLastCase: boolean, more: boolean, values?: CaseFormValues, errors?: FormErrors) => {
    const defaults = channelDefaults(withLastCase);
    const from = defaultsSource(defaults);
    return caseModal(
      t,
      { channel: CHANNEL, language, more, ...(from ? { from } : {}) },
      { values: values ?? defaults.values, policy, now: CHECK_AT, ...(errors ? { errors } : {}) },
    );
  };
  const typed = (changes: CaseFormValues): CaseFormValues => ({
    ...channelDefaults(true).values,
    caseNumber: CASE_NUMBER,
    title: CASE_TITLE,
    ...changes,
  });
  // What submit.ts answers: the form's own problems first, else the core's refusal.
  const answer = (values: CaseFormValues) => {
    const form = readCaseForm(values, 'track', CHECK_AT);
    if (!form.ok) return modal(true, false, values, problemErrors(t, form.problems));
    const evaluation = evaluate(form.input, CHECK_AT, policy);
    if (evaluation.ok) throw new Error('the scenario was meant to be refused');
    return modal(true, false, values, failureErrors(t, language, { kind: 'sla', error: evaluation.error }));
  };
  const shot = (variant: string, about: string, view: unknown): SlackShot => ({
    subject: 'modal-case',
    variant,
    about,
    verdict: 'neutral',
    at: CHECK_AT,
    payload: { kind: 'modal', view },
  });
  return [
    shot('new', "as it opens: the customer's details from the channel's last case", modal(true, false)),
    shot('first', 'the first case of a channel: nothing to start from', modal(false, false)),
    shot('more', 'More options opened, their defaults filled in', modal(true, true)),
    shot('errors', 'submitted without case number and title', answer(typed({ caseNumber: '', title: '' }))),
    shot(
      'refused',
      'the core refuses severity A on the Developer plan',
      answer(typed({ plan: 'developer', severity: 'A' })),
    ),
    shot(
      'refused-more',
      'a time zone that does not exist: More options open to show it',
      answer(typed({ timeZone: 'Europe/Berln' })),
    ),
  ];
}

/** Reminders, warnings and notes in the card's thread, as adapters/slack/notifier.ts posts them. */
function noticeShots({ language }: Viewer): SlackShot[] {
  const t = translator(language);
  return noticeScenarios().map((one) => {
    // The customer's zone writes the fallback of each <!date>.
    const posted = noticeMessage(t, one.record, one.notice, 'Europe/Berlin');
    return {
      subject: 'notice',
      variant: one.name,
      about: one.about,
      verdict: one.verdict,
      at: one.at,
      caption: posted.text,
      payload: message({ text: posted.text, blocks: posted.blocks ?? [] }, { thread: true }),
    };
  });
}

function answerShots({ language }: Viewer): SlackShot[] {
  const t = translator(language);
  const listed = listedCases();
  const answer = (
    subject: string,
    variant: string,
    about: string,
    at: number,
    reply: SlackMessage,
  ): SlackShot => ({
    subject,
    variant,
    about,
    verdict: 'neutral',
    at,
    caption: reply.text,
    payload: message(reply, { ephemeral: true }),
  });
  const lines = caseLines(t, language, listed.views);
  return [
    answer(
      'check',
      'answer',
      '/sla check: German support on a Saturday',
      CHECK_AT,
      checkAnswer(t, language, evaluate(CHECK_INPUT, CHECK_AT, policy), []),
    ),
    answer(
      'check',
      'refused',
      '/sla check with a severity the plan does not offer and a word not understood',
      CHECK_AT,
      checkAnswer(t, language, evaluate(REFUSED_INPUT, CHECK_AT, policy), ['frob']),
    ),
    answer(
      'list',
      'three',
      `/sla list: ${lines.length} open cases`,
      listed.at,
      listAnswer(t, language, listed.views),
    ),
    answer('list', 'empty', '/sla list with no open cases', listed.at, listAnswer(t, language, [])),
    answer('help', 'help', '/sla help', listed.at, helpAnswer(t)),
    {
      subject: 'home',
      variant: 'three',
      about: 'App Home with three open cases',
      verdict: 'neutral',
      at: listed.at,
      payload: { kind: 'home', view: homeView(t, language, listed.views) },
    },
    {
      subject: 'home',
      variant: 'empty',
      about: 'App Home with no open cases',
      verdict: 'neutral',
      at: listed.at,
      payload: { kind: 'home', view: homeView(t, language, []) },
    },
  ];
}
