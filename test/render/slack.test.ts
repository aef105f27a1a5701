// Issue 14: every Slack message, modal, App Home and thread notice, drawn by the Block Kit preview in
// headless Chromium, in en/de/ja at desktop and phone width, and checked.
import { expect, test } from 'vitest';
import { slackDate } from '../../adapters/slack/blocks.js';
import { translator } from '../../src/i18n/index.js';
import { instantText } from '../../src/messages/format.js';
import { VIEWERS } from '../support/render/browser.js';
import { renderSlack } from '../support/render/slack.js';
import { pictureSuite } from '../support/render/suite.js';
import { KNOWN_FINDINGS } from './known-findings.js';
import { caseScenarios } from './scenarios.js';
import { SLACK_USERS, slackShots } from './slack-catalogue.js';

pictureSuite(
  'slack',
  'Slack pictures',
  slackShots,
  (page, shot, viewer, width) => renderSlack(page, shot, viewer, width, SLACK_USERS),
  KNOWN_FINDINGS,
);

// The cases opened from an Azure ticket are subjects like the others (the pictures show them): each card
// carries Microsoft's deadline beside ours, and only the disagreeing one warns.
test("the Azure-ticket cases show Microsoft's deadline beside ours, in every language", () => {
  const azure = caseScenarios().filter((scenario) => scenario.view.microsoft);
  expect(azure).toHaveLength(3);
  for (const viewer of VIEWERS) {
    const t = translator(viewer.language);
    const shots = slackShots(viewer);
    for (const { name, view } of azure) {
      const shot = shots.find((candidate) => candidate.subject === 'case' && candidate.variant === name);
      const blocks = JSON.stringify(shot?.payload.kind === 'message' ? shot.payload.message.blocks : null);
      const zone = view.assessment.timeZone;
      const when = (instant: number) =>
        slackDate(instant, instantText(instant, zone, viewer.language)).replace(/\|.*/, '');
      const microsoft = when(view.microsoft?.deadline ?? 0);
      for (const text of [
        t('cards:fact.microsoft'),
        microsoft,
        when(view.assessment.deadline),
        t('cards:case.openedBy', { name: 'Azure' }),
      ])
        expect(blocks, `${viewer.language} ${name}`).toContain(JSON.stringify(text).slice(1, -1));
      const warning = t('cards:microsoft.disagrees', { deadline: '@' }).split('@')[0] ?? '';
      expect(
        blocks.includes(JSON.stringify(`${warning}${microsoft}`).slice(1, -1)),
        `${viewer.language} ${name}`,
      ).toBe(name === 'azure-disagrees');
    }
  }
});
