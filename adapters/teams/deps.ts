// What the Teams handlers need from the server: the case service, the clock and a logger.
import type { Logger } from 'pino';
import type { CaseService } from '../../src/cases/service.js';
import type { Clock } from '../../src/cases/types.js';
import type { Platform } from '../../src/platform.js';

export interface TeamsDeps {
  readonly cases: CaseService;
  readonly clock: Clock;
  readonly logger: Logger;
  /** The Azure ticket watcher, when the server runs it ("watch", "track", "Track Azure ticket"). */
  readonly azure?: () => Platform | undefined;
}
