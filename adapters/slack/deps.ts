// What every Slack listener needs, handed over once when the app is built.
import type { TFunction } from 'i18next';
import type { CaseService } from '../../src/cases/service.js';
import type { CaseFailure, Clock } from '../../src/cases/types.js';
import { errorText } from '../../src/messages/errors.js';
import type { Platform } from '../../src/platform.js';
import type { Store } from '../../src/store/store.js';
import type { PeopleDirectory } from './locale.js';

export interface SlackDeps {
  readonly cases: CaseService;
  readonly store: Store;
  readonly clock: Clock;
  readonly people: PeopleDirectory;
  readonly log: (error: unknown, message: string) => void;
  /** The Azure ticket watcher, when the server runs it (`/sla watch`, `/sla track`). */
  readonly azure?: () => Platform | undefined;
}

/** A case or SLA failure in the reader's words. */
export function failureText(t: TFunction, language: string, failure: CaseFailure): string {
  if (failure.kind === 'sla') return errorText(t, language, failure.error);
  return t(`slack:failure.${failure.code}`, {
    ...failure.params,
    state: failure.params.state ? t(`common:state.${failure.params.state}`) : undefined,
  });
}
