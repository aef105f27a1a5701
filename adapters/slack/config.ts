// Slack's settings, read from the environment by the Slack adapter itself.
import { type ConfigProblem, EnvReader } from '../../src/config.js';

export interface SlackConfig {
  readonly signingSecret: string | undefined;
  /** One workspace: the bot token. */
  readonly botToken: string | undefined;
  /** Socket Mode: no public URL needed. */
  readonly appToken: string | undefined;
  /** Many workspaces through OAuth. */
  readonly clientId: string | undefined;
  readonly clientSecret: string | undefined;
  readonly stateSecret: string | undefined;
  /** Base URL of the Web API, for local stand-ins and proxies (ends with `/api/`). */
  readonly apiUrl: string | undefined;
}

export type SlackSettings =
  | { readonly state: 'off' }
  | { readonly state: 'invalid'; readonly problems: readonly ConfigProblem[] }
  | { readonly state: 'on'; readonly config: SlackConfig };

const VARIABLES = [
  'SLACK_SIGNING_SECRET',
  'SLACK_BOT_TOKEN',
  'SLACK_APP_TOKEN',
  'SLACK_CLIENT_ID',
  'SLACK_CLIENT_SECRET',
  'SLACK_STATE_SECRET',
];

/**
 * Off when no Slack variable is set. Any of them set means Slack is wanted, so a partial setup is a
 * problem naming what is missing rather than a silently disabled platform.
 */
export function readSlackConfig(env: NodeJS.ProcessEnv): SlackSettings {
  const read = new EnvReader(env, 'slack');
  if (!VARIABLES.some((name) => read.text(name))) return { state: 'off' };
  const config: SlackConfig = {
    signingSecret: read.text('SLACK_SIGNING_SECRET'),
    botToken: read.text('SLACK_BOT_TOKEN'),
    appToken: read.text('SLACK_APP_TOKEN'),
    clientId: read.text('SLACK_CLIENT_ID'),
    clientSecret: read.text('SLACK_CLIENT_SECRET'),
    stateSecret: read.text('SLACK_STATE_SECRET'),
    apiUrl: read.text('SLACK_API_URL'),
  };
  check(config, read);
  return read.problems.length ? { state: 'invalid', problems: read.problems } : { state: 'on', config };
}

function check(slack: SlackConfig, read: EnvReader): void {
  const oauth = [slack.clientId, slack.clientSecret, slack.stateSecret];
  if (oauth.some(Boolean) && !oauth.every(Boolean)) read.problem('oauth');
  if (!slack.botToken && !slack.clientId) read.problem('credentials');
  // Socket Mode receives over a WebSocket opened with the app token: there are no requests to sign.
  if (!slack.signingSecret && !slack.appToken) read.problem('signingSecret');
  // Socket Mode signs in with one bot token; installing into many workspaces needs the HTTP routes.
  if (slack.appToken && slack.clientId && !slack.botToken) read.problem('socketModeOauth');
  if (slack.botToken && !slack.botToken.startsWith('xoxb-')) read.problem('botToken');
  if (slack.appToken && !slack.appToken.startsWith('xapp-')) read.problem('appToken');
  if (slack.apiUrl && !/^https?:\/\/.+\/$/.test(slack.apiUrl))
    read.problem('apiUrl', { value: slack.apiUrl });
}
