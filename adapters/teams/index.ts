// The Teams platform on the shared server: POST /api/messages and the thread Notifier.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { translator } from '../../src/i18n/index.js';
import type { ChatPlatform, PlatformContext } from '../../src/platform.js';
import { authenticated, createAdapter } from './adapter.js';
import { createBot } from './bot.js';
import { readRequest, reject, responseShim } from './http.js';
import { createTeamsNotifier } from './notifier.js';

export const TEAMS_PATH = '/api/messages';

/** Always a platform: without MicrosoftAppId it runs unauthenticated for the Bot Framework Emulator. */
export function createTeamsPlatform(context: PlatformContext): ChatPlatform {
  const { config, cases, clock, logger } = context;
  const adapter = createAdapter(config.teams, logger);
  const bot = createBot({ cases, clock, logger });
  const t = translator('en');
  if (authenticated(config.teams)) {
    const { appId, appType } = config.teams;
    logger.info({ platform: 'teams', appId, appType }, t('teams:log.authOn', { appId, appType }));
  } else {
    logger.warn({ platform: 'teams' }, t('teams:log.unauthenticated'));
  }
  return {
    name: 'teams',
    notifier: createTeamsNotifier(adapter, config.teams.appId),
    handles: (pathname) => pathname === TEAMS_PATH,
    async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
      if (request.method !== 'POST') return reject(response, 405, 'POST only');
      const read = await readRequest(request);
      if (!read.ok) return reject(response, read.status, read.message);
      await adapter.process(read.request, responseShim(response), bot);
    },
  };
}
