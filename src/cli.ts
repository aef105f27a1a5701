import { deadlineCommand } from './cli/deadline-command.js';
import { evaluateCommand } from './cli/evaluate-command.js';
import { type CliIo, EXIT_OK, EXIT_USAGE, UsageError } from './cli/io.js';
import { localeFlag } from './cli/locale-flag.js';
import { commandPolicy } from './cli/policy.js';
import { ticketsCommand } from './cli/tickets-command.js';
import { environmentLocale, interfaceLanguage, translator } from './i18n/index.js';

/** The `sla-bot` command line. Returns the exit code; never calls process.exit itself. */
export async function main(args: string[], io: CliIo): Promise<number> {
  const [command = 'help', ...rest] = args;
  const t = translator(interfaceLanguage(localeFlag(args) ?? environmentLocale(io.env)));
  const wantsHelp = rest.includes('--help') || rest.includes('-h');
  try {
    switch (command) {
      case 'deadline':
        return deadlineCommand(rest, io, commandPolicy(io.env, t));
      case 'evaluate':
        if (wantsHelp) return help(io, t('cli:help.evaluate'));
        if (rest.length)
          throw new UsageError(
            t('cli:usage.unexpectedArgument', { value: rest[0] }),
            t('cli:usage.seeHelp', { command: 'evaluate' }),
          );
        return await evaluateCommand(io, commandPolicy(io.env, t));
      case 'tickets':
        return await ticketsCommand(rest, io, t);
      case 'serve': {
        if (wantsHelp) return help(io, t('cli:help.serve'));
        const { serveCommand } = await import('./serve-command.js');
        return await serveCommand(io);
      }
      case 'help':
      case '--help':
      case '-h':
        return help(io, t('cli:help.main'));
      default:
        throw new UsageError(t('cli:usage.unknownCommand', { command }), t('cli:usage.seeMainHelp'));
    }
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`${error.message}\n${error.hint}\n`);
    return EXIT_USAGE;
  }
}

function help(io: CliIo, text: string): number {
  io.stdout.write(`${text}\n`);
  return EXIT_OK;
}
