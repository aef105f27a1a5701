import { describe, expect, it } from 'vitest';
import {
  parseCheck as parseCheckWith,
  parseSlaCommand as parseWith,
  planNames,
} from '../../../adapters/slack/commands.js';
import { azurePolicy } from '../../../src/sla/index.js';

// The adapter takes the plan names from the policy it runs; the tests run the built-in one.
const PLANS = planNames(azurePolicy);
const parseSlaCommand = (text: string) => parseWith(text, PLANS);
const parseCheck = (words: readonly string[]) => parseCheckWith(words, PLANS);

const check = (text: string) => {
  const parsed = parseSlaCommand(text);
  if (parsed.kind !== 'check') throw new Error(`not a check: ${parsed.kind}`);
  return parsed;
};

describe('parseSlaCommand', () => {
  it('no text opens the modal', () => {
    expect(parseSlaCommand('')).toEqual({ kind: 'modal' });
    expect(parseSlaCommand('   ')).toEqual({ kind: 'modal' });
  });

  it('list and help, in any case', () => {
    expect(parseSlaCommand('LIST')).toEqual({ kind: 'list' });
    expect(parseSlaCommand('help')).toEqual({ kind: 'help' });
    expect(parseSlaCommand('?')).toEqual({ kind: 'help' });
  });

  it('watch and track (Azure tickets), in any case, with what follows as typed', () => {
    const sub = '6C2D2A5E-2C5B-4C1E-9F0E-3A1D4B5C6D7E';
    expect(parseSlaCommand(`Watch ${sub}`)).toEqual({ kind: 'azure', action: 'watch', argument: sub });
    expect(parseSlaCommand('track  2603020010000001 ')).toEqual({
      kind: 'azure',
      action: 'track',
      argument: '2603020010000001',
    });
    expect(parseSlaCommand('track')).toEqual({ kind: 'azure', action: 'track', argument: '' });
    expect(parseSlaCommand('watchout')).toEqual({ kind: 'unknown', text: 'watchout' });
  });

  it('anything else is not understood, with the text kept', () => {
    expect(parseSlaCommand('frobnicate now')).toEqual({ kind: 'unknown', text: 'frobnicate now' });
    expect(parseSlaCommand('list everything')).toEqual({ kind: 'unknown', text: 'list everything' });
  });
});

describe('/sla check arguments', () => {
  it("reads the issue's example: premier A de DE", () => {
    expect(check('check premier A de DE')).toEqual({
      kind: 'check',
      args: { plan: 'premier', severity: 'A', language: 'de', country: 'DE' },
      unknown: [],
    });
  });

  it('takes the words in any order', () => {
    const orders = ['check DE de A premier', 'check A premier DE de', 'check de premier DE a'];
    for (const text of orders)
      expect(check(text).args).toEqual({ plan: 'premier', severity: 'A', language: 'de', country: 'DE' });
  });

  it('reads plan aliases, zones, 24x7 and subdivisions', () => {
    expect(check('check prodirect b US-CA America/Los_Angeles 24x7').args).toEqual({
      plan: 'prodirect',
      severity: 'B',
      country: 'US',
      subdivision: 'CA',
      timeZone: 'America/Los_Angeles',
      commit24x7: true,
    });
    expect(check('check std sev-c nl no-24x7').args).toEqual({
      plan: 'std',
      severity: 'C',
      country: 'NL',
      commit24x7: false,
    });
    expect(check('check Rapid-Response A JP ja').args).toEqual({
      plan: 'rapid-response',
      severity: 'A',
      country: 'JP',
      language: 'ja',
    });
  });

  it('one bare code is the country; two of the same case are language then country', () => {
    expect(check('check premier A nl').args.country).toBe('NL');
    expect(check('check premier A fr be').args).toMatchObject({ language: 'fr', country: 'BE' });
    expect(check('check premier A FR BE').args).toMatchObject({ language: 'fr', country: 'BE' });
  });

  it('reads language tags with a region and three-letter countries', () => {
    expect(check('check premier A pt-BR BRA').args).toMatchObject({ language: 'pt-BR', country: 'BRA' });
  });

  it('key=value works for anything', () => {
    expect(check('check plan=premier sev=A lang=zh-TW country=TW tz=Asia/Taipei').args).toEqual({
      plan: 'premier',
      severity: 'A',
      language: 'zh-TW',
      country: 'TW',
      timeZone: 'Asia/Taipei',
    });
  });

  it('leaves missing values for the SLA core to ask about', () => {
    expect(check('check').args).toEqual({});
    expect(check('check premier').args).toEqual({ plan: 'premier' });
  });

  it('reports what it did not understand', () => {
    expect(parseCheck(['premier', 'A', 'NL', 'banana', '!!', 'de', 'fr']).unknown).toEqual([
      'banana',
      '!!',
      'fr',
    ]);
  });
});
