import { PassThrough, Readable } from 'node:stream';
import { describe, expect, test, vi } from 'vitest';
import { evaluateCommand } from '../../src/cli/evaluate-command.js';
import type { CliIo } from '../../src/cli/io.js';
import { azurePolicy } from '../../src/sla/index.js';

// The rules fail unexpectedly for one plan, as a bug in them would: the safety net must hold.
vi.mock(import('../../src/sla/index.js'), async (original) => {
  const actual = await original();
  return {
    ...actual,
    evaluate: (input, at, policy) => {
      if ((input as { plan?: unknown }).plan === 'explode') throw new RangeError('a bug in the rules');
      return actual.evaluate(input, at, policy);
    },
  };
});

const record = (id: string, plan = 'premier') =>
  JSON.stringify({ id, plan, severity: 'B', country: 'DE', openedAt: '2026-03-27T10:00:00+01:00' });

function io(stdin: NodeJS.ReadableStream): CliIo & { output: () => string } {
  const stdout = new PassThrough();
  let text = '';
  stdout.on('data', (chunk) => (text += chunk));
  return {
    stdin,
    stdout,
    stderr: new PassThrough(),
    env: {},
    now: () => Date.UTC(2026, 2, 27, 12),
    output: () => text,
  };
}

describe('evaluateCommand in process', () => {
  test('an unexpected exception is that line’s coded error, with its id, and the stream goes on', async () => {
    const cli = io(Readable.from([`${record('a')}\n${record('b', 'explode')}\n${record('c')}\n`]));
    expect(await evaluateCommand(cli, azurePolicy)).toBe(0);
    const answers = cli
      .output()
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(answers.map((a) => [a.id, a.ok, a.error?.code ?? null])).toEqual([
      ['a', true, null],
      ['b', false, 'internal_error'],
      ['c', true, null],
    ]);
    expect(answers[1].error.message).toContain('RangeError: a bug in the rules');
  });

  test('when the input itself fails, the answers already made are written before the failure is reported', async () => {
    async function* failing() {
      yield Buffer.from(`${record('1')}\n${record('2')}\n`);
      throw new Error('stdin went away');
    }
    const cli = io(Readable.from(failing()));
    await expect(evaluateCommand(cli, azurePolicy)).rejects.toThrow('stdin went away');
    expect(
      cli
        .output()
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line).id),
    ).toEqual(['1', '2']);
  });

  test('lines split anywhere across chunks, even inside a character, read the same', async () => {
    const text = `${record('é-1')}\r\n${record('é-2')}\n`;
    const bytes = Buffer.from(text);
    const chunks = Array.from({ length: bytes.length }, (_, i) => bytes.subarray(i, i + 1));
    const cli = io(Readable.from(chunks));
    await evaluateCommand(cli, azurePolicy);
    expect(
      cli
        .output()
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line).id),
    ).toEqual(['é-1', 'é-2']);
  });
});
