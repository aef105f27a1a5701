import { translator } from '../i18n/index.js';
import { evaluate, type Policy, readInstant, SlaFailure } from '../sla/index.js';
import { contractLine, errorLine } from './contract.js';
import type { CliIo } from './io.js';
import { answerEachLine } from './ndjson-command.js';

/**
 * NDJSON in, exactly one NDJSON answer per input line out, in order. A line's failure, expected or
 * not, is that line's error answer: the stream never stops, and answers made are always written.
 */
export function evaluateCommand(io: CliIo, policy: Policy): Promise<number> {
  const t = translator('en');
  return answerEachLine(io, t, ({ record, id }) => {
    const given = Object.hasOwn(record, 'at') ? record.at : undefined;
    let at: number;
    try {
      at =
        given === undefined || given === null || given === 'now'
          ? io.now()
          : readInstant(given, 'invalid_at');
    } catch (error) {
      if (error instanceof SlaFailure) return errorLine(id, error.toInfo(), t);
      throw error;
    }
    return contractLine(id, evaluate(record, at, policy), t);
  });
}
