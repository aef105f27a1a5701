import { DEFAULT_REMINDERS, parseReminderPlan, type ReminderPoint } from './cases/reminder-config.js';

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

export interface TeamsConfig {
  readonly appId: string | undefined;
  readonly appPassword: string | undefined;
  readonly appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
  readonly tenantId: string | undefined;
}

export interface Config {
  readonly port: number;
  readonly host: string;
  /** Unset: SQLite in `dataDir`. `postgres://…`: PostgreSQL. */
  readonly databaseUrl: string | undefined;
  readonly dataDir: string;
  readonly logLevel: string;
  readonly reminders: readonly ReminderPoint[];
  readonly dispatcher: { readonly pollMs: number; readonly batchSize: number; readonly leaseMs: number };
  readonly slack: SlackConfig;
  readonly teams: TeamsConfig;
}

/** One thing wrong with the environment; the words live in locales/<lng>/server.json (`config.problem.<key>`). */
export interface ConfigProblem {
  readonly key: string;
  readonly params: Record<string, string | number>;
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: ConfigProblem[] };

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
const TEAMS_APP_TYPES = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'] as const;

/** Reads the environment once at start; reports every problem at once, each with an example. */
export function loadConfig(env: NodeJS.ProcessEnv): ConfigResult {
  const problems: ConfigProblem[] = [];
  const problem = (key: string, params: Record<string, string | number> = {}) =>
    problems.push({ key, params });
  const text = (name: string) => {
    const value = env[name]?.trim();
    return value ? value : undefined;
  };
  const integer = (name: string, fallback: number, min: number, max: number, example: string) => {
    const value = text(name);
    if (value === undefined) return fallback;
    const number = Number(value);
    if (!Number.isInteger(number) || number < min || number > max) {
      problem('integer', { name, value, min, max, example });
    }
    return number;
  };

  const port = integer('PORT', 3000, 0, 65_535, '3000');
  const databaseUrl = text('DATABASE_URL');
  if (databaseUrl && !/^(postgres(ql)?:\/\/|sqlite:)/.test(databaseUrl)) {
    problem('databaseUrl');
  }
  const logLevel = text('LOG_LEVEL') ?? 'info';
  if (!LOG_LEVELS.includes(logLevel))
    problem('logLevel', { value: logLevel, accepted: LOG_LEVELS.join(', ') });
  const plan = parseReminderPlan(text('SLA_REMINDERS') ?? DEFAULT_REMINDERS);
  if (plan.problems.length || plan.points.length === 0) {
    problem('reminders', {
      unreadable: plan.problems.map((p) => `"${p}"`).join(', '),
      example: DEFAULT_REMINDERS,
    });
  }

  const slack: SlackConfig = {
    signingSecret: text('SLACK_SIGNING_SECRET'),
    botToken: text('SLACK_BOT_TOKEN'),
    appToken: text('SLACK_APP_TOKEN'),
    clientId: text('SLACK_CLIENT_ID'),
    clientSecret: text('SLACK_CLIENT_SECRET'),
    stateSecret: text('SLACK_STATE_SECRET'),
    apiUrl: text('SLACK_API_URL'),
  };
  checkSlack(slack, problem);

  const appType = text('MicrosoftAppType') ?? 'MultiTenant';
  if (!(TEAMS_APP_TYPES as readonly string[]).includes(appType)) {
    problem('teamsAppType', { value: appType, accepted: TEAMS_APP_TYPES.join(', ') });
  }
  const teams: TeamsConfig = {
    appId: text('MicrosoftAppId'),
    appPassword: text('MicrosoftAppPassword'),
    appType: appType as TeamsConfig['appType'],
    tenantId: text('MicrosoftAppTenantId'),
  };
  if (teams.appId && !teams.appPassword && teams.appType !== 'UserAssignedMSI') {
    problem('teamsPassword');
  }
  if (teams.appType === 'SingleTenant' && !teams.tenantId) {
    problem('teamsTenant');
  }

  const config: Config = {
    port,
    host: text('HOST') ?? '0.0.0.0',
    databaseUrl,
    dataDir: text('DATA_DIR') ?? './data',
    logLevel,
    reminders: plan.points,
    dispatcher: {
      pollMs: integer('DISPATCH_POLL_MS', 1000, 50, 60_000, '1000'),
      batchSize: integer('DISPATCH_BATCH_SIZE', 50, 1, 1000, '50'),
      leaseMs: integer('DISPATCH_LEASE_MS', 60_000, 1000, 3_600_000, '60000'),
    },
    slack,
    teams,
  };
  return problems.length ? { ok: false, problems } : { ok: true, config };
}

function checkSlack(
  slack: SlackConfig,
  problem: (key: string, params?: Record<string, string>) => void,
): void {
  const oauth = [slack.clientId, slack.clientSecret, slack.stateSecret];
  if (oauth.some(Boolean) && !oauth.every(Boolean)) {
    problem('slackOauth');
  }
  const credentials = slack.botToken || slack.clientId;
  // Socket Mode receives over a WebSocket opened with the app token: there are no requests to sign.
  if (credentials && !slack.signingSecret && !slack.appToken) {
    problem('slackSigningSecret');
  }
  if (slack.signingSecret && !credentials) {
    problem('slackCredentials');
  }
  if (slack.botToken && !slack.botToken.startsWith('xoxb-')) problem('slackBotToken');
  if (slack.appToken && !slack.appToken.startsWith('xapp-')) problem('slackAppToken');
  if (slack.apiUrl && !/^https?:\/\/.+\/$/.test(slack.apiUrl))
    problem('slackApiUrl', { value: slack.apiUrl });
}

/** Which chat platforms can run with this configuration. */
export function slackEnabled(config: Config): boolean {
  const { signingSecret, appToken, botToken, clientId } = config.slack;
  // HTTP needs the signing secret to verify requests; Socket Mode needs the app token instead.
  return Boolean((signingSecret || appToken) && (botToken || clientId));
}
