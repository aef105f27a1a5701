import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { EVENTS_PATH, REDIRECT_PATH } from '../../../adapters/slack/app.js';
import { SLASH_COMMAND } from '../../../adapters/slack/command.js';
import { BOT_SCOPES, METHOD_SCOPES } from '../../../adapters/slack/scopes.js';

interface Manifest {
  display_information: { name: string; description?: string; long_description?: string };
  features: {
    app_home: { home_tab_enabled: boolean; messages_tab_enabled?: boolean };
    bot_user: { display_name: string; always_online?: boolean };
    slash_commands: Array<{ command: string; url: string; description: string; usage_hint?: string }>;
  };
  oauth_config: { redirect_urls?: string[]; scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { request_url: string; bot_events: string[] };
    interactivity: { is_enabled: boolean; request_url: string };
    socket_mode_enabled?: boolean;
  };
}

const root = join(import.meta.dirname, '../../..');
const manifest = parse(readFileSync(join(root, 'manifest/slack/manifest.yaml'), 'utf8')) as Manifest;
const source = readdirSync(join(root, 'adapters/slack'))
  .filter((name) => name.endsWith('.ts'))
  .map((name) => readFileSync(join(root, 'adapters/slack', name), 'utf8'))
  .join('\n');

/** Every Web API method the adapter calls (`client.chat.postMessage(`, `client.views.open(` …). */
function calledMethods(): string[] {
  const methods = new Set<string>();
  for (const match of source.matchAll(/\bclient\.(\w+)\.(\w+)\(/g)) methods.add(`${match[1]}.${match[2]}`);
  return [...methods].sort();
}

describe('the Slack app manifest', () => {
  it("names the app and its bot user within Slack's lengths", () => {
    expect(manifest.display_information.name).toBeTruthy();
    expect(manifest.display_information.name.length).toBeLessThanOrEqual(35);
    expect(manifest.features.bot_user.display_name).toBeTruthy();
    expect(manifest.features.bot_user.display_name.length).toBeLessThanOrEqual(80);
    expect((manifest.display_information.description ?? '').length).toBeLessThanOrEqual(140);
    const long = manifest.display_information.long_description ?? '';
    expect(long.length === 0 || (long.length >= 175 && long.length <= 4000)).toBe(true);
  });

  it('declares /sla with its URL, description and usage hint', () => {
    const command = manifest.features.slash_commands.find((candidate) => candidate.command === SLASH_COMMAND);
    expect(command).toBeDefined();
    expect(new URL(command?.url ?? '').pathname).toBe(EVENTS_PATH);
    expect(command?.url.startsWith('https://')).toBe(true);
    expect(command?.description.length).toBeGreaterThan(0);
    expect(command?.description.length).toBeLessThanOrEqual(100);
    expect((command?.usage_hint ?? '').length).toBeLessThanOrEqual(100);
  });

  it('asks for a bot scope for every Web API method the code calls, and no more', () => {
    const methods = calledMethods();
    expect(methods.length).toBeGreaterThan(0);
    const unknown = methods.filter((method) => !(method in METHOD_SCOPES));
    expect(unknown, 'add these methods and their scopes to adapters/slack/scopes.ts').toEqual([]);
    const needed = new Set(['commands', ...methods.flatMap((method) => METHOD_SCOPES[method] ?? [])]);
    const declared = manifest.oauth_config.scopes.bot;
    expect([...needed].filter((scope) => !declared.includes(scope))).toEqual([]);
    expect([...declared].sort()).toEqual([...BOT_SCOPES].sort());
    expect([...needed].sort()).toEqual([...BOT_SCOPES].sort());
  });

  it('turns interactivity on at the events URL', () => {
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(new URL(manifest.settings.interactivity.request_url).pathname).toBe(EVENTS_PATH);
  });

  it('subscribes to every event the code listens to, and enables App Home', () => {
    const listened = [...source.matchAll(/app\.event\('(\w+)'/g)].map((match) => match[1]);
    expect(listened).toContain('app_home_opened');
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual(
      [...new Set(listened)].sort(),
    );
    expect(new URL(manifest.settings.event_subscriptions.request_url).pathname).toBe(EVENTS_PATH);
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
  });

  it('has the OAuth redirect URL the server serves', () => {
    expect(manifest.oauth_config.redirect_urls?.map((url) => new URL(url).pathname)).toContain(REDIRECT_PATH);
  });
});
