// Issue 14: every Teams card, dialog and notice, drawn by Microsoft's Adaptive Cards renderer with
// Teams' light host config in headless Chromium, in en/de/ja at desktop and phone width, and checked.
import { expect, test } from 'vitest';
import { viewerTime } from '../../adapters/teams/card-json.js';
import { translator } from '../../src/i18n/index.js';
import { VIEWERS } from '../support/render/browser.js';
import { pictureSuite } from '../support/render/suite.js';
import { renderTeams } from '../support/render/teams.js';
import { KNOWN_FINDINGS } from './known-findings.js';
import { caseScenarios } from './scenarios.js';
import { teamsShots } from './teams-catalogue.js';

pictureSuite('teams', 'Teams pictures', teamsShots, renderTeams, KNOWN_FINDINGS);

// The cases opened from an Azure ticket are subjects like the others (the pictures show them): each card
// carries Microsoft's deadline beside ours, and only the disagreeing one warns.
test("the Azure-ticket cases show Microsoft's deadline beside ours, in every language", () => {
  const azure = caseScenarios().filter((scenario) => scenario.view.microsoft);
  expect(azure.map((scenario) => scenario.view.microsoft?.agreement.reason)).toEqual([
    null,
    'disagrees',
    'mid_change',
  ]);
  for (const viewer of VIEWERS) {
    const t = translator(viewer.language);
    const shots = teamsShots(viewer);
    for (const { name, view } of azure) {
      const shot = shots.find((candidate) => candidate.subject === 'case' && candidate.variant === name);
      const card = JSON.stringify(shot?.payload.card);
      const microsoft = viewerTime(view.microsoft?.deadline ?? Number.NaN);
      for (const text of [t('cards:fact.microsoft'), microsoft, viewerTime(view.assessment.deadline)])
        expect(card, `${viewer.language} ${name}`).toContain(JSON.stringify(text).slice(1, -1));
      const warning = JSON.stringify(t('cards:microsoft.disagrees', { deadline: microsoft })).slice(1, -1);
      expect(card.includes(warning), `${viewer.language} ${name}`).toBe(name === 'azure-disagrees');
    }
  }
});
