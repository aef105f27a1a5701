import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import type { TFunction } from 'i18next';
import pino, { type Logger } from 'pino';
import pretty from 'pino-pretty';
import { PLATFORMS } from '../adapters/index.js';
import type { CliIo } from './cli/io.js';
import type { Config, ConfigProblem } from './config.js';
import { translator } from './i18n/index.js';
import { ConfigError, hostPart, ListenError, startServer } from './server.js';
import { readSettings } from './settings.js';

const EXIT_DEADLINE_MS = 10_000;
const EXIT_CONFIG = 2;

/** `sla-bot serve`: runs until SIGTERM/SIGINT, then stops claiming, finishes in-flight posts and exits 0. */
export async function serveCommand(io: CliIo, cwd = process.cwd()): Promise<number> {
  const t = translator('en');
  const { env, envFile } = withEnvFile(io.env, join(cwd, '.env'));
  // Validate first: the logger itself depends on LOG_LEVEL and LOG_FORMAT being right.
  const read = readSettings(env, PLATFORMS);
  if (!read.ok) return reportProblems(io, t, read.problems);
  const logger = createLogger(read.settings.config, io.stdout);
  if (envFile) logger.info(envFile, t('server:envFile', envFile));
  // Signals are taken from here on: a SIGTERM that came in the instant after "listening" was logged,
  // before a handler existed, killed the process outright instead of stopping it.
  let stopSignal: string | null = null;
  let onSignal = (signal: string) => {
    stopSignal = signal;
  };
  process.once('SIGTERM', () => onSignal('SIGTERM'));
  process.once('SIGINT', () => onSignal('SIGINT'));
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer({ env, platforms: PLATFORMS, clock: { now: () => io.now() }, logger });
  } catch (error) {
    if (error instanceof ConfigError) return reportProblems(io, t, error.problems);
    if (!(error instanceof ListenError)) throw error;
    const key = error.code === 'EADDRINUSE' ? 'server:portInUse' : 'server:cannotListen';
    io.stderr.write(`${t(key, { host: error.host, port: error.port, code: error.code })}\n`);
    return EXIT_CONFIG;
  }
  const running = server;
  const stopped = new Promise<number>((resolve) => {
    const shutdown = (signal: string) => {
      logger.info({ signal }, t('server:stopping'));
      const forced = setTimeout(() => resolve(1), EXIT_DEADLINE_MS);
      forced.unref();
      running.stop().then(
        () => {
          clearTimeout(forced);
          logger.info(t('server:stopped'));
          resolve(0);
        },
        (error: unknown) => {
          logger.error({ err: error }, t('server:stopFailed'));
          resolve(1);
        },
      );
    };
    onSignal = shutdown;
    // A signal that came while the server was starting stops it now that it has started.
    if (stopSignal) shutdown(stopSignal);
  });
  const url = `http://${hostPart(server.address)}:${server.port}`;
  logger.info(
    {
      url,
      address: server.address,
      port: server.port,
      store: server.store.dialect,
      policy: server.policySource,
    },
    t('server:started', { url }),
  );
  return stopped;
}

/**
 * `.env` in the working folder, when there is one, read with Node's own parser. Variables already set
 * in the environment win, as with `node --env-file`.
 */
export function withEnvFile(
  env: NodeJS.ProcessEnv,
  path: string,
): { env: NodeJS.ProcessEnv; envFile?: { path: string; count: number } } {
  if (!existsSync(path)) return { env };
  const values = parseEnv(readFileSync(path, 'utf8'));
  return { env: { ...values, ...env }, envFile: { path, count: Object.keys(values).length } };
}

/** JSON lines for machines; pino's pretty printer when a person watches a terminal. */
export function createLogger(config: Config, stdout: NodeJS.WritableStream): Logger {
  const options = { level: config.logLevel, base: { service: 'sla-bot' } };
  const terminal = Boolean((stdout as NodeJS.WriteStream).isTTY);
  const readable = config.logFormat === 'pretty' || (config.logFormat === 'auto' && terminal);
  if (!readable) return pino(options, stdout);
  return pino(
    options,
    pretty({ destination: stdout, sync: true, colorize: terminal, ignore: 'pid,hostname,service' }),
  );
}

function reportProblems(io: CliIo, t: TFunction, problems: readonly ConfigProblem[]): number {
  const lines = problems.map((problem) => `  - ${t(problem.key, problem.params)}`);
  io.stderr.write(`${t('server:config.invalid', { count: problems.length })}\n${lines.join('\n')}\n`);
  return EXIT_CONFIG;
}
