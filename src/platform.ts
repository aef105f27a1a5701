import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { CaseService } from './cases/service.js';
import type { Clock } from './cases/types.js';
import type { ConfigProblem } from './config.js';
import type { Notifier } from './reminders/notifier.js';
import type { Policy } from './sla/index.js';
import type { Store } from './store/store.js';

/**
 * A platform's name: its folder under `adapters/` (`slack`, `teams`, `azure`, …). Chat platforms'
 * names are stored with each case, so a name never changes once cases carry it.
 */
export type PlatformName = string;

/** What the server hands a platform when it builds it. */
export interface PlatformContext {
  readonly cases: CaseService;
  readonly store: Store;
  readonly clock: Clock;
  readonly logger: Logger;
  /** The policy this process runs (built-in or SLA_POLICY), checked once at start. */
  readonly policy: Policy;
  /** Another running platform by name, once all are built (a case source posts through a chat platform). */
  platform(name: PlatformName): Platform | undefined;
}

/** The HTTP side of a platform, mounted on the shared server. */
export interface PlatformRoutes {
  /** Whether this platform answers the request's path (e.g. `/slack/…`, `/api/messages`). */
  handles(pathname: string): boolean;
  handle(request: IncomingMessage, response: ServerResponse): Promise<void>;
}

/** How a platform is doing right now, for `/readyz`. */
export interface PlatformReadiness {
  readonly ready: boolean;
  /** A short word: `ready`, `connecting`, `unreachable`, … */
  readonly state: string;
  /** A code saying what went wrong last, never a secret. */
  readonly reason?: string;
  /** What to set or grant, in words for the operator (never a secret). */
  readonly detail?: string;
}

/**
 * A running platform. A chat platform (Slack, Teams) has a notifier and usually HTTP routes; a case
 * source (the Azure ticket watcher) has neither, only its own life and readiness.
 */
export interface Platform {
  readonly name: PlatformName;
  /** Posts reminders into this platform's threads. */
  readonly notifier?: Notifier;
  readonly routes?: PlatformRoutes;
  /** Work that is not an HTTP request (Socket Mode, polling); must not throw for an unreachable peer. */
  start?(): Promise<void>;
  stop?(): Promise<void>;
  readiness?(): PlatformReadiness;
}

/** A line for the log, in the platform's own locale namespace (`teams:log.emulator`). */
export interface PlatformNote {
  readonly level: 'info' | 'warn';
  readonly key: string;
  readonly params?: Record<string, string | number>;
}

/** What a platform makes of the environment: off, wrong (every problem at once), or ready to build. */
export type PlatformSetup =
  | { readonly state: 'off'; readonly note: PlatformNote }
  | { readonly state: 'invalid'; readonly problems: readonly ConfigProblem[] }
  | {
      readonly state: 'on';
      readonly note?: PlatformNote;
      create(context: PlatformContext): Platform | Promise<Platform>;
    };

/** An adapter as `adapters/index.ts` lists it: it reads and reports its own configuration. */
export interface PlatformModule {
  readonly name: PlatformName;
  configure(env: NodeJS.ProcessEnv): PlatformSetup;
}
