import type { TFunction } from 'i18next';
import pino from 'pino';
import type { CliIo } from './cli/io.js';
import { type ConfigProblem, loadConfig } from './config.js';
import { translator } from './i18n/index.js';
import { ConfigError, startServer } from './server.js';

const EXIT_DEADLINE_MS = 10_000;

/** `sla-bot serve`: runs until SIGTERM/SIGINT, then stops claiming, finishes in-flight posts and exits 0. */
export async function serveCommand(io: CliIo): Promise<number> {
  const t = translator('en');
  // Validate first: the logger itself depends on LOG_LEVEL being right.
  const loaded = loadConfig(io.env);
  if (!loaded.ok) return reportProblems(io, t, loaded.problems);
  const logger = pino({ level: loaded.config.logLevel, base: { service: 'sla-bot' } });
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer({ env: io.env, clock: { now: () => io.now() }, logger });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return reportProblems(io, t, error.problems);
  }
  logger.info({ url: server.url, store: server.store.dialect }, t('server:started', { url: server.url }));
  // Teams always runs (unauthenticated for the Emulator without credentials, and says so itself).
  if (!server.platforms.some((platform) => platform.name === 'slack')) {
    logger.warn({ platform: 'slack' }, t('server:off.slack'));
  }
  return new Promise<number>((resolve) => {
    const shutdown = (signal: string) => {
      logger.info({ signal }, t('server:stopping'));
      const forced = setTimeout(() => resolve(1), EXIT_DEADLINE_MS);
      forced.unref();
      server.stop().then(
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
    process.once('SIGTERM', () => shutdown('SIGTERM'));
    process.once('SIGINT', () => shutdown('SIGINT'));
  });
}

function reportProblems(io: CliIo, t: TFunction, problems: readonly ConfigProblem[]): number {
  const lines = problems.map((problem) => `  - ${t(`server:config.problem.${problem.key}`, problem.params)}`);
  io.stderr.write(`${t('server:config.invalid', { count: problems.length })}\n${lines.join('\n')}\n`);
  return 2;
}
