// Everything the bot shows in Teams, built by the adapters' own public builders for one viewer. This is
// the one file to change when a builder's name or signature changes: the pictures and checks follow.

import { viewerTime } from '../../adapters/teams/card-json.js';
import {
  caseCard,
  helpCard,
  listCard,
  noticeCard,
  previewCard,
  reminderCard,
} from '../../adapters/teams/cards.js';
import { defaultValues, errorField, formCard, parseForm } from '../../adapters/teams/form.js';
import { translator } from '../../src/i18n/index.js';
import { caseCardModel } from '../../src/messages/case-view.js';
import { errorText } from '../../src/messages/errors.js';
import { reminderText } from '../../src/messages/reminder-text.js';
import { azurePolicy, evaluate } from '../../src/sla/index.js';
import type { Viewer } from '../support/render/browser.js';
import type { Shot } from '../support/render/pictures.js';
import type { TeamsPayload } from '../support/render/teams.js';
import {
  assessmentAt,
  CHECK_AT,
  CHECK_INPUT,
  caseScenarios,
  listedCases,
  noticeScenarios,
  OPENER,
  REFUSED_INPUT,
} from './scenarios.js';

type TeamsShot = Shot<TeamsPayload>;

export function teamsShots(viewer: Viewer): TeamsShot[] {
  return [...caseShots(viewer), ...formShots(viewer), ...noticeShots(viewer), ...otherShots(viewer)];
}

function caseShots({ language }: Viewer): TeamsShot[] {
  const t = translator(language);
  return caseScenarios().map((scenario) => ({
    subject: 'case',
    variant: scenario.name,
    about: scenario.about,
    verdict: scenario.verdict,
    deadline: scenario.view.assessment.deadline,
    at: scenario.at,
    payload: { card: caseCard(t, caseCardModel(t, language, scenario.view, OPENER.name)), frame: 'message' },
  }));
}

/** The message extension's dialogs: both forms as they open, and as they come back with errors. */
function formShots({ language, zone }: Viewer): TeamsShot[] {
  const t = translator(language);
  const defaults = defaultValues(language, zone, undefined);
  const dialog = (
    command: 'trackCase' | 'checkSla',
    variant: string,
    about: string,
    card: unknown,
  ): TeamsShot => ({
    subject: `form-${command}`,
    variant,
    about,
    verdict: 'neutral',
    at: CHECK_AT,
    payload: { card, frame: 'dialog', title: t(`teams:form.${command}.title`) },
  });
  // Submitted with the required fields empty and a date that does not exist.
  const empty = parseForm(
    t,
    'trackCase',
    { ...defaults, plan: '', country: '', openedDate: '2026-02-30' },
    CHECK_AT,
  );
  const emptyErrors = empty.ok ? {} : empty.errors;
  // The core refuses severity A on the Developer plan: the message shows beside the field.
  const refused = evaluate(REFUSED_INPUT, CHECK_AT, azurePolicy);
  const refusedErrors = refused.ok
    ? {}
    : { [errorField(refused.error)]: errorText(t, language, refused.error) };
  const refusedValues = { ...defaults, plan: 'developer', severity: 'A', country: 'DE', language: 'de' };
  return [
    dialog('trackCase', 'new', 'the form as it opens', formCard(t, 'trackCase', defaults)),
    dialog(
      'trackCase',
      'errors',
      'submitted without plan and country, with 30 February',
      formCard(t, 'trackCase', empty.values, emptyErrors),
    ),
    dialog('checkSla', 'new', 'the form as it opens', formCard(t, 'checkSla', defaults)),
    dialog(
      'checkSla',
      'errors',
      'the core refuses severity A on the Developer plan',
      formCard(t, 'checkSla', refusedValues, refusedErrors),
    ),
    dialog(
      'checkSla',
      'answer',
      "the answer: German support on a Saturday, Microsoft's English 24x7 wins",
      previewCard(t, language, assessmentAt(CHECK_INPUT, CHECK_AT)),
    ),
  ];
}

/** Reminders and warnings in the case's thread, as the Teams notifier posts them. */
function noticeShots({ language }: Viewer): TeamsShot[] {
  const t = translator(language);
  return noticeScenarios().map((scenario) => ({
    subject: 'notice',
    variant: scenario.name,
    about: scenario.about,
    verdict: scenario.verdict,
    at: scenario.at,
    // As adapters/teams/notifier.ts posts a thread notice.
    payload: { card: reminderCard(reminderText(t, scenario.notice, viewerTime)), frame: 'message' },
  }));
}

function otherShots({ language }: Viewer): TeamsShot[] {
  const t = translator(language);
  const listed = listedCases();
  return [
    {
      subject: 'list',
      variant: 'three',
      about: 'the channel’s open cases (@SLA bot list)',
      verdict: 'neutral',
      at: listed.at,
      payload: { card: listCard(t, listed.views, language), frame: 'message' },
    },
    {
      subject: 'list',
      variant: 'empty',
      about: 'no open cases',
      verdict: 'neutral',
      at: listed.at,
      payload: { card: listCard(t, [], language), frame: 'message' },
    },
    {
      subject: 'help',
      variant: 'help',
      about: '@SLA bot help',
      verdict: 'neutral',
      at: listed.at,
      payload: { card: helpCard(t), frame: 'message' },
    },
    {
      subject: 'refusal',
      variant: 'conflict',
      about: 'a card button that could not be done',
      verdict: 'neutral',
      at: listed.at,
      payload: { card: noticeCard(t('teams:error.conflict')), frame: 'message' },
    },
  ];
}
