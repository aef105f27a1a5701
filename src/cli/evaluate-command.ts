import type { TFunction } from 'i18next';
import { translator } from '../i18n/index.js';
import { evaluate, readInstant, SlaFailure, type SlaInput } from '../sla/index.js';
import { AnswerWriter } from './answer-writer.js';
import { type AnswerError, type AnswerId, contractLine, errorLine } from './contract.js';
import { type CliIo, EXIT_OK } from './io.js';
import { type Line, LineSplitter, MAX_LINE_BYTES } from './ndjson-lines.js';

/** The longest `id` echoed back, in characters. */
export const MAX_ID_LENGTH = 256;

/**
 * NDJSON in, exactly one NDJSON answer per input line out, in order. A line's failure, expected or
 * not, is that line's error answer: the stream never stops, and answers made are always written.
 */
export async function evaluateCommand(io: CliIo): Promise<number> {
  const t = translator('en');
  const output = new AnswerWriter(io.stdout);
  const splitter = new LineSplitter();
  let number = 0;
  const onLine = (line: Line) => {
    number += 1;
    output.add(answerLine(line, number, io, t));
  };
  try {
    for await (const chunk of io.stdin) {
      splitter.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk, onLine);
      await output.flushWhenFull();
    }
    splitter.end(onLine);
  } finally {
    await output.flush();
  }
  return EXIT_OK;
}

/** One line's answer as JSON text; the safety net turns anything unexpected into a coded error. */
function answerLine(line: Line, number: number, io: CliIo, t: TFunction): string {
  let id: AnswerId = null;
  try {
    const request = readRequest(line, number, io);
    if (!request.ok) return JSON.stringify(errorLine(request.id, request.error, t));
    id = request.id;
    return JSON.stringify(contractLine(id, evaluate(request.input, request.at), t));
  } catch (error) {
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : typeof error;
    return JSON.stringify(
      errorLine(id, { code: 'internal_error', params: { line: number, detail: detail.slice(0, 200) } }, t),
    );
  }
}

type Request =
  | { ok: true; id: AnswerId; input: SlaInput; at: number }
  | { ok: false; id: AnswerId; error: AnswerError };

function readRequest(line: Line, number: number, io: CliIo): Request {
  if ('tooLongBytes' in line) {
    return refuse(null, 'line_too_long', { line: number, bytes: line.tooLongBytes, limit: MAX_LINE_BYTES });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(line.text);
  } catch (error) {
    return refuse(null, 'invalid_json', { line: number, detail: (error as Error).message });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    const got = Array.isArray(parsed) ? 'an array' : typeof parsed;
    return refuse(null, 'invalid_json', { line: number, detail: `got ${got}` });
  }
  const record = parsed as Record<string, unknown>;
  const id = Object.hasOwn(record, 'id') ? record.id : null;
  const idProblem = problemWithId(id);
  if (idProblem) return refuse(null, 'invalid_id', { line: number, detail: idProblem, max: MAX_ID_LENGTH });
  const checkedId = id as AnswerId;
  const given = Object.hasOwn(record, 'at') ? record.at : undefined;
  try {
    const at =
      given === undefined || given === null || given === 'now' ? io.now() : readInstant(given, 'invalid_at');
    return { ok: true, id: checkedId, input: record as unknown as SlaInput, at };
  } catch (error) {
    if (error instanceof SlaFailure) return { ok: false, id: checkedId, error: error.toInfo() };
    throw error;
  }
}

function refuse(id: AnswerId, code: AnswerError['code'], params: AnswerError['params']): Request {
  return { ok: false, id, error: { code, params } };
}

/** Why an id cannot be echoed, or null: a string of bounded length, a finite number or nothing. */
function problemWithId(id: unknown): string | null {
  if (id === null || id === undefined) return null;
  if (typeof id === 'number') return Number.isFinite(id) ? null : 'got a number too large for JSON';
  if (typeof id === 'string') {
    return id.length <= MAX_ID_LENGTH ? null : `got a string of ${id.length} characters`;
  }
  // Never stringified: an object or array may be nested deeper than any stack.
  return `got ${Array.isArray(id) ? 'an array' : typeof id === 'object' ? 'an object' : typeof id}`;
}
