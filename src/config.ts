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

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: string[] };

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
const TEAMS_APP_TYPES = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'] as const;

/** Reads the environment once at start; reports every problem at once, each with an example. */
export function loadConfig(env: NodeJS.ProcessEnv): ConfigResult {
  const problems: string[] = [];
  const text = (name: string) => {
    const value = env[name]?.trim();
    return value ? value : undefined;
  };
  const integer = (name: string, fallback: number, min: number, max: number, example: string) => {
    const value = text(name);
    if (value === undefined) return fallback;
    const number = Number(value);
    if (!Number.isInteger(number) || number < min || number > max) {
      problems.push(`${name}="${value}" must be a whole number from ${min} to ${max}, for example ${name}=${example}`);
    }
    return number;
  };

  const port = integer('PORT', 3000, 0, 65_535, '3000');
  const databaseUrl = text('DATABASE_URL');
  if (databaseUrl && !/^(postgres(ql)?:\/\/|sqlite:)/.test(databaseUrl)) {
    problems.push('DATABASE_URL must start with postgres:// (or sqlite: for a file), for example DATABASE_URL=postgres://sla:secret@localhost:5432/sla');
  }
  const logLevel = text('LOG_LEVEL') ?? 'info';
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL="${logLevel}" must be one of ${LOG_LEVELS.join(', ')}, for example LOG_LEVEL=info`);
  const plan = parseReminderPlan(text('SLA_REMINDERS') ?? DEFAULT_REMINDERS);
  if (plan.problems.length || plan.points.length === 0) {
    problems.push(`SLA_REMINDERS has ${plan.problems.map((p) => `"${p}"`).join(', ') || 'no points'}: use percentages of the target, minutes before the deadline and "breach", for example SLA_REMINDERS=${DEFAULT_REMINDERS}`);
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
  checkSlack(slack, problems);

  const appType = text('MicrosoftAppType') ?? 'MultiTenant';
  if (!(TEAMS_APP_TYPES as readonly string[]).includes(appType)) {
    problems.push(`MicrosoftAppType="${appType}" must be one of ${TEAMS_APP_TYPES.join(', ')}, for example MicrosoftAppType=MultiTenant`);
  }
  const teams: TeamsConfig = {
    appId: text('MicrosoftAppId'),
    appPassword: text('MicrosoftAppPassword'),
    appType: appType as TeamsConfig['appType'],
    tenantId: text('MicrosoftAppTenantId'),
  };
  if (teams.appId && !teams.appPassword && teams.appType !== 'UserAssignedMSI') {
    problems.push('MicrosoftAppId is set but MicrosoftAppPassword is not: set both from the Azure Bot registration, for example MicrosoftAppPassword=<client secret>');
  }
  if (teams.appType === 'SingleTenant' && !teams.tenantId) {
    problems.push('MicrosoftAppType=SingleTenant needs MicrosoftAppTenantId, for example MicrosoftAppTenantId=00000000-0000-0000-0000-000000000000');
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

function checkSlack(slack: SlackConfig, problems: string[]): void {
  const oauth = [slack.clientId, slack.clientSecret, slack.stateSecret];
  if (oauth.some(Boolean) && !oauth.every(Boolean)) {
    problems.push('Slack OAuth needs all of SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET, for example SLACK_STATE_SECRET=any-long-random-string');
  }
  const credentials = slack.botToken || slack.clientId;
  if (credentials && !slack.signingSecret) {
    problems.push('Slack needs SLACK_SIGNING_SECRET (Basic Information → App Credentials) to verify requests, for example SLACK_SIGNING_SECRET=8f742231b10e8888abcd99yyyzzz85a5');
  }
  if (slack.signingSecret && !credentials) {
    problems.push('SLACK_SIGNING_SECRET is set but there is no SLACK_BOT_TOKEN (one workspace) or SLACK_CLIENT_ID (OAuth), for example SLACK_BOT_TOKEN=xoxb-…');
  }
  if (slack.botToken && !slack.botToken.startsWith('xoxb-')) problems.push('SLACK_BOT_TOKEN must be a bot token starting with xoxb-, for example SLACK_BOT_TOKEN=xoxb-…');
  if (slack.appToken && !slack.appToken.startsWith('xapp-')) problems.push('SLACK_APP_TOKEN must be an app-level token starting with xapp-, for example SLACK_APP_TOKEN=xapp-…');
  if (slack.apiUrl && !/^https?:\/\/.+\/$/.test(slack.apiUrl)) problems.push(`SLACK_API_URL="${slack.apiUrl}" must be an http(s) URL ending in /, for example SLACK_API_URL=https://slack.com/api/`);
}

/** Which chat platforms can run with this configuration. */
export function slackEnabled(config: Config): boolean {
  return Boolean(config.slack.signingSecret && (config.slack.botToken || config.slack.clientId));
}
