// Web API clients for work outside a request (reminders): one per bot token, at SLACK_API_URL.
import { webApi } from '@slack/bolt';
import type { Store } from '../../src/store/store.js';
import type { SlackConfig } from './config.js';
import { installedBotToken } from './installations.js';

export interface SlackClients {
  /** The workspace's client; null when the app is not installed there. */
  forTeam(teamId: string): Promise<webApi.WebClient | null>;
}

/** The dispatcher owns retries and backoff: the client reports a 429 at once instead of waiting. */
export function webClientOptions(config: SlackConfig): webApi.WebClientOptions {
  return {
    ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}),
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
    timeout: 10_000,
  };
}

export function slackClients(config: SlackConfig, store: Store): SlackClients {
  const byToken = new Map<string, webApi.WebClient>();
  const client = (token: string) => {
    let found = byToken.get(token);
    if (!found) {
      found = new webApi.WebClient(token, webClientOptions(config));
      byToken.set(token, found);
    }
    return found;
  };
  return {
    async forTeam(teamId) {
      if (config.botToken) return client(config.botToken);
      const token = await installedBotToken(store, teamId);
      return token ? client(token) : null;
    },
  };
}
