import { expect, test } from 'vitest';
import { photograph } from '../support/render/run.js';
import { renderTeams } from '../support/render/teams.js';
import { teamsShots } from './teams-catalogue.js';

test('teams pictures', async () => {
  const started = Date.now();
  const { pictures, index } = await photograph('teams', teamsShots, renderTeams);
  console.log(pictures.length, 'pictures in', Date.now() - started, 'ms', index);
  for (const p of pictures) for (const f of p.findings) console.log(p.id, f.check, f.detail);
  expect(pictures.length).toBeGreaterThan(0);
}, 300_000);
