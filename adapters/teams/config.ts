// Teams' settings, read from the environment by the Teams adapter itself. Off unless asked for.
import { type ConfigProblem, EnvReader } from '../../src/config.js';
import { isLoopbackHost } from '../../src/http.js';

export const TEAMS_APP_TYPES = ['SingleTenant', 'MultiTenant', 'UserAssignedMSI'] as const;
export type TeamsAppType = (typeof TEAMS_APP_TYPES)[number];

/** Where the Bot Framework announces the keys that sign its tokens to bots (public Azure). */
export const BOT_FRAMEWORK_OPENID_METADATA =
  'https://login.botframework.com/v1/.well-known/openidconfiguration';

export type TeamsConfig =
  | {
      /** The Bot Framework Emulator on this machine: no tokens, loopback callers and service URLs only. */
      readonly mode: 'emulator';
    }
  | {
      readonly mode: 'authenticated';
      readonly appId: string;
      readonly appPassword: string | undefined;
      readonly appType: TeamsAppType;
      readonly tenantId: string | undefined;
      /** BotOpenIdMetadata: where the token signing keys are announced. */
      readonly openIdMetadataUrl: string;
    };

export type TeamsSettings =
  | { readonly state: 'off' }
  | { readonly state: 'invalid'; readonly problems: readonly ConfigProblem[] }
  | { readonly state: 'on'; readonly config: TeamsConfig };

const CREDENTIALS = ['MicrosoftAppId', 'MicrosoftAppPassword', 'MicrosoftAppTenantId', 'MicrosoftAppType'];

/**
 * Off when neither MicrosoftAppId nor TEAMS_EMULATOR is set: nothing answers unauthenticated unless
 * asked to. The Emulator mode and credentials exclude each other.
 */
export function readTeamsConfig(env: NodeJS.ProcessEnv): TeamsSettings {
  const read = new EnvReader(env, 'teams');
  const emulator = read.flag('TEAMS_EMULATOR');
  const wanted = CREDENTIALS.filter((name) => read.text(name));
  if (!emulator && wanted.length === 0) return read.problems.length ? invalid(read) : { state: 'off' };
  if (emulator) {
    if (wanted.length) read.problem('emulatorWithCredentials', { names: wanted.join(', ') });
    return read.problems.length ? invalid(read) : { state: 'on', config: { mode: 'emulator' } };
  }
  const appId = read.text('MicrosoftAppId');
  const appPassword = read.text('MicrosoftAppPassword');
  const appType = read.oneOf('MicrosoftAppType', TEAMS_APP_TYPES, 'SingleTenant');
  const tenantId = read.text('MicrosoftAppTenantId');
  if (!appId) read.problem('appId');
  if (!appPassword && appType !== 'UserAssignedMSI') read.problem('password');
  // botbuilder asserts on a missing tenant deep inside; say it here, like every other problem.
  if (!tenantId && appType !== 'MultiTenant') read.problem('tenant', { appType });
  const openIdMetadataUrl = read.text('BotOpenIdMetadata') ?? BOT_FRAMEWORK_OPENID_METADATA;
  if (!trustworthyUrl(openIdMetadataUrl)) read.problem('openIdMetadata', { value: openIdMetadataUrl });
  if (read.problems.length || !appId) return invalid(read);
  return {
    state: 'on',
    config: { mode: 'authenticated', appId, appPassword, appType, tenantId, openIdMetadataUrl },
  };
}

function invalid(read: EnvReader): TeamsSettings {
  return { state: 'invalid', problems: read.problems };
}

/** HTTPS, or plain HTTP to this machine only (a local stand-in of the Bot Framework in tests). */
function trustworthyUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
}
