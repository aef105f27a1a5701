// What the Teams handlers need from the server: the case service, the store, the clock, the policy
// and a logger.
import type { Logger } from 'pino';
import type { CaseService } from '../../src/cases/service.js';
import type { Clock } from '../../src/cases/types.js';
import type { Platform } from '../../src/platform.js';
import type { Policy } from '../../src/sla/index.js';
import type { Store } from '../../src/store/store.js';

export interface TeamsDeps {
  readonly cases: CaseService;
  /** Read for the form's defaults (the channel's last case) and to welcome a team once. */
  readonly store: Pick<Store, 'listCases' | 'remember'>;
  readonly clock: Clock;
  /** The policy this process runs (from the platform context), for the form's choices. */
  readonly policy: Policy;
  readonly logger: Logger;
  /** The Azure ticket watcher, when the server runs it ("watch", "track", "Track Azure ticket"). */
  readonly azure?: () => Platform | undefined;
}
