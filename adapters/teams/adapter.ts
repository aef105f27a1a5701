// The Bot Framework adapter: outbound credentials from MicrosoftApp* settings; inbound tokens are
// checked by ./token.ts before an activity reaches it.
import {
  type Activity,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import { type AuthenticateRequestResult, ClaimsIdentity } from 'botframework-connector';
import type { Logger } from 'pino';
import { translator } from '../../src/i18n/index.js';
import type { TeamsConfig } from './config.js';
import { CHANNEL_ISSUER } from './token.js';

/** What botbuilder sets as `activity.callerId` for requests from Azure's public channels. */
const PUBLIC_AZURE_CALLER = 'urn:botframework:azure';

/** CloudAdapter with the turn run on an identity already established here. */
export class TeamsAdapter extends CloudAdapter {
  constructor(private readonly auth: ConfigurationBotFrameworkAuthentication) {
    super(auth);
  }

  /** Runs the bot on an activity whose token (or Emulator caller) was checked; returns the invoke answer. */
  async run(
    activity: Activity,
    claims: Readonly<Record<string, unknown>> | null,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    const result: AuthenticateRequestResult = claims
      ? this.authenticated(claims)
      : await this.auth.authenticateRequest(activity, '');
    return this.processActivity(result, activity, logic);
  }

  private authenticated(claims: Readonly<Record<string, unknown>>): AuthenticateRequestResult {
    const identity = new ClaimsIdentity(
      Object.entries(claims).map(([type, value]) => ({ type, value: String(value) })),
      true,
    );
    return {
      audience: CHANNEL_ISSUER,
      callerId: PUBLIC_AZURE_CALLER,
      claimsIdentity: identity,
      connectorFactory: this.auth.createConnectorFactory(identity),
    };
  }
}

export function createAdapter(config: TeamsConfig, logger: Logger): TeamsAdapter {
  const settings =
    config.mode === 'emulator'
      ? { MicrosoftAppId: '', MicrosoftAppPassword: '' }
      : {
          MicrosoftAppId: config.appId,
          MicrosoftAppPassword: config.appPassword ?? '',
          MicrosoftAppType: config.appType,
          MicrosoftAppTenantId: config.tenantId ?? '',
        };
  const adapter = new TeamsAdapter(new ConfigurationBotFrameworkAuthentication(settings));
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    logger.error(
      { err: error, activityType: context.activity.type, name: context.activity.name },
      translator('en')('teams:log.turnFailed'),
    );
  };
  return adapter;
}
