// The Teams platform on the shared server: POST /api/messages and the thread Notifier.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Activity } from 'botbuilder';
import { isLoopbackAddress, refuse } from '../../src/http.js';
import { translator } from '../../src/i18n/index.js';
import type { Platform, PlatformContext, PlatformModule, PlatformSetup } from '../../src/platform.js';
import { refusalLog } from '../../src/refusals.js';
import { type Notifier, NotifierError } from '../../src/reminders/notifier.js';
import type { CaseRecord } from '../../src/store/records.js';
import { createAdapter, type TeamsAdapter } from './adapter.js';
import { createBot, type TurnLogic } from './bot.js';
import { readCardPlace } from './card-place.js';
import { readTeamsConfig, type TeamsConfig } from './config.js';
import { readConversation } from './conversation.js';
import { readActivity, writeInvokeResponse } from './http.js';
import { createTeamsNotifier } from './notifier.js';
import { allowedServiceUrl, type ServiceUrlRule } from './service-url.js';
import {
  checkClaims,
  KeysUnavailable,
  readToken,
  SigningKeys,
  TokenRefused,
  verifySignature,
} from './token.js';

export const TEAMS_PATH = '/api/messages';
/** The Bot Framework retries a 503; Retry-After says when the keys are worth asking for again. */
const HEADERS: Readonly<Record<number, Record<string, string>>> = {
  405: { allow: 'POST' },
  503: { 'retry-after': '10' },
};

export const teams: PlatformModule = {
  name: 'teams',
  configure(env): PlatformSetup {
    const settings = readTeamsConfig(env);
    if (settings.state === 'off') return { state: 'off', note: { level: 'info', key: 'teams:log.off' } };
    if (settings.state === 'invalid') return settings;
    const { config } = settings;
    return {
      state: 'on',
      note:
        config.mode === 'emulator'
          ? { level: 'warn', key: 'teams:log.emulator' }
          : {
              level: 'info',
              key: 'teams:log.authOn',
              params: { appId: config.appId, appType: config.appType },
            },
      create: (context) => createTeamsPlatform(config, context),
    };
  },
};

/** A refusal: its status, the code the caller sees, and the reason in the log. */
class Refused extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly reason = error,
  ) {
    super(reason);
  }
}

export function createTeamsPlatform(config: TeamsConfig, context: PlatformContext): Platform {
  const { cases, clock, logger, store, policy } = context;
  const adapter = createAdapter(config, logger);
  const bot = createBot({ cases, store, clock, policy, logger, azure: () => context.platform('azure') });
  const t = translator('en');
  const logRefusal = refusalLog(logger.child({ platform: 'teams' }));
  const rule = serviceUrlRule(config);
  const accept = config.mode === 'emulator' ? emulatorCaller() : tokenCaller(config, rule);

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    try {
      if (request.method !== 'POST') throw new Refused(405, 'method_not_allowed');
      await accept(request, response, adapter, bot);
    } catch (error) {
      if (!(error instanceof Refused)) throw error;
      logRefusal({
        reason: error.reason,
        status: error.status,
        message: t('teams:log.refused', { reason: error.reason }),
        fields: { remote: request.socket.remoteAddress },
      });
      refuse(response, error.status, error.error, HEADERS[error.status] ?? {});
    }
  }

  return {
    name: 'teams',
    notifier: guarded(
      createTeamsNotifier(adapter, config.mode === 'authenticated' ? config.appId : undefined, policy),
      rule,
    ),
    routes: { handles: (pathname) => pathname === TEAMS_PATH, handle },
  };
}

type Caller = (
  request: IncomingMessage,
  response: ServerResponse,
  adapter: TeamsAdapter,
  bot: TurnLogic,
) => Promise<void>;

async function activityOf(request: IncomingMessage): Promise<Activity> {
  const read = await readActivity(request);
  if (!read.ok) throw new Refused(read.status, read.error);
  return read.activity;
}

/** The Emulator on this machine: no token, but only loopback callers, and replies only to loopback. */
function emulatorCaller(): Caller {
  return async (request, response, adapter, bot) => {
    if (!isLoopbackAddress(request.socket.remoteAddress)) throw new Refused(403, 'emulator_loopback_only');
    const activity = await activityOf(request);
    if (!allowedServiceUrl(activity.serviceUrl, 'loopback'))
      throw new Refused(403, 'service_url_not_allowed');
    writeInvokeResponse(response, await adapter.run(activity, null, bot));
  };
}

/**
 * Credentials: a Bot Framework channel token, checked without the network first, and replies only to
 * the Bot Framework's service URLs (to this machine when the Bot Framework itself is a local stand-in).
 */
function tokenCaller(config: Extract<TeamsConfig, { mode: 'authenticated' }>, rule: ServiceUrlRule): Caller {
  const keys = new SigningKeys(config.openIdMetadataUrl);
  return async (request, response, adapter, bot) => {
    try {
      // Cheapest first: the token's form, then its signature, and only then the body is read.
      const token = readToken(request.headers.authorization, Date.now());
      const endorsements = await verifySignature(token, keys);
      const activity = await activityOf(request);
      const claims = checkClaims(token, endorsements, activity, config.appId);
      if (!allowedServiceUrl(activity.serviceUrl, rule)) throw new Refused(403, 'service_url_not_allowed');
      writeInvokeResponse(response, await adapter.run(activity, claims, bot));
    } catch (error) {
      if (error instanceof TokenRefused) throw new Refused(401, 'unauthorized', error.reason);
      if (error instanceof KeysUnavailable)
        throw new Refused(503, 'authentication_unavailable', error.reason);
      throw error;
    }
  };
}

/** The Emulator and a local stand-in of the Bot Framework live on this machine; Teams does not. */
function serviceUrlRule(config: TeamsConfig): ServiceUrlRule {
  if (config.mode === 'emulator') return 'loopback';
  return allowedServiceUrl(config.openIdMetadataUrl, 'loopback') ? 'loopback' : 'bot-framework';
}

/** Cards and notices are replies too: a thread or channel stored under another rule (say, from the Emulator) gets none. */
function guarded(notifier: Notifier, rule: ServiceUrlRule): Notifier {
  const check = (record: CaseRecord) => {
    const serviceUrl =
      readConversation(record.conversation)?.reference.serviceUrl ??
      readCardPlace(record.conversation)?.place.reference.serviceUrl;
    if (serviceUrl !== undefined && !allowedServiceUrl(serviceUrl, rule))
      throw NotifierError.permanent('service_url_not_allowed', {
        message: `case ${record.id}: its thread's service URL is not a Bot Framework one`,
      });
  };
  return {
    ...notifier,
    async post(post) {
      check(post.record);
      return notifier.post(post);
    },
    async postCard(card) {
      check(card.record);
      return notifier.postCard(card);
    },
    async updateCard(card) {
      check(card.record);
      return notifier.updateCard(card);
    },
  };
}
