// What `evaluate` and `tickets` share: NDJSON in, exactly one answer per line out, in order. Framing,
// JSON, the echoed id and any unexpected failure are the line's own error answer; the stream goes on.
import type { TFunction } from 'i18next';
import { AnswerWriter } from './answer-writer.js';
import { type AnswerError, type AnswerId, errorLine } from './contract.js';
import { type CliIo, EXIT_OK } from './io.js';
import { type Line, LineSplitter, MAX_LINE_BYTES } from './ndjson-lines.js';

/** The longest `id` echoed back, in characters. */
export const MAX_ID_LENGTH = 256;

/** A line read as a JSON object, with its checked id and its number (1-based). */
export interface LineRequest {
  readonly record: Record<string, unknown>;
  readonly id: AnswerId;
  readonly number: number;
}

/** The command's own answer to a line; it may throw, and the safety net makes that the line's error. */
export type LineAnswer = (request: LineRequest) => Record<string, unknown>;

/** Reads stdin to its end, answering each line; answers made are written even when stdin fails. */
export async function answerEachLine(io: CliIo, t: TFunction, answer: LineAnswer): Promise<number> {
  const output = new AnswerWriter(io.stdout);
  const splitter = new LineSplitter();
  let number = 0;
  const onLine = (line: Line) => {
    number += 1;
    output.add(answerLine(line, number, t, answer));
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

function answerLine(line: Line, number: number, t: TFunction, answer: LineAnswer): string {
  let id: AnswerId = null;
  try {
    const request = readLine(line, number);
    if ('error' in request) return JSON.stringify(errorLine(request.id, request.error, t));
    id = request.id;
    return JSON.stringify(answer(request));
  } catch (error) {
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : typeof error;
    const params = { line: number, detail: detail.slice(0, 200) };
    return JSON.stringify(errorLine(id, { code: 'internal_error', params }, t));
  }
}

function readLine(line: Line, number: number): LineRequest | { id: AnswerId; error: AnswerError } {
  if ('tooLongBytes' in line) {
    return refuse('line_too_long', { line: number, bytes: line.tooLongBytes, limit: MAX_LINE_BYTES });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(line.text);
  } catch (error) {
    return refuse('invalid_json', { line: number, detail: (error as Error).message });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    const got = Array.isArray(parsed) ? 'an array' : parsed === null ? 'null' : typeof parsed;
    return refuse('invalid_json', { line: number, detail: `got ${got}` });
  }
  const record = parsed as Record<string, unknown>;
  const id = Object.hasOwn(record, 'id') ? record.id : null;
  const idProblem = problemWithId(id);
  if (idProblem) return refuse('invalid_id', { line: number, detail: idProblem, max: MAX_ID_LENGTH });
  return { record, id: (id ?? null) as AnswerId, number };
}

function refuse(code: AnswerError['code'], params: AnswerError['params']) {
  return { id: null, error: { code, params } };
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
