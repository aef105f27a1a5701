import type { TFunction } from 'i18next';
import { translator } from '../i18n/index.js';
import { errorText } from '../messages/errors.js';
import { isoInZone } from '../messages/format.js';
import {
  compareWithMicrosoft,
  evaluate,
  type MicrosoftClock,
  type Policy,
  readTicket,
  SlaFailure,
  type TicketFacts,
} from '../sla/index.js';
import { type AnswerId, contractLine, errorLine } from './contract.js';
import { instantFlag, readFlags } from './flags.js';
import { type CliIo, EXIT_OK, UsageError } from './io.js';
import { answerEachLine } from './ndjson-command.js';
import { commandPolicy } from './policy.js';

/** A ticket the core could not evaluate (its error is the line's) has nothing to compare. */
const NOT_EVALUATED = { differenceMinutes: null, agrees: null, reason: 'not_evaluated' } as const;

const OPTIONS = { at: { type: 'string' }, help: { type: 'boolean', short: 'h' } } as const;

/**
 * `sla-bot tickets`: Azure support tickets as NDJSON in (a resource or its bare properties per line),
 * exactly one line out per line in, in order: the `evaluate` answer plus the ticket, Microsoft's own
 * clock and how the two agree. A line that is not a ticket gets `evaluate`'s error line.
 */
export async function ticketsCommand(args: string[], io: CliIo, t: TFunction): Promise<number> {
  const hint = t('cli:usage.seeHelp', { command: 'tickets' });
  const flags = readFlags(args, OPTIONS, t, hint);
  if (flags.help) {
    io.stdout.write(`${t('cli:help.tickets')}\n`);
    return EXIT_OK;
  }
  const policy = commandPolicy(io.env, t);
  const at = atFlag(flags.at, t, hint);
  const english = translator('en');
  return answerEachLine(io, english, ({ record, id }) =>
    ticketLine(record, id, at ?? io.now(), english, policy),
  );
}

/** One answer line: read the ticket, evaluate it, and put Microsoft's clock beside ours. */
export function ticketLine(parsed: object, id: AnswerId, at: number, t: TFunction, policy: Policy) {
  const reading = readTicket(parsed, policy);
  if (!reading.ok) {
    const refused = errorLine(id, reading.error, t);
    return reading.ticket ? { ...refused, ticket: ticketFields(reading.ticket) } : refused;
  }
  const evaluation = evaluate(reading.input, at, policy);
  const zone = evaluation.ok ? evaluation.assessment.timeZone : 'UTC';
  return {
    ...contractLine(id, evaluation, t),
    ticket: ticketFields(reading.ticket),
    microsoft: microsoftFields(reading.microsoft, zone),
    agreement: evaluation.ok ? compareWithMicrosoft(evaluation.assessment, reading.microsoft) : NOT_EVALUATED,
  };
}

function ticketFields(ticket: TicketFacts) {
  return { id: ticket.id, title: ticket.title, status: ticket.status };
}

function microsoftFields(clock: MicrosoftClock, zone: string) {
  const iso = (instant: number | null) => (instant === null ? null : isoInZone(instant, zone));
  return { deadline: iso(clock.deadline), slaMinutes: clock.slaMinutes, startTime: iso(clock.startTime) };
}

/** `--at`: one moment for every line's status (default: now, read per line). */
function atFlag(value: string | undefined, t: TFunction, hint: string): number | undefined {
  try {
    return instantFlag(value, 'invalid_at');
  } catch (error) {
    if (!(error instanceof SlaFailure)) throw error;
    throw new UsageError(errorText(t, 'en', error.toInfo()), hint);
  }
}
