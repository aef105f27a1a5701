import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { CaseService } from './cases/service.js';
import type { Clock } from './cases/types.js';
import type { Config } from './config.js';
import type { Notifier } from './reminders/notifier.js';
import type { Store } from './store/store.js';

/** What the server hands a chat platform when it starts it. */
export interface PlatformContext {
  readonly config: Config;
  readonly cases: CaseService;
  readonly store: Store;
  readonly clock: Clock;
  readonly logger: Logger;
}

/** A chat platform mounted on the shared HTTP server: its routes, its Notifier, its life. */
export interface ChatPlatform {
  readonly name: 'slack' | 'teams';
  readonly notifier: Notifier;
  /** Whether this platform answers the request's path (e.g. `/slack/…`, `/api/messages`). */
  handles(pathname: string): boolean;
  handle(request: IncomingMessage, response: ServerResponse): Promise<void>;
  /** Connections that are not HTTP requests (Slack Socket Mode). */
  start?(): Promise<void>;
  stop?(): Promise<void>;
}
