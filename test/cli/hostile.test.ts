import { describe, expect, test } from 'vitest';
import { lines, runCli } from './run.js';

const good = (id: string) =>
  JSON.stringify({
    id,
    plan: 'premier',
    severity: 'B',
    country: 'DE',
    openedAt: '2026-03-27T10:00:00+01:00',
  });

// Lines that killed `sla-bot evaluate` or were misread (issue 9), each followed by a good line.
const HOSTILE = [
  '{"id":"p","plan":{"toString":1},"severity":"A","country":"DE","openedAt":"2026-03-27T10:00:00+01:00"}',
  '{"id":"c","plan":{"valueOf":1},"severity":{"toString":1},"country":{"toString":1},"openedAt":{"toString":1}}',
  '{"id":"i","plan":"premier","severity":"A","country":"DE","issueType":"constructor","openedAt":"2026-03-27T10:00:00+01:00"}',
  '{"id":"__proto__","__proto__":{"plan":"premier"},"severity":"A","country":"DE","openedAt":8.64e15}',
  `{"id":${'['.repeat(100_000)}${']'.repeat(100_000)},"plan":"premier"}`,
  `{"id":"${'x'.repeat(300)}","plan":"premier"}`,
  `{"id":"big","language":"${'a'.repeat(2_000_000)}"}`,
  '{"id":1e400}',
  '\u0000',
  'null',
  // Nested too deep for any recursive reader of the value (String() overflows the stack).
  `{"id":"deep","plan":${'['.repeat(200_000)}${']'.repeat(200_000)},"severity":"A","country":"DE","openedAt":0}`,
];

describe('sla-bot evaluate with hostile input', () => {
  test('every line gets exactly one answer, in order; bad lines are refused with a code, good ones answered', async () => {
    const input = HOSTILE.flatMap((line, index) => [line, good(`good-${index}`)]).join('\n');
    const run = await runCli(['evaluate'], `${input}\n`);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const answers = lines(run.stdout) as Array<{ id: unknown; ok: boolean; error?: { code: string } }>;
    expect(answers).toHaveLength(HOSTILE.length * 2);
    answers.forEach((answer, index) => {
      if (index % 2 === 1) expect(answer).toMatchObject({ id: `good-${(index - 1) / 2}`, ok: true });
      else
        expect(answer.ok === false && typeof answer.error?.code === 'string', JSON.stringify(answer)).toBe(
          true,
        );
    });
    const codes = answers.filter((_, index) => index % 2 === 0).map((answer) => answer.error?.code);
    expect(codes[4]).toBe('invalid_id');
    expect(codes[5]).toBe('invalid_id');
    expect(codes[6]).toBe('line_too_long');
    expect(codes[7]).toBe('invalid_id');
    expect(codes.slice(8, 10)).toEqual(['invalid_json', 'invalid_json']);
    // An id that cannot be echoed is not echoed.
    expect(answers[8]?.id).toBeNull();
  });
});
