// App Home: the person's open cases across channels, soonest deadline first; a how-to when none.
import type { App, types } from '@slack/bolt';
import type { TFunction } from 'i18next';
import type { ListedCase } from '../../src/cases/types.js';
import { translator } from '../../src/i18n/index.js';
import { caseLines } from './answers.js';
import { type Block, context, LIMITS, plain, section } from './blocks.js';
import type { SlackDeps } from './deps.js';

export function homeView(t: TFunction, language: string, views: readonly ListedCase[]): types.HomeView {
  const blocks: Block[] = [{ type: 'header', text: plain(t('slack:home.heading'), LIMITS.header) }];
  if (views.length === 0) {
    blocks.push(section(t('slack:home.empty')), section(t('slack:help.text')));
  } else {
    blocks.push(context(t('slack:home.count', { count: views.length })));
    for (const line of caseLines(t, language, views)) blocks.push(section(line));
  }
  return { type: 'home', blocks };
}

export function registerHome(app: App, deps: SlackDeps): void {
  app.event('app_home_opened', async ({ event, body, client }) => {
    if (event.tab !== 'home') return;
    const tenantId = body.team_id;
    const person = await deps.people.lookup(client, tenantId, event.user);
    const views = await deps.cases.list({ tenantId, openedBy: event.user });
    await client.views.publish({
      user_id: event.user,
      view: homeView(translator(person.language), person.language, views),
    });
  });
}
