import { createInterface } from 'node:readline';
import { translator } from '../i18n/index.js';
import { evaluate, type Policy, readInstant, SlaFailure } from '../sla/index.js';
import { contractLine, errorLine } from './contract.js';
import type { CliIo } from './io.js';

/** NDJSON in, exactly one NDJSON answer per input line out, in order; bad lines never stop the stream. */
export async function evaluateCommand(io: CliIo, policy: Policy): Promise<number> {
  const t = translator('en');
  const lines = createInterface({ input: io.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  let number = 0;
  let pending: string[] = [];
  for await (const line of lines) {
    number += 1;
    pending.push(JSON.stringify(answer(line, number, io, t, policy)));
    // Write in chunks: one write per line would make large batches I/O-bound.
    if (pending.length >= 256) {
      await write(io.stdout, `${pending.join('\n')}\n`);
      pending = [];
    }
  }
  if (pending.length) await write(io.stdout, `${pending.join('\n')}\n`);
  return 0;
}

function answer(
  line: string,
  number: number,
  io: CliIo,
  t: ReturnType<typeof translator>,
  policy: Policy,
): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch (error) {
    return errorLine(
      null,
      { code: 'invalid_json', params: { line: number, detail: (error as Error).message } },
      t,
    );
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return errorLine(
      null,
      {
        code: 'invalid_json',
        params: { line: number, detail: `got ${Array.isArray(parsed) ? 'an array' : typeof parsed}` },
      },
      t,
    );
  }
  const record = parsed as Record<string, unknown>;
  const id = record.id ?? null;
  let at: number;
  try {
    at =
      record.at === undefined || record.at === null || record.at === 'now'
        ? io.now()
        : readInstant(record.at, 'invalid_at');
  } catch (error) {
    if (error instanceof SlaFailure) return errorLine(id, error.toInfo(), t);
    throw error;
  }
  return contractLine(id, evaluate(record, at, policy), t);
}

function write(stream: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.write(text, (error) => (error ? reject(error) : resolve()));
  });
}
