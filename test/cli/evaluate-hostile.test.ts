// `bin/sla-bot evaluate` as a process on thousands of lines with hostile field values: one answer per
// line, in order, each a coded error (or a real answer where the value is legitimately fine), exit 0,
// nothing on stderr. The line framing itself (BOM, CR, line length, nesting) is tested elsewhere.
import { describe, expect, test } from 'vitest';
import {
  ERROR_CODES,
  FIELD_CODES,
  HOSTILE_VALUES,
  type HostileValue,
  seeded,
} from '../support/hostile-values.js';
import { runCli } from './run.js';

const VALID = {
  plan: 'premier',
  severity: 'C',
  country: 'DE',
  openedAt: '2026-03-30T10:00:00+02:00',
  at: '2026-03-30T12:00:00+02:00',
};

/** The JSON type each field takes: a value of another type must be refused with the field's code. */
const FIELD_TYPES: Readonly<Record<string, 'text' | 'instant' | 'boolean' | 'number'>> = {
  plan: 'text',
  severity: 'text',
  language: 'text',
  country: 'text',
  subdivision: 'text',
  timeZone: 'text',
  openedAt: 'instant',
  clockStartsAt: 'instant',
  at: 'instant',
  issueType: 'text',
  product: 'text',
  commit24x7: 'boolean',
  available24x7: 'boolean',
  waitingOnCustomer: 'boolean',
  targetMinutes: 'number',
};

interface Line {
  readonly record: Record<string, unknown>;
  /** The code this line must get; undefined: any coded error or a full answer. */
  readonly code?: string;
}

function wrongType(field: string, value: HostileValue): boolean {
  const wanted = FIELD_TYPES[field];
  if (value.type === 'null') return false; // null is "not given"
  if (wanted === 'boolean') return value.type !== 'boolean';
  if (wanted === 'number') return value.type !== 'number';
  if (wanted === 'instant') return value.type !== 'text' && value.type !== 'number';
  return value.type !== 'text';
}

function corpus(): Line[] {
  const lines: Line[] = [];
  // Every field with every hostile value, alone.
  for (const field of Object.keys(FIELD_TYPES)) {
    for (const value of HOSTILE_VALUES) {
      const code = wrongType(field, value) ? FIELD_CODES[field] : undefined;
      lines.push({ record: { ...VALID, [field]: value.value }, code });
    }
  }
  // Cache poisoning: a list, then the good value, then the list again, for each text field.
  for (let round = 0; round < 20; round += 1) {
    for (const [field, good] of [
      ['country', 'FR'],
      ['language', 'fr'],
      ['plan', 'std'],
      ['timeZone', 'Europe/Paris'],
      ['subdivision', 'BY'],
    ] as const) {
      lines.push({ record: { ...VALID, [field]: [good] }, code: FIELD_CODES[field] });
      lines.push({ record: { ...VALID, [field]: good } });
      lines.push({ record: { ...VALID, [field]: { toString: good } }, code: FIELD_CODES[field] });
    }
  }
  // Unknown and prototype-named top-level keys are ignored like any field the contract does not name.
  lines.push({ record: JSON.parse(`{"__proto__":{"plan":"developer","severity":"A"},${fieldsOf(VALID)}}`) });
  lines.push({ record: { ...VALID, constructor: { name: 'x' }, toString: 'x', hasOwnProperty: 1 } });
  // Random mixes of two to four hostile values.
  const random = seeded(20_261_206);
  const fields = Object.keys(FIELD_TYPES);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  while (lines.length < 4_000) {
    const record: Record<string, unknown> = { ...VALID };
    const count = 2 + Math.floor(random() * 3);
    for (let i = 0; i < count; i += 1) record[pick(fields)] = pick(HOSTILE_VALUES).value;
    lines.push({ record });
  }
  return lines;
}

function fieldsOf(record: Record<string, unknown>): string {
  return JSON.stringify(record).slice(1, -1);
}

interface Answer {
  id: unknown;
  ok: boolean;
  deadline?: string;
  status?: { elapsedMinutes: number };
  error?: { code: string; message: string };
}

describe('sla-bot evaluate survives hostile field values', () => {
  test('thousands of hostile lines: one coded answer per line, in order, exit 0, nothing on stderr', async () => {
    const lines = corpus();
    const input = `${lines.map((line, id) => JSON.stringify({ id, ...line.record })).join('\n')}\n`;
    const run = await runCli(['evaluate'], input);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const answers = run.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Answer);
    expect(answers).toHaveLength(lines.length);
    const problems: string[] = [];
    answers.forEach((answer, id) => {
      const line = lines[id] as Line;
      if (answer.id !== id) problems.push(`line ${id}: answered for id ${JSON.stringify(answer.id)}`);
      if (answer.ok) {
        if (line.code) problems.push(`line ${id}: ok, expected ${line.code}`);
        if (typeof answer.deadline !== 'string' || typeof answer.status?.elapsedMinutes !== 'number')
          problems.push(`line ${id}: ok without a deadline and status`);
        return;
      }
      const { code = '', message = '' } = answer.error ?? {};
      if (!ERROR_CODES.has(code)) problems.push(`line ${id}: unknown code ${code}`);
      if (line.code && code !== line.code) problems.push(`line ${id}: ${code}, expected ${line.code}`);
      if (
        !message ||
        message.length > 600 ||
        /undefined|\[object |\{\{|\$t\(sla/.test(message.replace(/"[^"]*"/g, ''))
      )
        problems.push(`line ${id}: message ${JSON.stringify(message.slice(0, 200))}`);
    });
    expect(problems).toEqual([]);
    // The corpus is mostly refused, but the legitimately fine values are answered.
    const ok = answers.filter((answer) => answer.ok).length;
    expect(ok).toBeGreaterThan(100);
    expect(ok).toBeLessThan(lines.length / 2);
  });
});
