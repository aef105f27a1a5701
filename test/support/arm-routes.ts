// The stand-in's routes and ARM's error answers, worded as Azure Resource Manager words them.
import type { ArmAnswer } from './arm-reads.js';

export type ArmRoute =
  | { kind: 'tickets'; subscriptionId: string }
  | { kind: 'ticket'; subscriptionId: string; ticketName: string }
  | { kind: 'communications'; subscriptionId: string; ticketName: string };

const BASE =
  /^\/subscriptions\/([^/]+)\/providers\/Microsoft\.Support\/supportTickets(?:\/([^/]+)(\/communications)?)?$/i;

export function routeOf(method: string, path: string): ArmRoute | null {
  if (method !== 'GET') return null;
  const match = BASE.exec(path);
  if (!match) return null;
  const [, subscriptionId = '', ticketName, communications] = match;
  if (!ticketName) return { kind: 'tickets', subscriptionId };
  const name = decodeURIComponent(ticketName);
  return communications
    ? { kind: 'communications', subscriptionId, ticketName: name }
    : { kind: 'ticket', subscriptionId, ticketName: name };
}

const error = (
  status: number,
  code: string,
  message: string,
  headers?: Record<string, string>,
): ArmAnswer => ({
  status,
  body: { error: { code, message } },
  headers,
});

const CHALLENGE =
  'Bearer authorization_uri="https://login.microsoftonline.com/common", error="invalid_token", error_description="The authentication failed because of missing \'Authorization\' header."';

export const ArmErrors = {
  notFoundPath: (path: string) =>
    error(404, 'NoRegisteredProviderFound', `No registered resource provider found for the path '${path}'.`),
  missingApiVersion: () =>
    error(
      400,
      'MissingApiVersionParameter',
      'The api-version query parameter (?api-version=) is required for all requests.',
    ),
  apiVersion: (version: string, supported: readonly string[]) =>
    error(
      400,
      'NoRegisteredProviderFound',
      `No registered resource provider found for location 'global' and API version '${version}' for type 'supportTickets'. The supported api-versions are '${supported.join(', ')}'.`,
    ),
  noToken: () =>
    error(401, 'AuthenticationFailed', "Authentication failed. The 'Authorization' header is missing.", {
      'www-authenticate': CHALLENGE,
    }),
  invalidToken: () =>
    error(401, 'InvalidAuthenticationToken', 'The access token is invalid.', {
      'www-authenticate': CHALLENGE.replace("missing 'Authorization' header", 'an invalid access token'),
    }),
  forbidden: (principal: string, subscriptionId: string) =>
    error(
      403,
      'AuthorizationFailed',
      `The client '${principal}' with object id '${principal}' does not have authorization to perform action 'Microsoft.Support/supportTickets/read' over scope '/subscriptions/${subscriptionId}' or the scope is invalid. If access was recently granted, please refresh your credentials.`,
    ),
  subscriptionNotFound: (subscriptionId: string) =>
    error(404, 'SubscriptionNotFound', `The subscription '${subscriptionId}' could not be found.`),
  notRegistered: () =>
    error(
      409,
      'MissingSubscriptionRegistration',
      "The subscription is not registered to use namespace 'Microsoft.Support'. See https://aka.ms/rps-not-found for how to register subscriptions.",
    ),
  throttled: (subscriptionId: string, seconds: number, headers: Record<string, string>) =>
    error(
      429,
      'SubscriptionRequestsThrottled',
      `Number of 'read' requests for subscription '${subscriptionId}' actor 'sla-bot' exceeded. Please try again after '${seconds}' seconds after additional tokens are available. Refer to https://aka.ms/arm-throttling`,
      { ...headers, 'retry-after': String(seconds) },
    ),
  ticketNotFound: (name: string) =>
    error(404, 'ResourceNotFound', `The Resource 'Microsoft.Support/supportTickets/${name}' was not found.`),
  badRequest: (message: string) => error(400, 'BadRequest', message),
  status: (status: number) =>
    error(
      status,
      status === 503 ? 'ServiceUnavailable' : 'InternalServerError',
      'The server encountered an internal error.',
    ),
};
