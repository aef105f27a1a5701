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
  | 'unreachable';

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
  const detail =
    typeof status === 'number' ? `HTTP ${status}${code ? ` ${code}` : ''}` : code || name || 'error';
  return problem('unreachable', { detail });
}
