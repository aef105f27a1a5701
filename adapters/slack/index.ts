// The Slack platform on the shared server: `/slack/…` routes, the thread Notifier, Socket Mode.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HTTPReceiverDeferredRequestError } from '@slack/bolt';
import { refuse } from '../../src/http.js';
import { translator } from '../../src/i18n/index.js';
import type { Platform, PlatformContext, PlatformModule, PlatformSetup } from '../../src/platform.js';
import { refusalLog } from '../../src/refusals.js';
import { buildBoltApp, EVENTS_PATH } from './app.js';
import { slackClients } from './clients.js';
import { readSlackConfig, type SlackConfig } from './config.js';
import type { SlackDeps } from './deps.js';
import { peopleDirectory } from './locale.js';
import { slackNotifier } from './notifier.js';
import { socketLink } from './socket.js';
import { checkSlackRequest } from './verify.js';

export const slack: PlatformModule = {
  name: 'slack',
  configure(env): PlatformSetup {
    const settings = readSlackConfig(env);
    if (settings.state === 'off') return { state: 'off', note: { level: 'info', key: 'slack:log.off' } };
    if (settings.state === 'invalid') return settings;
    const { config } = settings;
    return {
      state: 'on',
      note: { level: 'info', key: config.appToken ? 'slack:log.socketMode' : 'slack:log.http' },
      create: (context) => createSlackPlatform(config, context),
    };
  },
};

export function createSlackPlatform(config: SlackConfig, context: PlatformContext): Platform {
  const logger = context.logger.child({ platform: 'slack' });
  const t = translator('en');
  const deps: SlackDeps = {
    cases: context.cases,
    store: context.store,
    clock: context.clock,
    policy: context.policy,
    people: peopleDirectory(context.clock),
    log: (error, message) => logger.error({ err: error }, message),
    azure: () => context.platform('azure'),
  };
  const { listener, socket } = buildBoltApp(config, context.store, context.logger, deps);
  const logRefusal = refusalLog(logger);
  const link = socket
    ? socketLink(socket, {
        onFailure: (reason, delayMs) =>
          logger.warn(
            { reason, retryInMs: delayMs },
            t('slack:log.socketDown', { reason, seconds: Math.ceil(delayMs / 1000) }),
          ),
        onConnected: () => logger.info(t('slack:log.socketUp')),
      })
    : undefined;

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const finished = new Promise<void>((resolve) => {
      response.once('finish', resolve);
      response.once('close', resolve);
    });
    const pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (!listener) return refuse(response, 404, 'not_found');
    if (pathname === EVENTS_PATH) {
      const checked = await checkSlackRequest(request, config.signingSecret ?? '', Date.now());
      if (checked.ok === 'ssl_check') return refuse(response, 200, 'ok');
      if (!checked.ok) {
        logRefusal({
          reason: checked.reason,
          status: checked.status,
          message: t('slack:log.refused', { reason: checked.reason }),
          fields: { remote: request.socket.remoteAddress },
        });
        return refuse(response, checked.status, checked.error);
      }
      // Bolt reads a request whose body is already buffered as is (its BufferedIncomingMessage).
      Object.assign(request, { rawBody: checked.body });
    }
    try {
      listener(request, response);
    } catch (error) {
      // Bolt's receiver throws this for paths it does not serve (e.g. /slack/install without OAuth).
      if (!(error instanceof HTTPReceiverDeferredRequestError)) throw error;
      refuse(response, 404, 'not_found');
    }
    await finished;
  }

  return {
    name: 'slack',
    notifier: slackNotifier(slackClients(config, context.store), context.policy),
    routes: { handles: (pathname) => pathname.startsWith('/slack/'), handle },
    async start() {
      link?.start();
    },
    async stop() {
      await link?.stop();
    },
    readiness: () => link?.readiness() ?? { ready: true, state: 'ready' },
  };
}
