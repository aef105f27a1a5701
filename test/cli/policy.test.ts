// SLA_POLICY names an operator's policy file: checked by the same rules as the built-in one. A broken
// file stops `deadline` and `evaluate` with exit 2, naming each rule, where, and the value found.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { azurePolicy } from '../../src/sla/index.js';
import { lines, runCli } from './run.js';

const folder = mkdtempSync(join(tmpdir(), 'sla-policy-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function policyFile(name: string, change: (data: ReturnType<typeof azureData>) => void): string {
  const data = azureData();
  change(data);
  const path = join(folder, name);
  writeFileSync(path, JSON.stringify(data));
  return path;
}

function azureData() {
  return JSON.parse(JSON.stringify(azurePolicy));
}

const CASE = { id: 1, plan: 'premier', severity: 'C', country: 'DE', openedAt: '2026-03-30T07:30:00+02:00' };

describe('SLA_POLICY', () => {
  test('a broken file is a usage error naming each rule and value, for deadline and evaluate', async () => {
    const broken = policyFile('broken.json', (d) => {
      d.businessHours[0].timeZone = 'America/Los_Angles';
      d.businessHours[3].opens = '9:00';
    });
    for (const args of [
      ['deadline', '--plan', 'premier', '--severity', 'C', '--country', 'DE'],
      ['evaluate'],
    ]) {
      const run = await runCli(args, '', { SLA_POLICY: broken });
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain(`The policy file ${broken} (SLA_POLICY) is not valid:`);
      expect(run.stderr).toContain('businessHours[0].timeZone: rule zone_valid, found "America/Los_Angles"');
      expect(run.stderr).toContain('businessHours[3].opens: rule time_format, found "9:00"');
      expect(run.stderr).toContain('unset SLA_POLICY');
    }
  });

  test('a missing file and a file that is not JSON are named too', async () => {
    const notJson = join(folder, 'not.json');
    writeFileSync(notJson, '{ "id": ');
    const missing = await runCli(['evaluate'], '', { SLA_POLICY: join(folder, 'nowhere.json') });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('policy_unreadable');
    const garbled = await runCli(['evaluate'], '', { SLA_POLICY: notJson });
    expect(garbled.code).toBe(2);
    expect(garbled.stderr).toContain('policy_json');
  });

  test('an id without labels in every language is refused by the loader (label_every_locale)', async () => {
    const unlabelled = policyFile('unified.json', (d) =>
      d.plans.push({ id: 'unified', aliases: [], targets: { A: 60, B: 120, C: 240 } }),
    );
    const run = await runCli(['evaluate'], '', { SLA_POLICY: unlabelled });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('plans[5].id: rule label_every_locale');
  });

  test("a valid file is the policy the commands answer by, and says so in Dutch with the reader's locale", async () => {
    const early = policyFile('early.json', (d) => {
      d.businessHours.find((hours: { countries: unknown }) => hours.countries === '*').opens = '07:00';
    });
    const input = `${JSON.stringify({ ...CASE, at: CASE.openedAt })}\n`;
    const [own] = lines((await runCli(['evaluate'], input, { SLA_POLICY: early })).stdout) as Array<{
      status: { running: boolean };
      deadline: string;
    }>;
    const [builtIn] = lines((await runCli(['evaluate'], input)).stdout) as Array<{
      status: { running: boolean };
    }>;
    // Opened 07:30 Berlin: open under the file's 07:00 opening (240 min -> 11:30), closed under the built-in 09:00.
    expect(own?.status.running).toBe(true);
    expect(own?.deadline).toBe('2026-03-30T11:30:00+02:00');
    expect(builtIn?.status.running).toBe(false);
    const broken = policyFile('dutch.json', (d) => (d.fallbackLanguage = 'nl'));
    const dutch = await runCli(['evaluate'], '', { SLA_POLICY: broken, LANG: 'nl_NL.UTF-8' });
    expect(dutch.stderr).toContain('Het beleidsbestand');
    expect(dutch.stderr).toContain('fallbackLanguage: regel fallback_language, gevonden: "nl"');
  });
});
