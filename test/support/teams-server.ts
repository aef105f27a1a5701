// The real server on a temporary SQLite file, with a clock the test moves and a Bot Connector stand-in.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { PLATFORMS } from '../../adapters/index.js';
import { type RunningServer, startServer } from '../../src/server.js';
import { type ConnectorStandIn, startConnector } from './teams-connector.js';

export interface TeamsHarness {
  readonly server: RunningServer;
  readonly connector: ConnectorStandIn;
  readonly clock: { now(): number; set(instant: number): void };
  close(): Promise<void>;
}

export async function startTeamsHarness(
  start: number,
  env: Record<string, string> = {},
): Promise<TeamsHarness> {
  const folder = mkdtempSync(join(tmpdir(), 'sla-teams-'));
  let now = start;
  const clock = {
    now: () => now,
    set: (instant: number) => {
      now = instant;
    },
  };
  const connector = await startConnector();
  const server = await startServer({
    env: {
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: `sqlite:${join(folder, 'sla.db')}`,
      // Teams is off unless configured: without credentials, the local Emulator mode.
      ...(env.MicrosoftAppId ? {} : { TEAMS_EMULATOR: '1' }),
      ...env,
    },
    clock,
    logger: pino({ level: 'silent' }),
    platforms: PLATFORMS,
    dispatch: 'manual',
  });
  return {
    server,
    connector,
    clock,
    async close() {
      await server.stop();
      await connector.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
