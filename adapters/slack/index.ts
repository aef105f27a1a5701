// The Slack platform on the shared server: `/slack/…` routes, the thread Notifier, Socket Mode.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HTTPReceiverDeferredRequestError } from '@slack/bolt';
import { slackEnabled } from '../../src/config.js';
import type { ChatPlatform, PlatformContext } from '../../src/platform.js';
import { buildBoltApp } from './app.js';
import { slackClients } from './clients.js';
import type { SlackDeps } from './deps.js';
import { peopleDirectory } from './locale.js';
import { slackNotifier } from './notifier.js';

/** Null when Slack is not configured (no signing secret, or neither a bot token nor OAuth). */
export function createSlackPlatform(context: PlatformContext): ChatPlatform | null {
  const { config, logger } = context;
  if (!slackEnabled(config)) {
    return null; // the server says which variables turn it on
  }
  const deps: SlackDeps = {
    cases: context.cases,
    store: context.store,
    clock: context.clock,
    people: peopleDirectory(context.clock),
    log: (error, message) => logger.error({ err: error, platform: 'slack' }, message),
  };
  const { app, listener, socketMode } = buildBoltApp(context, deps);
  return {
    name: 'slack',
    notifier: slackNotifier(slackClients(config.slack, context.store)),
    handles: (pathname) => pathname.startsWith('/slack/'),
    async handle(request: IncomingMessage, response: ServerResponse) {
      const finished = new Promise<void>((resolve) => {
        response.once('finish', resolve);
        response.once('close', resolve);
      });
      try {
        if (listener) listener(request, response);
        else notFound(response);
      } catch (error) {
        // Bolt's receiver throws this for paths it does not serve (e.g. /slack/install without OAuth).
        if (!(error instanceof HTTPReceiverDeferredRequestError)) throw error;
        notFound(response);
      }
      await finished;
    },
    async start() {
      if (socketMode) await app.start();
    },
    async stop() {
      if (socketMode) await app.stop();
    },
  };
}

function notFound(response: ServerResponse): void {
  response.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'not_found' }));
}
