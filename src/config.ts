import { DEFAULT_REMINDERS, parseReminderPlan, type ReminderPoint } from './cases/reminder-config.js';

/** The server's own settings; each platform reads its own (`adapters/<name>/config.ts`). */
export interface Config {
  readonly port: number;
  readonly host: string;
  /** Unset: SQLite in `dataDir`. `postgres://…`: PostgreSQL. */
  readonly databaseUrl: string | undefined;
  readonly dataDir: string;
  readonly logLevel: string;
  /** `auto`: readable in a terminal, JSON otherwise. */
  readonly logFormat: 'auto' | 'json' | 'pretty';
  readonly reminders: readonly ReminderPoint[];
  readonly dispatcher: { readonly pollMs: number; readonly batchSize: number; readonly leaseMs: number };
}

/** One thing wrong with the environment: `key` is the full i18n key (`server:config.problem.integer`). */
export interface ConfigProblem {
  readonly key: string;
  readonly params: Record<string, string | number>;
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: ConfigProblem[] };

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
const LOG_FORMATS = ['auto', 'json', 'pretty'] as const;

/** Reads variables the same way for the server and every platform, collecting problems as it goes. */
export class EnvReader {
  readonly problems: ConfigProblem[] = [];
  constructor(
    private readonly env: NodeJS.ProcessEnv,
    /** The locale namespace of this reader's problems (`server`, `slack`, `teams`). */
    private readonly namespace: string,
  ) {}

  problem(key: string, params: Record<string, string | number> = {}): void {
    this.problems.push({ key: `${this.namespace}:config.problem.${key}`, params });
  }

  /** The trimmed value, or undefined when unset or blank. */
  text(name: string): string | undefined {
    const value = this.env[name]?.trim();
    return value ? value : undefined;
  }

  integer(name: string, fallback: number, min: number, max: number, example: string): number {
    const value = this.text(name);
    if (value === undefined) return fallback;
    const number = Number(value);
    if (!Number.isInteger(number) || number < min || number > max) {
      this.problems.push({
        key: 'server:config.problem.integer',
        params: { name, value, min, max, example },
      });
    }
    return number;
  }

  /** One of `accepted`, or the fallback when unset. */
  oneOf<T extends string>(name: string, accepted: readonly T[], fallback: T): T {
    const value = this.text(name) ?? fallback;
    if (!(accepted as readonly string[]).includes(value)) {
      this.problems.push({
        key: 'server:config.problem.oneOf',
        params: { name, value, accepted: accepted.join(', '), example: fallback },
      });
    }
    return value as T;
  }

  /** `1`/`true`/`yes`/`on` or `0`/`false`/`no`/`off`; anything else is a problem. */
  flag(name: string): boolean {
    const value = this.text(name)?.toLowerCase();
    if (value === undefined) return false;
    if (['1', 'true', 'yes', 'on'].includes(value)) return true;
    if (!['0', 'false', 'no', 'off'].includes(value)) {
      this.problems.push({ key: 'server:config.problem.flag', params: { name, value } });
    }
    return false;
  }
}

/** Reads the server's environment once at start; reports every problem at once, each with an example. */
export function loadConfig(env: NodeJS.ProcessEnv): ConfigResult {
  const read = new EnvReader(env, 'server');
  const port = read.integer('PORT', 3000, 0, 65_535, '3000');
  const databaseUrl = read.text('DATABASE_URL');
  if (databaseUrl && !/^(postgres(ql)?:\/\/|sqlite:)/.test(databaseUrl)) read.problem('databaseUrl');
  const logLevel = read.text('LOG_LEVEL') ?? 'info';
  if (!LOG_LEVELS.includes(logLevel))
    read.problem('logLevel', { value: logLevel, accepted: LOG_LEVELS.join(', ') });
  const logFormat = read.oneOf('LOG_FORMAT', LOG_FORMATS, 'auto');
  const plan = parseReminderPlan(read.text('SLA_REMINDERS') ?? DEFAULT_REMINDERS);
  if (plan.problems.length || plan.points.length === 0) {
    read.problem('reminders', {
      unreadable: plan.problems.map((p) => `"${p}"`).join(', '),
      example: DEFAULT_REMINDERS,
    });
  }
  const config: Config = {
    port,
    host: read.text('HOST') ?? '0.0.0.0',
    databaseUrl,
    dataDir: read.text('DATA_DIR') ?? './data',
    logLevel,
    logFormat,
    reminders: plan.points,
    dispatcher: {
      pollMs: read.integer('DISPATCH_POLL_MS', 1000, 50, 60_000, '1000'),
      batchSize: read.integer('DISPATCH_BATCH_SIZE', 50, 1, 1000, '50'),
      leaseMs: read.integer('DISPATCH_LEASE_MS', 60_000, 1000, 3_600_000, '60000'),
    },
  };
  return read.problems.length ? { ok: false, problems: read.problems } : { ok: true, config };
}
