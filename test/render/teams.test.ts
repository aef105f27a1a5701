// Issue 14: every Teams card, dialog and notice, drawn by Microsoft's Adaptive Cards renderer with
// Teams' light host config in headless Chromium, in en/de/ja at desktop and phone width, and checked.
import { test } from 'vitest';
import { pictureSuite } from '../support/render/suite.js';
import { renderTeams } from '../support/render/teams.js';
import { KNOWN_FINDINGS } from './known-findings.js';
import { teamsShots } from './teams-catalogue.js';

pictureSuite('teams', 'Teams pictures', teamsShots, renderTeams, KNOWN_FINDINGS);

// Issue 14 also asks for a case opened from an Azure ticket, once the case view carries Microsoft's
// own facts of it (`CaseView.microsoft`); there is no such field yet, so there is nothing to draw.
test.todo('Azure-ticket case: waits for CaseView.microsoft');
