// The real server with the Azure watcher on, reading the HTTPS stand-in of Azure Resource Manager
// through the real SDK (a test credential, the stand-in's CA trusted through AZURE_ARM_CA_FILE),
// posting through the Slack Web API stand-in and the Bot Connector stand-in, on a temporary SQLite
// file with the dispatcher running on the real clock: what a deployment does.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TokenCredential } from '@azure/core-auth';
import pino from 'pino';
import { type AzurePlatform, azureModule } from '../../../adapters/azure/platform.js';
import { openKey } from '../../../adapters/azure/ports.js';
import { slack } from '../../../adapters/slack/index.js';
import { teams } from '../../../adapters/teams/index.js';
import type { ListedCase } from '../../../src/cases/types.js';
import { type RunningServer, startServer } from '../../../src/server.js';
import { TestCredential } from '../../support/arm-credential.js';
import { type ArmStandIn, startArmStandIn } from '../../support/arm-stand-in.js';
import { FORM, SIGNING_SECRET, sendSigned, slashCommandBody } from '../../support/slack-requests.js';
import { type SlackStandIn, startSlackStandIn } from '../../support/slack-stand-in.js';
import { type ConnectorStandIn, startConnector } from '../../support/teams-connector.js';

/** The Slack workspace of the stand-in's slash commands. */
export const TEAM = 'T1';

export interface AzureHarness {
  readonly server: RunningServer;
  readonly arm: ArmStandIn;
  readonly slack: SlackStandIn;
  readonly connector: ConnectorStandIn;
  readonly credential: TestCredential;
  /** The running watcher, polled by the tests (its own loop waits an hour between polls). */
  readonly azure: AzurePlatform | undefined;
  /** `/sla <text>` in `channel`; resolves with the text of the answer posted to the response URL. */
  command(text: string, channel: string): Promise<string>;
  /** One poll of every watched subscription, as the watcher's loop would run it. */
  poll(): Promise<void>;
  /** The case opened from a ticket of `subscription`, or null. */
  caseOf(tenantId: string, subscription: string, ticket: string): Promise<ListedCase | null>;
  readyz(): Promise<{ status: number; body: Record<string, unknown> }>;
  close(): Promise<void>;
}

export interface AzureHarnessOptions {
  /** The server's Azure credential (default: a token the stand-in accepts for what the test grants). */
  readonly credential?: TestCredential;
  /** AZURE_* and other variables on top of the defaults; `null` removes one. */
  readonly env?: Record<string, string | null>;
  readonly armLatencyMs?: [number, number];
  /** Collects the server's log lines (JSON) here instead of discarding them. */
  readonly log?: string[];
  /** Stand-ins shared with other servers (replicas): used as they are, and left running on close. */
  readonly shared?: { arm: ArmStandIn; slack: SlackStandIn; connector: ConnectorStandIn };
}

export async function startAzureHarness(options: AzureHarnessOptions = {}): Promise<AzureHarness> {
  const { shared } = options;
  const arm = shared?.arm ?? (await startArmStandIn({ latencyMs: options.armLatencyMs ?? [80, 400] }));
  const slackApi = shared?.slack ?? (await startSlackStandIn());
  const connector = shared?.connector ?? (await startConnector());
  const dir = mkdtempSync(join(tmpdir(), 'sla-azure-'));
  const caFile = join(dir, 'arm-ca.pem');
  writeFileSync(caFile, arm.ca);
  const credential = options.credential ?? new TestCredential('good-token');
  const env: Record<string, string> = {
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: `sqlite:${join(dir, 'sla.db')}`,
    LOG_LEVEL: 'silent',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: 'xoxb-test',
    SLACK_API_URL: slackApi.apiUrl,
    DISPATCH_POLL_MS: '100',
    TEAMS_EMULATOR: '1',
    AZURE_TICKETS: 'on',
    AZURE_ARM_ENDPOINT: arm.endpoint,
    AZURE_ARM_CA_FILE: caFile,
    // The tests poll themselves; the loop's own first poll runs at start, the next an hour later.
    AZURE_POLL_SECONDS: '3600',
    AZURE_READS_PER_SECOND: '25',
  };
  for (const [name, value] of Object.entries(options.env ?? {})) {
    if (value === null) delete env[name];
    else env[name] = value;
  }
  const module = azureModule({ credential: () => credential as TokenCredential });
  const server = await startServer({
    platforms: [slack, teams, module],
    env,
    logger: options.log
      ? pino({ level: 'info' }, { write: (line: string) => void options.log?.push(line) })
      : pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
  });
  const azure = server.platforms.find((platform) => platform.name === 'azure') as AzurePlatform | undefined;
  return {
    server,
    arm,
    slack: slackApi,
    connector,
    credential,
    azure,
    async command(text, channel) {
      const before = slackApi.callsTo('response_url').length;
      const body = slashCommandBody({ text, channel, responseUrl: slackApi.responseUrl });
      const response = await sendSigned(`${server.url}/slack/events`, body, FORM);
      if (response.status !== 200) throw new Error(`/sla ${text}: HTTP ${response.status}`);
      const answers = await slackApi.waitFor('response_url', before + 1, 30_000);
      return String(answers[before]?.body.text ?? '');
    },
    async poll() {
      if (!azure) throw new Error('the Azure platform is off');
      await azure.watcher.pollOnce();
    },
    caseOf(tenantId, subscription, ticket) {
      const resourceId = `/subscriptions/${subscription}/providers/microsoft.support/supporttickets/${ticket}`;
      return server.cases.findByKey(tenantId, openKey(tenantId, resourceId));
    },
    async readyz() {
      const response = await fetch(`${server.url}/readyz`);
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    },
    async close() {
      await server.stop();
      if (!shared) await Promise.all([arm.close(), slackApi.close(), connector.close()]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export { eventually } from '../../support/eventually.js';
