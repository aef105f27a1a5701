// The Bot Framework adapter, configured the Bot Framework way from MicrosoftApp* settings.
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import type { TeamsConfig } from '../../src/config.js';
import { translator } from '../../src/i18n/index.js';

/** Without an app id the adapter accepts unauthenticated requests: local use with the Emulator. */
export function authenticated(config: TeamsConfig): boolean {
  return Boolean(config.appId);
}

export function createAdapter(config: TeamsConfig, logger: Logger): CloudAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: config.appId ?? '',
    MicrosoftAppPassword: config.appPassword ?? '',
    MicrosoftAppType: config.appType,
    MicrosoftAppTenantId: config.tenantId ?? '',
  });
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    logger.error(
      { err: error, activityType: context.activity.type, name: context.activity.name },
      translator('en')('teams:log.turnFailed'),
    );
  };
  return adapter;
}
