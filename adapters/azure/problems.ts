// Why a watched subscription cannot be read, from the error the SDK or the credential threw. Each
// health has its words in locales/<lng>/azure.json (`problem.<health>`) saying what to set or grant.
import { ThrottledError } from './gate.js';

export type WatchHealth =
  | 'pending'
  | 'ok'
  | 'credentials'
  | 'credentialsRejected'
  | 'unauthorized'
  | 'forbidden'
  | 'notRegistered'
  | 'subscriptionNotFound'
  | 'throttled'
  | 'unreachable'
  /** A Teams channel named in AZURE_WATCH that nobody connected from the channel: no place to post in. */
  | 'channelUnknown'
  /** Not Azure's answer: the watcher's store, or a fault of its own (the log has the error). */
  | 'failed';

export interface WatchProblem {
  readonly health: Exclude<WatchHealth, 'pending' | 'ok'>;
  /** i18n key in the `azure` namespace. */
  readonly key: string;
  readonly params: Record<string, string>;
}

export function classify(error: unknown, subscriptionId: string): WatchProblem {
  const problem = (health: WatchProblem['health'], params: Record<string, string> = {}): WatchProblem => ({
    health,
    key: `problem.${health}`,
    params: { subscription: subscriptionId, ...params },
  });
  if (error instanceof ThrottledError)
    return problem('throttled', { until: new Date(error.until).toISOString() });
  const name =
    typeof (error as { name?: unknown })?.name === 'string' ? (error as { name: string }).name : '';
  if (name === 'CredentialUnavailableError' || name === 'AggregateAuthenticationError')
    return problem('credentials');
  if (name === 'AuthenticationError' || name === 'AuthenticationRequiredError')
    return problem('credentialsRejected');
  const status = (error as { statusCode?: unknown })?.statusCode;
  const code = String((error as { code?: unknown })?.code ?? '');
  if (status === 401) return problem('unauthorized', { code: code || 'Unauthorized' });
  if (status === 403) return problem('forbidden', { code: code || 'AuthorizationFailed' });
  if (status === 409 && code === 'MissingSubscriptionRegistration') return problem('notRegistered');
  if (status === 404 && code === 'SubscriptionNotFound') return problem('subscriptionNotFound');
  if (typeof status === 'number')
    return problem('unreachable', { detail: `HTTP ${status}${code ? ` ${code}` : ''}` });
  // The SDK wraps every network failure in a RestError; a timeout is an AbortError.
  if (name === 'RestError' || name === 'AbortError') return problem('unreachable', { detail: code || name });
  return problem('failed', { detail: name || 'Error' });
}
