// What every Slack listener needs, handed over once when the app is built.
import type { CaseService } from '../../src/cases/service.js';
import type { Clock } from '../../src/cases/types.js';
import type { Platform } from '../../src/platform.js';
import type { Policy } from '../../src/sla/index.js';
import type { Store } from '../../src/store/store.js';
import type { PeopleDirectory } from './locale.js';

export interface SlackDeps {
  readonly cases: CaseService;
  readonly store: Store;
  readonly clock: Clock;
  /** The policy this process runs (from the platform context), for the form's choices. */
  readonly policy: Policy;
  readonly people: PeopleDirectory;
  readonly log: (error: unknown, message: string) => void;
  /** The Azure ticket watcher, when the server runs it (`/sla watch`, `/sla track`). */
  readonly azure?: () => Platform | undefined;
}
