// The Azure watcher's settings, from environment variables read once at start. Credentials are not
// read here: `DefaultAzureCredential` finds them itself (managed identity; AZURE_TENANT_ID,
// AZURE_CLIENT_ID and AZURE_CLIENT_SECRET or a certificate; an Azure CLI login) and nothing logs them.
import { readFileSync } from 'node:fs';
import type { Platform } from '../../src/store/records.js';

export interface WatchSetting {
  readonly subscriptionId: string;
  readonly platform: Platform;
  readonly tenantId: string;
  readonly channelId: string;
}

export interface AzureConfig {
  /** AZURE_TICKETS (`on`/`off`); on by default when AZURE_WATCH names a subscription. */
  readonly enabled: boolean;
  /** AZURE_CHAT_TENANTS: the Slack workspaces and Teams tenants that may connect subscriptions from chat (null: any). */
  readonly chatTenants: ReadonlySet<string> | null;
  /** AZURE_WATCH: which subscription's tickets go to which channel. */
  readonly watches: readonly WatchSetting[];
  /** AZURE_POLL_SECONDS, default 60. */
  readonly pollMs: number;
  /** AZURE_ARM_ENDPOINT, default https://management.azure.com (sovereign clouds, a local stand-in). */
  readonly endpoint: string;
  /** AZURE_ARM_CA_FILE: extra CA certificates (PEM) trusted for the endpoint only. */
  readonly ca: string | undefined;
  /** AZURE_READS_PER_SECOND per subscription, default 4 (ARM refills 25 a second, 12,000 an hour). */
  readonly readsPerSecond: number;
}

/** One thing wrong; the words are in locales/<lng>/azure.json under `config.problem.<key>`. */
export interface AzureConfigProblem {
  readonly key: string;
  readonly params: Record<string, string | number>;
}

export type AzureConfigResult =
  | { readonly ok: true; readonly config: AzureConfig }
  | { readonly ok: false; readonly problems: AzureConfigProblem[] };

export const DEFAULT_ENDPOINT = 'https://management.azure.com';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** `<subscription id>=<slack|teams>/<team or tenant id>/<channel id>`; Teams channel ids hold `:` and `@`. */
const ENTRY = /^([^=/\s]+)=(slack|teams)\/([^/\s]{1,100})\/([^/\s]{1,300})$/i;
const WATCH_EXAMPLE = 'AZURE_WATCH=00000000-0000-0000-0000-000000000000=slack/T0123ABCD/C0456EFGH';
const MAX_ENTRIES = 500;
const SWITCH: Readonly<Record<string, boolean>> = {
  on: true,
  true: true,
  '1': true,
  yes: true,
  off: false,
  false: false,
  '0': false,
  no: false,
};
const TENANT = /^[\w.:@-]{1,100}$/;

export function loadAzureConfig(
  env: NodeJS.ProcessEnv,
  readText: (path: string) => string = (path) => readFileSync(path, 'utf8'),
): AzureConfigResult {
  const problems: AzureConfigProblem[] = [];
  const problem = (key: string, params: Record<string, string | number> = {}) =>
    problems.push({ key, params });
  const text = (name: string) => env[name]?.trim() || undefined;
  const integer = (name: string, fallback: number, min: number, max: number) => {
    const value = text(name);
    if (value === undefined) return fallback;
    const number = Number(value);
    if (!Number.isInteger(number) || number < min || number > max) {
      problem('integer', { name, value: value.slice(0, 40), min, max, example: fallback });
      return fallback;
    }
    return number;
  };

  const watches = readWatches(text('AZURE_WATCH') ?? '', problem);
  const switchValue = text('AZURE_TICKETS')?.toLowerCase();
  let enabled = watches.length > 0;
  if (switchValue !== undefined) {
    if (Object.hasOwn(SWITCH, switchValue)) enabled = SWITCH[switchValue] === true;
    else problem('switch', { value: switchValue.slice(0, 40) });
  }
  const chatTenants = readTenants(text('AZURE_CHAT_TENANTS'), problem);
  const pollSeconds = integer('AZURE_POLL_SECONDS', 60, 15, 3600);
  const readsPerSecond = integer('AZURE_READS_PER_SECOND', 4, 1, 25);
  const endpoint = (text('AZURE_ARM_ENDPOINT') ?? DEFAULT_ENDPOINT).replace(/\/+$/, '');
  if (!isHttpsOrigin(endpoint)) problem('endpoint', { value: endpoint.slice(0, 200) });
  const caFile = text('AZURE_ARM_CA_FILE');
  let ca: string | undefined;
  if (caFile) {
    try {
      ca = readText(caFile);
      if (!ca.includes('-----BEGIN CERTIFICATE-----')) throw new Error('not PEM');
    } catch {
      problem('caFile', { value: caFile.slice(0, 200) });
    }
  }
  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    config: {
      enabled,
      chatTenants,
      watches,
      pollMs: pollSeconds * 1000,
      endpoint,
      ca,
      readsPerSecond,
    },
  };
}

function readTenants(
  value: string | undefined,
  problem: (key: string, params?: Record<string, string | number>) => void,
): ReadonlySet<string> | null {
  if (value === undefined) return null;
  const tenants = value.split(/[\s,]+/).filter(Boolean);
  const wrong = tenants.find((tenant) => !TENANT.test(tenant));
  if (wrong !== undefined || tenants.length > MAX_ENTRIES) {
    problem('chatTenants', { value: (wrong ?? value).slice(0, 100) });
    return null;
  }
  return new Set(tenants);
}

function readWatches(
  value: string,
  problem: (key: string, params?: Record<string, string | number>) => void,
): WatchSetting[] {
  const entries = value.split(/[\s,]+/).filter(Boolean);
  if (entries.length > MAX_ENTRIES) {
    problem('watchCount', { count: entries.length, max: MAX_ENTRIES });
    return [];
  }
  const watches: WatchSetting[] = [];
  const seen = new Set<string>();
  for (const entry of entries) {
    const match = ENTRY.exec(entry);
    if (!match) {
      problem('watchEntry', { value: entry.slice(0, 200), example: WATCH_EXAMPLE });
      continue;
    }
    const [, subscriptionId = '', platform = '', tenantId = '', channelId = ''] = match;
    if (!GUID.test(subscriptionId)) {
      problem('subscriptionId', { value: subscriptionId.slice(0, 100) });
      continue;
    }
    const key = `${tenantId}:${subscriptionId.toLowerCase()}`;
    if (seen.has(key)) {
      problem('duplicateWatch', { subscription: subscriptionId, tenant: tenantId });
      continue;
    }
    seen.add(key);
    watches.push({
      subscriptionId: subscriptionId.toLowerCase(),
      platform: platform.toLowerCase() as Platform,
      tenantId,
      channelId,
    });
  }
  return watches;
}

function isHttpsOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && !url.username && !url.password && !url.search && !url.hash;
  } catch {
    return false;
  }
}
