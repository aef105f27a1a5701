// Everything the bot shows in Slack, built by the adapter's own public builders for one viewer. This is
// the one file to change when a builder's name or signature changes: the pictures and checks follow.
import { caseLines, checkAnswer, helpAnswer, listAnswer } from '../../adapters/slack/answers.js';
import { slackDate } from '../../adapters/slack/blocks.js';
import { caseCard, type SlackMessage } from '../../adapters/slack/card.js';
import { homeView } from '../../adapters/slack/home.js';
import { caseModal } from '../../adapters/slack/modal.js';
import { missingFields, submissionErrors } from '../../adapters/slack/modal-submission.js';
import { respondAtModal } from '../../adapters/slack/respond-at.js';
import { translator } from '../../src/i18n/index.js';
import { instantText } from '../../src/messages/format.js';
import { reminderText } from '../../src/messages/reminder-text.js';
import { azurePolicy, evaluate } from '../../src/sla/index.js';
import type { Viewer } from '../support/render/browser.js';
import type { Shot } from '../support/render/pictures.js';
import type { SlackPayload } from '../support/render/slack.js';
import {
  CHECK_AT,
  CHECK_INPUT,
  caseScenarios,
  listedCases,
  noticeScenarios,
  OPENER,
  REFUSED_INPUT,
} from './scenarios.js';

type SlackShot = Shot<SlackPayload>;

/** The names the previews show for the user ids the messages mention. */
export const SLACK_USERS = { [OPENER.id]: OPENER.name } as const;

export function slackShots(viewer: Viewer): SlackShot[] {
  return [...caseShots(viewer), ...modalShots(viewer), ...noticeShots(viewer), ...answerShots(viewer)];
}

function message(message: SlackMessage, extra: { ephemeral?: boolean; thread?: boolean } = {}): SlackPayload {
  return { kind: 'message', message, ...extra };
}

function caseShots({ language }: Viewer): SlackShot[] {
  const t = translator(language);
  return caseScenarios().map((scenario) => {
    const card = caseCard(t, language, scenario.view);
    return {
      subject: 'case',
      variant: scenario.name,
      about: scenario.about,
      verdict: scenario.verdict,
      deadline: scenario.view.assessment.deadline,
      at: scenario.at,
      caption: card.text,
      payload: message(card),
    };
  });
}

function modalShots({ language, locale, zone }: Viewer): SlackShot[] {
  const t = translator(language);
  const defaults = { locale, timeZone: zone, now: CHECK_AT };
  const modal = caseModal(t, { channel: 'C0SUPPORT', language }, defaults);
  // Submitted without case number and title, and with a severity the plan does not offer.
  const refused = evaluate(REFUSED_INPUT, CHECK_AT, azurePolicy);
  const errors = {
    ...missingFields(t, { caseNumber: '', title: '', input: REFUSED_INPUT }),
    ...(refused.ok ? {} : submissionErrors(t, language, { kind: 'sla', error: refused.error })),
  };
  const shot = (subject: string, variant: string, about: string, payload: SlackPayload): SlackShot => ({
    subject,
    variant,
    about,
    verdict: 'neutral',
    at: CHECK_AT,
    payload,
  });
  return [
    shot('modal-case', 'new', 'the /sla form as it opens', { kind: 'modal', view: modal }),
    shot('modal-case', 'errors', 'submitted without case number and title, severity A on Developer', {
      kind: 'modal',
      view: modal,
      errors,
    }),
    shot('modal-respond-at', 'new', '"Responded at…" from the card', {
      kind: 'modal',
      view: respondAtModal(t, { caseId: 'case-1', channel: 'C0SUPPORT', language }, CHECK_AT),
    }),
  ];
}

/** Reminders and warnings in the card's thread, as the Slack notifier posts them. */
function noticeShots({ language }: Viewer): SlackShot[] {
  const t = translator(language);
  return noticeScenarios().map((scenario) => {
    // As adapters/slack/notifier.ts posts a thread notice: the customer's zone in the fallback.
    const text = reminderText(t, scenario.notice, (instant) =>
      slackDate(instant, instantText(instant, 'Europe/Berlin', language)),
    );
    return {
      subject: 'notice',
      variant: scenario.name,
      about: scenario.about,
      verdict: scenario.verdict,
      at: scenario.at,
      caption: text,
      payload: message({ text, blocks: [] }, { thread: true }),
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
      checkAnswer(t, language, evaluate(CHECK_INPUT, CHECK_AT, azurePolicy), []),
    ),
    answer(
      'check',
      'refused',
      '/sla check with a severity the plan does not offer and a word not understood',
      CHECK_AT,
      checkAnswer(t, language, evaluate(REFUSED_INPUT, CHECK_AT, azurePolicy), ['frob']),
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
