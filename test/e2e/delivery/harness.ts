// The real server on a temporary SQLite file, with the real clock and the dispatcher running, Slack
// pointed at the Web API stand-in and Teams at the Bot Connector stand-in (through each activity's
// serviceUrl): what a deployment does, at the latency the stand-ins are given.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { PLATFORMS } from '../../../adapters/index.js';
import { type RunningServer, startServer } from '../../../src/server.js';
import type { ReminderRow } from '../../../src/store/records.js';
import { decodeJsonText, toReminder } from '../../../src/store/rows.js';
import { type RawSql, sqliteRaw } from '../../store/raw-sql.js';
import {
  FORM,
  JSON_TYPE,
  payloadBody,
  SIGNING_SECRET,
  sendSigned,
  slashCommandBody,
  viewSubmission,
} from '../../support/slack-requests.js';
import { type SlackStandIn, startSlackStandIn } from '../../support/slack-stand-in.js';
import { type ConnectorStandIn, startConnector } from '../../support/teams-connector.js';
import { type CaseFields, caseValues } from '../slack/case-values.js';

export interface DeliveryHarness {
  readonly server: RunningServer;
  readonly slack: SlackStandIn;
  readonly connector: ConnectorStandIn;
  readonly sql: RawSql;
  /** Submits the Slack case modal in `channel` as U1. */
  submitCase(fields: CaseFields, channel: string): Promise<number>;
  /** `/sla <text>` in `channel` as U1; the answer goes to the stand-in's response_url. */
  command(text: string, channel: string): Promise<number>;
  /** A signed Events API envelope. */
  event(body: unknown): Promise<number>;
  /** Every reminder row of the database. */
  reminders(): Promise<ReminderRow[]>;
  close(): Promise<void>;
}

let views = 0;

export async function startDeliveryHarness(env: Record<string, string> = {}): Promise<DeliveryHarness> {
  const slack = await startSlackStandIn();
  const connector = await startConnector();
  const dir = mkdtempSync(join(tmpdir(), 'sla-delivery-'));
  const path = join(dir, 'sla.db');
  const server = await startServer({
    platforms: PLATFORMS,
    env: {
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: `sqlite:${path}`,
      LOG_LEVEL: 'silent',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_API_URL: slack.apiUrl,
      DISPATCH_POLL_MS: '100',
      // Teams answers the local stand-in of the connector, unauthenticated (loopback only).
      TEAMS_EMULATOR: '1',
      ...env,
    },
    logger: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
  });
  const sql = sqliteRaw(path);
  return {
    server,
    slack,
    connector,
    sql,
    async submitCase(fields, channel) {
      const view = {
        id: `VDELIVERY${++views}`,
        callback_id: 'sla_case',
        private_metadata: JSON.stringify({ channel, language: 'en' }),
        values: caseValues(fields),
      };
      const response = await sendSigned(
        `${server.url}/slack/events`,
        payloadBody(viewSubmission(view, 'U1')),
        FORM,
      );
      return response.status;
    },
    async command(text, channel) {
      const body = slashCommandBody({ text, channel, responseUrl: slack.responseUrl });
      return (await sendSigned(`${server.url}/slack/events`, body, FORM)).status;
    },
    async event(body) {
      return (await sendSigned(`${server.url}/slack/events`, JSON.stringify(body), JSON_TYPE)).status;
    },
    async reminders() {
      return (await sql('SELECT * FROM reminders ORDER BY due_at, id')).map((row) =>
        toReminder(row, decodeJsonText),
      );
    },
    async close() {
      await server.stop();
      await slack.close();
      await connector.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export { eventually } from '../../support/eventually.js';
