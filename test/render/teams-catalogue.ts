// Everything the bot shows in Teams, built by the adapters' own public builders for one viewer. This is
// the one file to change when a builder's name or signature changes: the pictures and checks follow.
import { viewerTime } from '../../adapters/teams/card-json.js';
import {
  helpCard,
  listCard,
  noticeCard,
  noticeCardOf,
  previewCard,
  welcomeCard,
} from '../../adapters/teams/cards.js';
import { caseCard } from '../../adapters/teams/case-card.js';
import {
  type FormCommand,
  type FormData,
  formCard,
  formValues,
  PURPOSE,
  readFormData,
} from '../../adapters/teams/form.js';
import { defaultsSource } from '../../src/chat/defaults.js';
import { failureText } from '../../src/chat/failures.js';
import { readCaseForm } from '../../src/chat/form.js';
import { type FormErrors, failureErrors, problemErrors } from '../../src/chat/form-errors.js';
import { translator } from '../../src/i18n/index.js';
import { caseCardModel } from '../../src/messages/case-view.js';
import { instantText } from '../../src/messages/format.js';
import { noticeModel } from '../../src/messages/notice-view.js';
import { azurePolicy, evaluate } from '../../src/sla/index.js';
import type { Viewer } from '../support/render/browser.js';
import type { Shot } from '../support/render/pictures.js';
import type { TeamsPayload } from '../support/render/teams.js';
import {
  assessmentAt,
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

type TeamsShot = Shot<TeamsPayload>;
const policy = azurePolicy;

export function teamsShots(viewer: Viewer): TeamsShot[] {
  return [
    ...caseShots(viewer),
    ...menuShots(viewer),
    ...formShots(viewer),
    ...noticeShots(viewer),
    ...otherShots(viewer),
  ];
}

/** The card as a refresh draws it for this viewer: their language, their zone (Universal Actions). */
function cardOf({ language, zone }: Viewer, scenario: CaseScenario): unknown {
  const t = translator(language);
  return caseCard(t, scenario.view, {
    locale: language,
    policy,
    openedByName: OPENER.name,
    readerZone: zone,
  });
}

function caseShots(viewer: Viewer): TeamsShot[] {
  return caseScenarios().map((scenario) => ({
    subject: 'case',
    variant: scenario.name,
    about: scenario.about,
    verdict: scenario.verdict,
    deadline: scenario.view.assessment.deadline,
    at: scenario.at,
    caption: summaryOf(viewer, scenario),
    payload: { card: cardOf(viewer, scenario), frame: 'message' },
  }));
}

/** What the channel preview and the notification say (the activity's summary). */
function summaryOf({ language }: Viewer, scenario: CaseScenario): string {
  const t = translator(language);
  return caseCardModel(t, scenario.view, {
    locale: language,
    policy,
    openedByName: OPENER.name,
    when: viewerTime,
  }).summary;
}

/**
 * The card's "More" opened, and what it asks before an action: the confirmation to close or to undo a
 * response, the new severity, the time of a response. The buttons are pressed in the renderer.
 */
function menuShots(viewer: Viewer): TeamsShot[] {
  const t = translator(viewer.language);
  const scenario = (name: string) => {
    const found = caseScenarios().find((candidate) => candidate.name === name);
    if (!found) throw new Error(`no case scenario ${name}`);
    return found;
  };
  const more = t('cards:action.more');
  const shot = (variant: string, about: string, of: CaseScenario, open: string[]): TeamsShot => ({
    subject: 'case-menu',
    variant,
    about,
    verdict: 'neutral',
    at: of.at,
    payload: { card: cardOf(viewer, of), frame: 'message', open },
  });
  const open = scenario('open');
  const met = scenario('met');
  return [
    shot('more', 'an open case: More… shows the other actions, one per row', open, [more]),
    shot('close', 'an open case: Close asks first', open, [more, t('cards:action.close')]),
    shot('severity', 'an open case: Change severity asks for the new one', open, [
      more,
      t('cards:action.change_severity'),
    ]),
    shot('respond-at', 'an open case: Responded at… asks for the date and time', open, [
      more,
      t('cards:action.respond_at'),
    ]),
    shot('undo-response', 'after a response: undoing it is behind More and asks first', met, [
      more,
      t('cards:action.undo_response'),
    ]),
    shot('close-responded', 'after a response: Close is the primary action and asks first', met, [
      t('cards:action.close'),
    ]),
  ];
}

/** The message extension's dialogs, as extension.ts builds them: as they open, and as they come back. */
function formShots(viewer: Viewer): TeamsShot[] {
  const t = translator(viewer.language);
  // The form opens with the customer's details of the channel's last case; the date typed in the viewer's zone.
  const start = (withLastCase: boolean): FormData => {
    const defaults = channelDefaults(withLastCase);
    const { openedAt: _now, ...values } = defaults.values;
    const from = defaultsSource(defaults);
    return readFormData({ ...values, clientZone: viewer.zone, ...(from ? { from } : {}) });
  };
  const dialog = (
    command: FormCommand,
    variant: string,
    about: string,
    data: FormData,
    extra: { errors?: FormErrors; open?: string[] } = {},
  ): TeamsShot => ({
    subject: `form-${command}`,
    variant,
    about,
    verdict: 'neutral',
    at: CHECK_AT,
    payload: {
      card: formCard(t, { command, data, policy, ...(extra.errors ? { errors: extra.errors } : {}) }),
      frame: 'dialog',
      title: t(`teams:form.${command}.title`),
      ...(extra.open ? { open: extra.open } : {}),
    },
  });
  // Submitted without plan and country, on a date that does not exist: the form's own problems.
  const empty: FormData = {
    ...start(false),
    caseNumber: CASE_NUMBER,
    title: CASE_TITLE,
    plan: '',
    country: '',
    openedDate: '2026-02-30',
  };
  const read = readCaseForm(formValues(empty, CHECK_AT), PURPOSE.trackCase, CHECK_AT);
  const emptyErrors = read.ok ? undefined : problemErrors(t, read.problems);
  // The core refuses severity A on the Developer plan: beside the severity, and in the summary.
  const refused = evaluate(REFUSED_INPUT, CHECK_AT, policy);
  const refusedErrors = refused.ok
    ? undefined
    : failureErrors(t, viewer.language, { kind: 'sla', error: refused.error });
  const refusedData: FormData = { ...start(true), plan: 'developer', severity: 'A', country: 'DE' };
  // A time zone that does not exist: the field is under More options, which open to show it.
  const zoneData: FormData = {
    ...start(true),
    caseNumber: CASE_NUMBER,
    title: CASE_TITLE,
    severity: 'A',
    timeZone: 'Europe/Berln',
  };
  const zone = readCaseForm(formValues(zoneData, CHECK_AT), PURPOSE.trackCase, CHECK_AT);
  const zoneRefused = zone.ok ? evaluate(zone.input, CHECK_AT, policy) : null;
  if (!zoneRefused || zoneRefused.ok) throw new Error('the time zone scenario was meant to be refused');
  const zoneErrors = failureErrors(t, viewer.language, { kind: 'sla', error: zoneRefused.error });
  return [
    dialog(
      'trackCase',
      'new',
      "as it opens: the customer's details from the channel's last case",
      start(true),
    ),
    dialog('trackCase', 'first', 'the first case of a channel: nothing to start from', start(false)),
    dialog('trackCase', 'more', 'More options opened, their defaults filled in', start(true), {
      open: [t('teams:form.more')],
    }),
    dialog('trackCase', 'errors', 'submitted without plan and country, with 30 February', empty, {
      ...(emptyErrors ? { errors: emptyErrors } : {}),
    }),
    dialog(
      'trackCase',
      'refused-more',
      'a time zone that does not exist: More options open to show it',
      zoneData,
      {
        errors: zoneErrors,
      },
    ),
    dialog('checkSla', 'new', 'the form as it opens', start(true)),
    dialog('checkSla', 'errors', 'the core refuses severity A on the Developer plan', refusedData, {
      ...(refusedErrors ? { errors: refusedErrors } : {}),
    }),
    {
      subject: 'form-checkSla',
      variant: 'answer',
      about: "the answer: German support on a Saturday, Microsoft's English 24x7 wins",
      verdict: 'neutral',
      at: CHECK_AT,
      payload: {
        card: previewCard(t, assessmentAt(CHECK_INPUT, CHECK_AT)),
        frame: 'dialog',
        title: t('teams:form.checkSla.title'),
      },
    },
  ];
}

/** Reminders, warnings and notes in the case's thread, as adapters/teams/notifier.ts posts them. */
function noticeShots({ language }: Viewer): TeamsShot[] {
  const t = translator(language);
  return noticeScenarios().map((scenario) => {
    const model = noticeModel(t, scenario.record, scenario.notice, {
      when: viewerTime,
      plain: (instant) => instantText(instant, 'Europe/Berlin', language),
    });
    return {
      subject: 'notice',
      variant: scenario.name,
      about: scenario.about,
      verdict: scenario.verdict,
      at: scenario.at,
      caption: model.summary,
      payload: { card: noticeCardOf(t, scenario.record.id, model), frame: 'message' },
    };
  });
}

function otherShots({ language }: Viewer): TeamsShot[] {
  const t = translator(language);
  const listed = listedCases();
  const message = (subject: string, variant: string, about: string, card: unknown): TeamsShot => ({
    subject,
    variant,
    about,
    verdict: 'neutral',
    at: listed.at,
    payload: { card, frame: 'message' },
  });
  return [
    message('list', 'three', 'the channel’s open cases (@SLA bot list)', listCard(t, listed.views, language)),
    message('list', 'empty', 'no open cases', listCard(t, [], language)),
    message('help', 'help', '@SLA bot help', helpCard(t)),
    message('welcome', 'welcome', 'when the app is added to a team', welcomeCard(t)),
    message(
      'refusal',
      'conflict',
      'a card button that could not be done',
      noticeCard(failureText(t, language, { kind: 'case', code: 'conflict', params: {} })),
    ),
  ];
}
