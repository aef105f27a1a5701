// The real server as the Slack benchmarks run it: Slack on (signing secret, bot token, a Web API
// stand-in), SQLite in a temporary folder, logs off. `stop()` stops it and removes the folder.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

export async function startBenchServer({ signingSecret, slackApiUrl, dispatch }) {
  const dir = mkdtempSync(join(tmpdir(), 'sla-bench-'));
  const { startServer } = await import(pathToFileURL(join(root, 'dist/src/server.js')).href);
  const { PLATFORMS } = await import(pathToFileURL(join(root, 'dist/adapters/index.js')).href);
  const server = await startServer({
    platforms: PLATFORMS,
    env: {
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: `sqlite:${join(dir, 'bench.db')}`,
      LOG_LEVEL: 'silent',
      SLACK_SIGNING_SECRET: signingSecret,
      SLACK_BOT_TOKEN: 'xoxb-bench',
      SLACK_API_URL: slackApiUrl,
    },
    ...(dispatch ? { dispatch } : {}),
  });
  return {
    url: server.url,
    async stop() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
