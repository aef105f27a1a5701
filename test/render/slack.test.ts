import { expect, test } from 'vitest';
import { photograph } from '../support/render/run.js';
import { renderSlack } from '../support/render/slack.js';
import { SLACK_USERS, slackShots } from './slack-catalogue.js';

test('slack pictures', async () => {
  const started = Date.now();
  const { pictures, index } = await photograph('slack', slackShots, (page, shot, viewer, width) => renderSlack(page, shot, viewer, width, SLACK_USERS));
  console.log(pictures.length, 'pictures in', Date.now() - started, 'ms', index);
  for (const p of pictures) for (const f of p.findings) console.log(p.id, f.check, f.detail);
  expect(pictures.length).toBeGreaterThan(0);
}, 300_000);
