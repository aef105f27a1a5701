import pino from 'pino';
import type { CliIo } from './cli/io.js';
import { translator } from './i18n/index.js';
import { ConfigError, startServer } from './server.js';

const EXIT_DEADLINE_MS = 10_000;

/** `sla-bot serve`: runs until SIGTERM/SIGINT, then stops claiming, finishes in-flight posts and exits 0. */
export async function serveCommand(io: CliIo): Promise<number> {
  const t = translator('en');
  const logger = pino({ level: io.env.LOG_LEVEL || 'info', base: { service: 'sla-bot' } });
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer({ env: io.env, clock: { now: () => io.now() }, logger });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.stderr.write(`${t('server:config.invalid', { count: error.problems.length })}\n${error.problems.map((p) => `  - ${t(`server:config.problem.${p.key}`, p.params)}`).join('\n')}\n`);
    return 2;
  }
  logger.info({ url: server.url, store: server.store.dialect }, t('server:started', { url: server.url }));
  for (const name of ['slack', 'teams'] as const) {
    if (!server.platforms.some((platform) => platform.name === name)) logger.warn({ platform: name }, t(`server:off.${name}`));
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
