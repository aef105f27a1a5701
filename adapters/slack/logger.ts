// Bolt's Logger interface on top of the server's pino logger.
import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import type { Logger } from 'pino';

export function boltLogger(logger: Logger): BoltLogger {
  const child = logger.child({ platform: 'slack' });
  let level = LogLevel.INFO;
  const write =
    (method: 'debug' | 'info' | 'warn' | 'error') =>
    (...messages: unknown[]) => {
      const [first, ...rest] = messages;
      if (first instanceof Error) child[method]({ err: first, detail: rest }, first.message);
      else child[method]({ detail: rest.length ? rest : undefined }, String(first));
    };
  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
