// The watcher's own configuration: AZURE_WATCH and friends read once, every problem at once, each
// in words from locales/<lng>/azure.json; hostile values are refused without touching anything else.
import { describe, expect, test } from 'vitest';
import { DEFAULT_ENDPOINT, loadAzureConfig } from '../../../adapters/azure/config.js';
import { classify } from '../../../adapters/azure/problems.js';
import { INTERFACE_LANGUAGES, translator } from '../../../src/i18n/index.js';

const SUB = '6C2D2A5E-2C5B-4C1E-9F0E-3A1D4B5C6D7E';
const TEAMS_CHANNEL = '19:8a1b2c3d4e5f@thread.tacv2';

describe('loadAzureConfig', () => {
  test('defaults: off, nothing watched, any tenant from chat, a poll a minute, the public cloud', () => {
    expect(loadAzureConfig({})).toEqual({
      ok: true,
      config: {
        enabled: false,
        chatTenants: null,
        watches: [],
        pollMs: 60_000,
        endpoint: DEFAULT_ENDPOINT,
        ca: undefined,
        readsPerSecond: 4,
      },
    });
  });

  test('AZURE_TICKETS turns it on or off; AZURE_WATCH alone turns it on', () => {
    const on = (env: Record<string, string>) => {
      const result = loadAzureConfig(env);
      return result.ok ? result.config.enabled : result.problems;
    };
    expect(on({ AZURE_TICKETS: 'on' })).toBe(true);
    expect(on({ AZURE_TICKETS: ' TRUE ' })).toBe(true);
    expect(on({ AZURE_WATCH: `${SUB}=slack/T1/C1` })).toBe(true);
    expect(on({ AZURE_WATCH: `${SUB}=slack/T1/C1`, AZURE_TICKETS: 'off' })).toBe(false);
    for (const value of ['maybe', 'constructor', '__proto__', 'toString', 'x'.repeat(10_000)])
      expect(on({ AZURE_TICKETS: value })).toEqual([
        { key: 'switch', params: { value: value.toLowerCase().slice(0, 40) } },
      ]);
  });

  test('AZURE_CHAT_TENANTS: the workspaces and tenants that may connect subscriptions from chat', () => {
    const tenants = loadAzureConfig({
      AZURE_CHAT_TENANTS: 'T0123ABCD, 72f988bf-86f1-41af-91ab-2d7cd011db47',
    });
    expect(tenants.ok && [...(tenants.config.chatTenants ?? [])]).toEqual([
      'T0123ABCD',
      '72f988bf-86f1-41af-91ab-2d7cd011db47',
    ]);
    expect(loadAzureConfig({ AZURE_CHAT_TENANTS: 'T1,<script>' })).toEqual({
      ok: false,
      problems: [{ key: 'chatTenants', params: { value: '<script>' } }],
    });
  });

  test('reads Slack and Teams channels (Teams ids hold colons and @), subscription ids lower-cased', () => {
    const result = loadAzureConfig({
      AZURE_WATCH: `${SUB}=slack/T0123ABCD/C0456EFGH,\n 0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0=teams/72f988bf-86f1-41af-91ab-2d7cd011db47/${TEAMS_CHANNEL}`,
      AZURE_POLL_SECONDS: '120',
      AZURE_ARM_ENDPOINT: 'https://management.usgovcloudapi.net/',
      AZURE_READS_PER_SECOND: '10',
    });
    expect(result).toMatchObject({
      ok: true,
      config: {
        watches: [
          {
            subscriptionId: SUB.toLowerCase(),
            platform: 'slack',
            tenantId: 'T0123ABCD',
            channelId: 'C0456EFGH',
          },
          { platform: 'teams', tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47', channelId: TEAMS_CHANNEL },
        ],
        pollMs: 120_000,
        endpoint: 'https://management.usgovcloudapi.net',
        readsPerSecond: 10,
      },
    });
  });

  test('a CA file is read for the endpoint only, and must hold certificates', () => {
    const pem = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
    expect(loadAzureConfig({ AZURE_ARM_CA_FILE: '/ca.pem' }, () => pem)).toMatchObject({
      ok: true,
      config: { ca: pem },
    });
    expect(loadAzureConfig({ AZURE_ARM_CA_FILE: '/etc/passwd' }, () => 'root:x:0:0')).toEqual({
      ok: false,
      problems: [{ key: 'caFile', params: { value: '/etc/passwd' } }],
    });
    const missing = loadAzureConfig({ AZURE_ARM_CA_FILE: '/nope.pem' }, () => {
      throw new Error('ENOENT');
    });
    expect(missing).toMatchObject({ ok: false, problems: [{ key: 'caFile' }] });
  });

  test('every problem at once, each naming the value and what is accepted', () => {
    const result = loadAzureConfig({
      AZURE_WATCH: `not-a-watch ${SUB}=discord/T1/C1 1234=slack/T1/C1 ${SUB}=slack/T1/C1 ${SUB}=teams/T1/C2`,
      AZURE_POLL_SECONDS: '5',
      AZURE_READS_PER_SECOND: '1e9',
      AZURE_ARM_ENDPOINT: 'http://management.azure.com',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((problem) => problem.key)).toEqual([
      'watchEntry',
      'watchEntry',
      'subscriptionId',
      'duplicateWatch',
      'integer',
      'integer',
      'endpoint',
    ]);
    expect(result.problems[4]?.params).toEqual({
      name: 'AZURE_POLL_SECONDS',
      value: '5',
      min: 15,
      max: 3600,
      example: 60,
    });
  });

  test.each([
    ['a prototype key as the subscription', '__proto__=slack/T1/C1', 'subscriptionId'],
    ['constructor as the subscription', 'constructor=slack/T1/C1', 'subscriptionId'],
    ['a huge entry', `${SUB}=slack/T1/${'C'.repeat(100_000)}`, 'watchEntry'],
    ['a path in the channel', `${SUB}=slack/T1/C1/../../x`, 'watchEntry'],
  ])('refuses %s', (_, value, key) => {
    const result = loadAzureConfig({ AZURE_WATCH: value });
    expect(result).toMatchObject({ ok: false, problems: [{ key }] });
    if (!result.ok) expect(JSON.stringify(result.problems).length).toBeLessThan(1_000);
    expect(({} as Record<string, unknown>).slack).toBeUndefined();
  });

  test('refuses an endpoint with credentials or a query in it', () => {
    for (const endpoint of [
      'https://user:pw@management.azure.com',
      'https://management.azure.com?x=1',
      'not a url',
    ])
      expect(loadAzureConfig({ AZURE_ARM_ENDPOINT: endpoint })).toMatchObject({
        ok: false,
        problems: [{ key: 'endpoint' }],
      });
  });

  test('more entries than can be watched is one problem, not a thousand', () => {
    const many = Array.from({ length: 501 }, () => `${SUB}=slack/T1/C1`).join(' ');
    expect(loadAzureConfig({ AZURE_WATCH: many })).toEqual({
      ok: false,
      problems: [{ key: 'watchCount', params: { count: 501, max: 500 } }],
    });
  });
});

describe('the words, in every interface language', () => {
  const problems = [
    ...['credentials', 'credentialsRejected'].map((name) =>
      classify(
        Object.assign(new Error('x'), {
          name: name === 'credentials' ? 'CredentialUnavailableError' : 'AuthenticationError',
        }),
        SUB,
      ),
    ),
    classify({ statusCode: 401, code: 'InvalidAuthenticationToken' }, SUB),
    classify({ statusCode: 403, code: 'AuthorizationFailed' }, SUB),
    classify({ statusCode: 409, code: 'MissingSubscriptionRegistration' }, SUB),
    classify({ statusCode: 404, code: 'SubscriptionNotFound' }, SUB),
    classify({ statusCode: 502 }, SUB),
    classify(new TypeError('store gone'), SUB),
  ];

  test.each(INTERFACE_LANGUAGES)(
    '%s: every watcher problem is said with its subscription and nothing left open',
    (language) => {
      const t = translator(language);
      expect(problems.map((problem) => problem.health)).toEqual([
        'credentials',
        'credentialsRejected',
        'unauthorized',
        'forbidden',
        'notRegistered',
        'subscriptionNotFound',
        'unreachable',
        'failed',
      ]);
      for (const problem of problems) {
        const text = t(`azure:${problem.key}`, problem.params);
        expect(text).toContain(SUB);
        expect(text).not.toMatch(/\{\{|azure:problem/);
      }
      const config = loadAzureConfig({
        AZURE_WATCH: 'oops',
        AZURE_POLL_SECONDS: '1',
        AZURE_TICKETS: 'perhaps',
        AZURE_CHAT_TENANTS: 'a b/c',
      });
      if (config.ok) throw new Error('expected problems');
      for (const problem of config.problems)
        expect(t(`azure:config.problem.${problem.key}`, problem.params)).not.toMatch(/\{\{/);
    },
  );
});
