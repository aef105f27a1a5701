// The Bolt app: an HTTPReceiver whose request listener the shared server calls, or Socket Mode.
import type { RequestListener } from 'node:http';
import { App, type Authorize, HTTPReceiver, type Receiver, SocketModeReceiver } from '@slack/bolt';
import type { Logger } from 'pino';
import type { Store } from '../../src/store/store.js';
import { registerActionModal } from './action-modal.js';
import { registerCardActions } from './actions.js';
import { webClientOptions } from './clients.js';
import { registerCommand } from './command.js';
import type { SlackConfig } from './config.js';
import type { SlackDeps } from './deps.js';
import { registerHome } from './home.js';
import { installationStore } from './installations.js';
import { registerLifecycle } from './lifecycle.js';
import { boltLogger } from './logger.js';
import { registerRespondAt } from './respond-at.js';
import { BOT_SCOPES } from './scopes.js';
import { registerCaseSubmission } from './submit.js';

export const EVENTS_PATH = '/slack/events';
export const INSTALL_PATH = '/slack/install';
export const REDIRECT_PATH = '/slack/oauth_redirect';

export interface BoltParts {
  readonly app: App;
  /** HTTP mode: the listener for `/slack/…` requests. Socket Mode: undefined. */
  readonly listener: RequestListener | undefined;
  /** Socket Mode: the receiver whose connection `socket.ts` keeps up. */
  readonly socket: SocketModeReceiver | undefined;
}

export function buildBoltApp(slack: SlackConfig, store: Store, log: Logger, deps: SlackDeps): BoltParts {
  const logger = boltLogger(log);
  const clientOptions = {
    ...webClientOptions(slack),
    rejectRateLimitedCalls: false,
    retryConfig: { retries: 2 },
  };
  const oauth = Boolean(slack.clientId && slack.clientSecret && slack.stateSecret);
  const socketMode = Boolean(slack.appToken);
  let receiver: Receiver;
  let listener: RequestListener | undefined;
  let socket: SocketModeReceiver | undefined;
  if (socketMode) {
    socket = new SocketModeReceiver({
      appToken: slack.appToken as string,
      logger,
      // socket.ts reconnects with backoff; Bolt's own reconnect rejects unhandled when Slack is away.
      autoReconnectEnabled: false,
      installerOptions: { clientOptions: { ...webClientOptions(slack), retryConfig: { retries: 0 } } },
    });
    receiver = socket;
  } else {
    const http = new HTTPReceiver({
      signingSecret: slack.signingSecret as string,
      endpoints: [EVENTS_PATH],
      logger,
      ...(oauth && !slack.botToken
        ? {
            clientId: slack.clientId,
            clientSecret: slack.clientSecret,
            stateSecret: slack.stateSecret,
            scopes: [...BOT_SCOPES],
            installationStore: installationStore(store),
            installerOptions: {
              installPath: INSTALL_PATH,
              redirectUriPath: REDIRECT_PATH,
              directInstall: true,
              clientOptions,
            },
          }
        : {}),
    });
    receiver = http;
    listener = http.requestListener;
  }
  const usesInstaller = !socketMode && oauth && !slack.botToken;
  const app = new App({
    receiver,
    logger,
    clientOptions,
    // Bolt's conversation store keeps per-conversation state we never read: skip it on every request.
    convoStore: false,
    ...(usesInstaller ? {} : { authorize: singleWorkspace(slack.botToken ?? '') }),
  });
  registerCommand(app, deps);
  registerCaseSubmission(app, deps);
  registerCardActions(app, deps);
  registerRespondAt(app, deps);
  registerActionModal(app, deps);
  registerHome(app, deps);
  registerLifecycle(app, deps);
  app.error(async (error) => deps.log(error, 'slack listener failed'));
  return { app, listener, socket };
}

/** One workspace: the bot token as is, without an auth.test round trip on every start or request. */
function singleWorkspace(botToken: string): Authorize<boolean> {
  return async () => ({ botToken });
}
