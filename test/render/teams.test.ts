// Issue 14: every Teams card, dialog and notice, drawn by Microsoft's Adaptive Cards renderer with
// Teams' light host config in headless Chromium, in en/de/ja at desktop and phone width, and checked.
import { pictureSuite } from '../support/render/suite.js';
import { renderTeams } from '../support/render/teams.js';
import { KNOWN_FINDINGS } from './known-findings.js';
import { teamsShots } from './teams-catalogue.js';

pictureSuite('teams', 'Teams pictures', teamsShots, renderTeams, KNOWN_FINDINGS);
