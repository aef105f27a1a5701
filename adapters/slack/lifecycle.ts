// A workspace that uninstalls the app (or revokes its bot token) leaves no installation behind.
import type { App } from '@slack/bolt';
import type { SlackDeps } from './deps.js';

export function registerLifecycle(app: App, deps: SlackDeps): void {
  app.event('app_uninstalled', async ({ body }) => {
    await deps.store.deleteInstallation('slack', `team:${body.team_id}`);
  });
  app.event('tokens_revoked', async ({ event, body }) => {
    if (event.tokens.bot?.length) await deps.store.deleteInstallation('slack', `team:${body.team_id}`);
  });
}
