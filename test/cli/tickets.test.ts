// `bin/sla-bot tickets` as a process: the recorded Azure snapshots through the real command, their
// bare properties, hostile ticket fields, and the command's own flags and help.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { ERROR_CODES, HOSTILE_VALUES } from '../support/hostile-values.js';
import { lines, runCli } from './run.js';

const SNAPSHOTS = readFileSync(new URL('../fixtures/azure-tickets/snapshots.ndjson', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .map(
    (line) =>
      JSON.parse(line) as Record<string, unknown> & { id: string; properties: Record<string, unknown> },
  );
const AT = '2026-01-05T12:00:00Z';

interface TicketAnswer {
  id: unknown;
  ok: boolean;
  deadline?: string;
  error?: { code: string; message: string };
  ticket?: { id: string | null; title: string | null; status: string | null };
  microsoft?: { deadline: string | null; slaMinutes: number | null; startTime: string | null };
  agreement?: { differenceMinutes: number | null; agrees: boolean | null; reason: string | null };
}

const ndjson = (records: unknown[]) => `${records.map((record) => JSON.stringify(record)).join('\n')}\n`;

describe('sla-bot tickets', () => {
  test('the recorded snapshots: one answer each, 12 of 15 within 3 minutes, the rest caught mid-change', async () => {
    const run = await runCli(
      ['tickets', '--at', AT],
      readFileSync(new URL('../fixtures/azure-tickets/snapshots.ndjson', import.meta.url), 'utf8'),
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const answers = lines(run.stdout) as TicketAnswer[];
    expect(answers.map((answer) => answer.id)).toEqual(SNAPSHOTS.map((snapshot) => snapshot.id));
    expect(answers.every((answer) => answer.ok)).toBe(true);
    expect(answers.filter((answer) => answer.agreement?.agrees)).toHaveLength(12);
    expect(
      answers
        .filter((answer) => !answer.agreement?.agrees)
        .map((answer) => [answer.ticket?.id, answer.agreement?.reason]),
    ).toEqual([
      ['2107280010003046', 'mid_change'],
      ['120031021000031', 'mid_change'],
      ['2107230010000002', 'mid_change'],
    ]);
  });

  test('one answer in full: the Austrian Premier ticket, clock from Microsoft’s startTime at 08:00 Vienna', async () => {
    const run = await runCli(['tickets', '--at', '2021-06-10T07:00:00Z'], ndjson([SNAPSHOTS[5]]));
    expect(lines(run.stdout)[0]).toEqual({
      id: SNAPSHOTS[5]?.id,
      ok: true,
      plan: 'premier',
      severity: 'C',
      targetMinutes: 240,
      responseLanguage: 'en',
      coverage: 'business-hours',
      timeZone: 'Europe/Vienna',
      clockStartsAt: '2021-06-10T08:00:00+02:00',
      deadline: '2021-06-10T12:00:00+02:00',
      alternative: null,
      status: {
        at: '2021-06-10T09:00:00+02:00',
        elapsedMinutes: 60,
        remainingMinutes: 180,
        fractionUsed: 0.25,
        running: true,
        resumesAt: null,
        breached: false,
      },
      warnings: [
        {
          code: 'business_hours_contact_only',
          message: 'Microsoft contacts the customer during business hours only.',
        },
      ],
      ticket: { id: '121060921003105', title: 'test case please close', status: 'Open' },
      microsoft: {
        deadline: '2021-06-10T12:00:00+02:00',
        slaMinutes: 240,
        startTime: '2021-06-10T08:00:00+02:00',
      },
      agreement: { differenceMinutes: 0, agrees: true, reason: null },
    });
  });

  test('bare properties answer the same, with a null id', async () => {
    const whole = lines((await runCli(['tickets', '--at', AT], ndjson(SNAPSHOTS))).stdout) as TicketAnswer[];
    const bare = lines(
      (await runCli(['tickets', '--at', AT], ndjson(SNAPSHOTS.map((s) => s.properties)))).stdout,
    ) as TicketAnswer[];
    expect(bare.map(({ id, ...rest }) => [id, rest])).toEqual(
      whole.map(({ id: _, ...rest }) => [null, rest]),
    );
  });

  test('bad lines get evaluate’s error lines; hostile ticket fields get coded errors; nothing stops the stream', async () => {
    const paths = [
      ['severity'],
      ['createdDate'],
      ['supportPlanType'],
      ['supportPlanDisplayName'],
      ['require24X7Response'],
      ['is24X7Response'],
      ['title'],
      ['status'],
      ['supportTicketId'],
      ['contactDetails'],
      ['contactDetails', 'country'],
      ['contactDetails', 'preferredTimeZone'],
      ['contactDetails', 'preferredSupportLanguage'],
      ['serviceLevelAgreement'],
      ['serviceLevelAgreement', 'startTime'],
      ['serviceLevelAgreement', 'expirationTime'],
      ['serviceLevelAgreement', 'slaMinutes'],
    ];
    const records: unknown[] = [];
    SNAPSHOTS.forEach((snapshot, index) => {
      for (const path of paths) {
        for (const hostile of HOSTILE_VALUES) {
          const ticket = structuredClone(snapshot);
          let node: Record<string, unknown> = ticket.properties;
          for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
          node[path.at(-1) as string] = hostile.value;
          if (index % 2) records.push({ ...ticket.properties, id: records.length });
          else records.push({ ...ticket, id: records.length });
        }
      }
    });
    const input = `${ndjson(records)}{"id": 1,\n[1]\nnull\n"ticket"\n${JSON.stringify({ id: 'properties', properties: 'x' })}\n`;
    const run = await runCli(['tickets', '--at', AT], input);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const answers = lines(run.stdout) as TicketAnswer[];
    expect(answers).toHaveLength(records.length + 5);
    const problems: string[] = [];
    answers.slice(0, records.length).forEach((answer, id) => {
      if (answer.id !== id) problems.push(`line ${id}: id ${JSON.stringify(answer.id)}`);
      if (!answer.ok && !ERROR_CODES.has(answer.error?.code ?? ''))
        problems.push(`line ${id}: ${answer.error?.code}`);
      if (answer.ok && !(answer.agreement && answer.microsoft && answer.ticket))
        problems.push(`line ${id}: no agreement`);
    });
    expect(problems).toEqual([]);
    expect(answers.slice(records.length).map((answer) => [answer.id, answer.error?.code])).toEqual([
      [null, 'invalid_json'],
      [null, 'invalid_json'],
      [null, 'invalid_json'],
      [null, 'invalid_json'],
      ['properties', 'invalid_field'],
    ]);
    expect(answers.filter((answer) => answer.ok).length).toBeGreaterThan(records.length / 4);
    expect(answers.filter((answer) => !answer.ok).length).toBeGreaterThan(records.length / 4);
  });

  test('--help in the reader’s language; a wrong flag or --at is a usage error', async () => {
    const english = await runCli(['tickets', '--help']);
    expect(english.code).toBe(0);
    expect(english.stdout).toContain('agreement   differenceMinutes');
    const german = await runCli(['tickets', '--help'], '', { LANG: 'de_DE.UTF-8' });
    expect(german.stdout).toContain('Liest Azure-Supportanfragen als NDJSON');
    const flag = await runCli(['tickets', '--plan', 'x']);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain('Unknown flag --plan.');
    const at = await runCli(['tickets', '--at', '1999-01-01T00:00:00Z']);
    expect(at.code).toBe(2);
    expect(at.stderr).toContain('outside the accepted range');
    // The same flag reading as deadline: a missing value and a value where none is taken are named.
    const empty = await runCli(['tickets', '--at']);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('--at needs a value, as in --at <value>.');
    const help = await runCli(['tickets', '--help=yes']);
    expect(help.code).toBe(2);
    expect(help.stderr).toContain('--help stands alone and takes no value.');
  });
});
