import { describe, expect, test } from 'vitest';
import { runCli } from './run.js';

const german = [
  'deadline',
  '--plan',
  'premier',
  '--severity',
  'A',
  '--country',
  'DE',
  '--language',
  'de',
  '--opened',
  '2026-03-28T10:00:00+01:00',
  '--at',
  '2026-03-28T10:20:00+01:00',
];

describe('sla-bot deadline (for a person)', () => {
  test('shows the deadline, time left, language, clock, the alternative and warnings in English', async () => {
    const run = await runCli(german);
    expect(run.code).toBe(0);
    // Saturday: German business hours would start Monday; English 24x7 answers by 11:00 and wins.
    expect(run.stdout).toContain('Premier · Severity A (critical business impact) · DE (Europe/Berlin)');
    expect(run.stdout).toMatch(/Deadline\s+Sat, Mar 28, 2026, 11:00/);
    expect(run.stdout).toMatch(/Time left\s+40 minutes/);
    expect(run.stdout).toMatch(/Response in\s+English, 24x7/);
    expect(run.stdout).toMatch(/Other option\s+German, business hours: by Mon, Mar 30, 2026, 10:00/);
    expect(run.stdout).toMatch(/SLA clock\s+running, 20 minutes of 1 hour used/);
    expect(run.stdout).toContain('• Make sure Microsoft has correct contact details.');
  });

  test('speaks Dutch with --locale nl or LANG=nl_NL', async () => {
    const byFlag = await runCli([...german, '--locale', 'nl']);
    const byEnv = await runCli(german, '', { LANG: 'nl_NL.UTF-8' });
    expect(byFlag.stdout).toBe(byEnv.stdout);
    expect(byFlag.stdout).toMatch(/Deadline\s+za 28 mrt 2026, 11:00/);
    expect(byFlag.stdout).toMatch(/Reactie in\s+Engels, 24x7/);
    expect(byFlag.stdout).toContain('Zorg dat Microsoft over de juiste contactgegevens beschikt.');
    expect(byFlag.stdout).not.toMatch(/\{\{|cli:|common:/);
  });

  test('a breached case says by how much it is overdue', async () => {
    const run = await runCli([
      'deadline',
      '--plan',
      'standard',
      '--severity',
      'A',
      '--country',
      'NL',
      '--opened',
      '2026-03-27T10:00:00+01:00',
      '--at',
      '2026-03-27T12:30:00+01:00',
    ]);
    expect(run.stdout).toMatch(/Time left\s+none \(overdue by 1 hour 30 minutes\)/);
  });

  test('wrong flags get a clear error and exit 2', async () => {
    const unknown = await runCli(['deadline', '--plan', 'premier', '--sev', 'A']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown flag --sev.');
    expect(unknown.stderr).toContain('sla-bot deadline --help');

    const missing = await runCli(['deadline', '--plan', 'premier']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Missing --severity, --country.');

    const developerA = await runCli(['deadline', '--plan', 'dev', '--severity', 'A', '--country', 'NL']);
    expect(developerA.code).toBe(2);
    expect(developerA.stderr).toContain('the highest severity it allows is C');

    const both = await runCli([
      'deadline',
      '--plan',
      'premier',
      '--severity',
      'B',
      '--country',
      'NL',
      '--24x7',
      '--no-24x7',
    ]);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('not both');

    const badTime = await runCli([
      'deadline',
      '--plan',
      'premier',
      '--severity',
      'B',
      '--country',
      'NL',
      '--opened',
      'tomorrow',
    ]);
    expect(badTime.code).toBe(2);
    expect(badTime.stderr).toContain('ISO 8601 with an offset');
    expect(badTime.stdout).toBe('');
  });

  test('every command has --help, and an unknown command says which exist', async () => {
    for (const command of ['deadline', 'evaluate', 'tickets', 'serve']) {
      const run = await runCli([command, '--help']);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/Usage: sla-bot/);
    }
    const main = await runCli(['--help']);
    expect(main.stdout).toContain('sla-bot deadline');
    const unknown = await runCli(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Commands: deadline, evaluate, tickets, serve, help.');
  });

  test('an unknown command is answered in the --locale language, which is read before the command', async () => {
    const run = await runCli(['frob', '--locale', 'de']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Unbekannter Befehl „frob“');
  });

  test('the help of deadline lists every accepted --locale value in every language', async () => {
    const accepted = ['en', 'nl', 'de', 'fr', 'es', 'it', 'pt', 'ja', 'ko', 'zh-Hant'];
    const runs = await Promise.all(
      accepted.map((locale) => runCli(['deadline', '--help', '--locale', locale])),
    );
    runs.forEach((run, index) => {
      expect(run.code).toBe(0);
      const line = run.stdout.split('\n').find((text) => text.includes('--locale')) ?? '';
      expect(line, accepted[index]).toContain(accepted.join(', '));
    });
  });

  test('times are written with the locale’s own hour form, not forced to two digits', async () => {
    // Standard A runs 24x7 for an hour: opened 12:45 in New York, due 13:45 there.
    const args = [
      'deadline',
      '--plan',
      'std',
      '--severity',
      'A',
      '--country',
      'DE',
      '--tz',
      'America/New_York',
    ];
    const at = ['--opened', '2026-03-27T12:45:00-04:00', '--at', '2026-03-27T12:50:00-04:00'];
    const english = await runCli([...args, ...at, '--locale', 'en']);
    const korean = await runCli([...args, ...at, '--locale', 'ko']);
    expect(english.stdout).toMatch(/Deadline\s+Fri, Mar 27, 2026, 1:45\sPM/);
    expect(korean.stdout).toContain('오후 1:45');
  });
});
