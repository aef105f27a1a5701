// Where the bot may send replies: the Bot Framework's own service URLs, never one a caller made up.
import { isLoopbackHost } from '../../src/http.js';

/**
 * Microsoft's hosts for the Bot Connector service (`activity.serviceUrl`): Teams in the public cloud
 * (`https://smba.trafficmanager.net/<region>/`), GCC, GCC High and DoD, and the Bot Framework's own
 * channels (`*.botframework.com`, e.g. Web Chat in the Azure portal).
 */
export const BOT_FRAMEWORK_HOSTS: readonly string[] = [
  'smba.trafficmanager.net',
  'smba.infra.gcc.teams.microsoft.com',
  'smba.infra.gov.teams.microsoft.us',
  'smba.infra.dod.teams.microsoft.us',
];
const BOT_FRAMEWORK_DOMAIN = '.botframework.com';

export type ServiceUrlRule = 'bot-framework' | 'loopback';

/**
 * `bot-framework`: HTTPS to one of Microsoft's hosts. `loopback`: this machine only, for the
 * Emulator and for a Bot Framework that is itself a local stand-in (BotOpenIdMetadata on loopback).
 */
export function allowedServiceUrl(value: unknown, rule: ServiceUrlRule): boolean {
  if (typeof value !== 'string' || value.length > 2048) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  if (rule === 'loopback')
    return (url.protocol === 'http:' || url.protocol === 'https:') && isLoopbackHost(url.hostname);
  const host = url.hostname.toLowerCase();
  return (
    url.protocol === 'https:' && (BOT_FRAMEWORK_HOSTS.includes(host) || host.endsWith(BOT_FRAMEWORK_DOMAIN))
  );
}
