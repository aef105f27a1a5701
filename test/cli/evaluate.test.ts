import { describe, expect, test } from 'vitest';
import { lines, runCli } from './run.js';

const ndjson = (...records: unknown[]) =>
  `${records.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n')}\n`;

describe('sla-bot evaluate (the NDJSON contract)', () => {
  test('answers one line per input line, in order, with the contract fields', async () => {
    const run = await runCli(
      ['evaluate'],
      ndjson(
        // Friday 10:00 Berlin, A in German: German business hours and English 24x7 both end at 11:00; the tie keeps German.
        {
          id: 1,
          plan: 'premier',
          severity: 'A',
          language: 'de',
          country: 'DE',
          openedAt: '2026-03-27T10:00:00+01:00',
          at: '2026-03-27T10:30:00+01:00',
        },
        // Friday 16:00 Amsterdam, C 480 min: 60 on Friday, 420 on Monday (after the switch to CEST) ending 16:00.
        {
          id: 'nl-c',
          plan: 'std',
          severity: 'c',
          country: 'NLD',
          openedAt: '2026-03-27T16:00:00+01:00',
          at: '2026-03-28T12:00:00+01:00',
        },
        // 15 minutes 24x7 across the spring-forward jump: 01:50 PST + 15 real minutes = 03:05 PDT.
        {
          id: 3,
          plan: 'arr',
          severity: 'A',
          country: 'US',
          openedAt: '2026-03-08T01:50:00-08:00',
          at: '2026-03-08T03:00:00-07:00',
        },
        // Saturday, B 24x7 asked in French: French business hours would end Monday 11:00, English 24x7 Saturday 12:00 wins.
        {
          id: 4,
          plan: 'premier',
          severity: 'B',
          language: 'fr',
          country: 'FR',
          commit24x7: true,
          openedAt: '2026-03-28T10:00:00+01:00',
          at: '2026-03-28T10:00:00+01:00',
        },
      ),
    );
    expect(run.code).toBe(0);
    const [german, dutch, spring, french] = lines(run.stdout) as Record<string, unknown>[];
    expect(german).toEqual({
      id: 1,
      ok: true,
      plan: 'premier',
      severity: 'A',
      targetMinutes: 60,
      responseLanguage: 'de',
      coverage: 'business-hours',
      timeZone: 'Europe/Berlin',
      deadline: '2026-03-27T11:00:00+01:00',
      alternative: { responseLanguage: 'en', coverage: '24x7', deadline: '2026-03-27T11:00:00+01:00' },
      status: {
        at: '2026-03-27T10:30:00+01:00',
        elapsedMinutes: 30,
        remainingMinutes: 30,
        fractionUsed: 0.5,
        running: true,
        resumesAt: null,
        breached: false,
      },
      warnings: [{ code: 'contact_details', message: 'Make sure Microsoft has correct contact details.' }],
    });
    expect(dutch).toMatchObject({
      id: 'nl-c',
      plan: 'standard',
      severity: 'C',
      timeZone: 'Europe/Amsterdam',
      deadline: '2026-03-30T16:00:00+02:00',
      alternative: null,
      status: {
        elapsedMinutes: 60,
        remainingMinutes: 420,
        running: false,
        resumesAt: '2026-03-30T09:00:00+02:00',
        breached: false,
      },
      warnings: [{ code: 'business_hours_contact_only' }],
    });
    expect(spring).toMatchObject({
      targetMinutes: 15,
      coverage: '24x7',
      timeZone: 'America/Los_Angeles',
      deadline: '2026-03-08T03:05:00-07:00',
      status: { elapsedMinutes: 10, remainingMinutes: 5, running: true },
    });
    expect(french).toMatchObject({
      responseLanguage: 'en',
      coverage: '24x7',
      deadline: '2026-03-28T12:00:00+01:00',
      alternative: {
        responseLanguage: 'fr',
        coverage: 'business-hours',
        deadline: '2026-03-30T11:00:00+02:00',
      },
    });
  });

  test('a malformed line gets an invalid_json line and the stream goes on', async () => {
    const good = {
      id: 'ok',
      plan: 'premier',
      severity: 'C',
      country: 'JP',
      openedAt: '2026-06-01T09:00:00+09:00',
    };
    const run = await runCli(['evaluate'], ndjson('{"id": 7, "plan":', '', '[1,2]', '"text"', good));
    expect(run.code).toBe(0);
    const answers = lines(run.stdout) as Array<{
      id: unknown;
      ok: boolean;
      error?: { code: string; message: string };
    }>;
    expect(answers).toHaveLength(5);
    expect(answers.slice(0, 4).map((a) => a.error?.code)).toEqual([
      'invalid_json',
      'invalid_json',
      'invalid_json',
      'invalid_json',
    ]);
    expect(answers[0]?.error?.message).toMatch(/^Line 1 is not a JSON object/);
    expect(answers[2]?.error?.message).toContain('an array');
    expect(answers[4]).toMatchObject({ id: 'ok', ok: true, deadline: '2026-06-01T13:00:00+09:00' });
  });

  test('errors carry the stable code and a message that says what is accepted', async () => {
    const base = { plan: 'premier', severity: 'A', country: 'NL', openedAt: '2026-03-27T10:00:00+01:00' };
    const run = await runCli(
      ['evaluate'],
      ndjson(
        { ...base, id: 'p', plan: 'gold' },
        { ...base, id: 'd', plan: 'developer' },
        { ...base, id: 'o', openedAt: '2026-03-27 10:00' },
        { ...base, id: 'z', timeZone: 'Mars/Olympus' },
        { ...base, id: 'a', at: 'yesterday' },
        { ...base, id: 'au', country: 'AU', severity: 'C' },
      ),
    );
    const byId = Object.fromEntries(
      (lines(run.stdout) as Array<{ id: string; error: { code: string; message: string } }>).map((a) => [
        a.id,
        a.error,
      ]),
    );
    expect(byId.p).toMatchObject({ code: 'unknown_plan' });
    expect(byId.p?.message).toContain('professional-direct');
    expect(byId.d).toMatchObject({ code: 'severity_not_available' });
    expect(byId.d?.message).toContain('highest severity it allows is C');
    expect(byId.o).toMatchObject({ code: 'invalid_opened_at' });
    expect(byId.o?.message).toContain('+01:00');
    expect(byId.z).toMatchObject({ code: 'invalid_time_zone' });
    expect(byId.a).toMatchObject({ code: 'invalid_at' });
    expect(byId.au).toMatchObject({ code: 'time_zone_required' });
    expect(byId.au?.message).toContain('Australia/Perth');
  });

  test('without `at` the status is for now', async () => {
    const before = Date.now();
    const run = await runCli(
      ['evaluate'],
      ndjson({
        id: 1,
        plan: 'premier',
        severity: 'A',
        country: 'GB',
        openedAt: new Date(before).toISOString(),
      }),
    );
    const after = Date.now();
    const [answer] = lines(run.stdout) as Array<{ status: { at: string } }>;
    const at = Date.parse(answer?.status.at ?? '');
    expect(at).toBeGreaterThanOrEqual(before - 1000);
    expect(at).toBeLessThanOrEqual(after);
  });

  test('large batches keep one answer per line, in order', async () => {
    const records = Array.from({ length: 3000 }, (_, i) => ({
      id: i,
      plan: 'standard',
      severity: 'B',
      country: 'DE',
      openedAt: new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString(),
    }));
    const run = await runCli(['evaluate'], ndjson(...records));
    const answers = lines(run.stdout) as Array<{ id: number; ok: boolean }>;
    expect(answers.map((a) => a.id)).toEqual(records.map((r) => r.id));
    expect(answers.every((a) => a.ok)).toBe(true);
  });

  test('the answers do not depend on the process time zone', async () => {
    const input = ndjson({
      id: 1,
      plan: 'premier',
      severity: 'B',
      language: 'ja',
      country: 'JP',
      openedAt: '2026-11-02T17:00:00+09:00',
      at: '2026-11-04T09:30:00+09:00',
    });
    const utc = await runCli(['evaluate'], input, { TZ: 'UTC' });
    const auckland = await runCli(['evaluate'], input, { TZ: 'Pacific/Auckland' });
    const honolulu = await runCli(['evaluate'], input, { TZ: 'Pacific/Honolulu' });
    expect(auckland.stdout).toBe(utc.stdout);
    expect(honolulu.stdout).toBe(utc.stdout);
    // Monday 17:00 Tokyo (after 17:30? no: 30 minutes left), 120 minutes: 30 on Monday, Tuesday 3 Nov is Culture Day, 90 on Wednesday.
    expect(lines(utc.stdout)[0]).toMatchObject({
      deadline: '2026-11-04T10:30:00+09:00',
      status: { elapsedMinutes: 60 },
    });
  });

  test('--help explains the input and exits 0', async () => {
    const run = await runCli(['evaluate', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('NDJSON');
  });
});

describe('sla-bot evaluate reads lines as NDJSON defines them', () => {
  const record = { plan: 'premier', severity: 'B', country: 'DE', openedAt: '2026-03-27T10:00:00+01:00' };

  test('LF and CRLF end a line; a lone CR does not; a BOM at the start of a line is dropped', async () => {
    const first = JSON.stringify({ id: 'crlf', ...record });
    // A CR between two fields is JSON whitespace: with the line kept whole it parses.
    const loneCr = JSON.stringify({ id: 'cr', ...record }).replace(',"plan"', ',\r"plan"');
    const bom = `\ufeff${JSON.stringify({ id: 'bom', ...record })}`;
    const run = await runCli(['evaluate'], `${first}\r\n${loneCr}\n${bom}\n${bom}`);
    expect(run.code).toBe(0);
    const answers = lines(run.stdout) as Array<{ id: string; ok: boolean }>;
    expect(answers.map((a) => [a.id, a.ok])).toEqual([
      ['crlf', true],
      ['cr', true],
      ['bom', true],
      ['bom', true],
    ]);
  });

  test('a line over 1 MiB is refused with its own code and the next line is answered', async () => {
    const long = JSON.stringify({ id: 'long', ...record, title: 'x'.repeat(1_048_576) });
    const run = await runCli(['evaluate'], `${long}\n${JSON.stringify({ id: 'next', ...record })}\n`);
    const [refused, next] = lines(run.stdout) as Array<{
      id: unknown;
      ok: boolean;
      error?: { code: string; message: string };
    }>;
    expect(refused).toMatchObject({ id: null, ok: false, error: { code: 'line_too_long' } });
    expect(refused?.error?.message).toContain('1048576');
    expect(next).toMatchObject({ id: 'next', ok: true });
  });

  test('the id is echoed only when it is a string of at most 256 characters or a number', async () => {
    const run = await runCli(
      ['evaluate'],
      ndjson(
        { id: 7, ...record },
        { id: 'x'.repeat(256), ...record },
        { id: 'x'.repeat(257), ...record },
        { id: { nested: true }, ...record },
        { id: [1], ...record },
        { id: true, ...record },
        record,
      ),
    );
    const answers = lines(run.stdout) as Array<{ id: unknown; ok: boolean; error?: { code: string } }>;
    expect(answers.map((a) => a.ok)).toEqual([true, true, false, false, false, false, true]);
    expect(answers.map((a) => a.error?.code ?? null)).toEqual([
      null,
      null,
      'invalid_id',
      'invalid_id',
      'invalid_id',
      'invalid_id',
      null,
    ]);
    expect(answers.map((a) => (typeof a.id === 'string' ? a.id.length : a.id))).toEqual([
      7,
      256,
      null,
      null,
      null,
      null,
      null,
    ]);
  });
});
