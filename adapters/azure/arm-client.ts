// Reads support tickets and their communications through the Azure SDK (`@azure/arm-support`),
// one request at a time through the subscription's gate. The resources are handed on exactly as the
// API returned them (the raw JSON), because the core's mapping reads the API's own shape.

import { MicrosoftSupport } from '@azure/arm-support';
import type { TokenCredential } from '@azure/core-auth';
import type { FullOperationResponse } from '@azure/core-client';
import type { AzureConfig } from './config.js';
import { type GateOptions, type Observed, SubscriptionGate, sleep } from './gate.js';

/** The API version whose shape the watcher and the core read (`supportPlanDisplayName` and all). */
export const SUPPORT_API_VERSION = '2024-04-01';
/** The list API's page size limits: tickets up to 100, communications up to 10. */
const TICKETS_PER_PAGE = 100;
const COMMUNICATIONS_PER_PAGE = 10;
/** A ticket with more pages of communications than this is read no further (its first reply is long known). */
const MAX_COMMUNICATION_PAGES = 50;
/**
 * The SDK turns a 2xx body into its models (renamed fields, Date objects), which the watcher does not
 * use and which cost more than the rest of a poll: only errors are deserialised (into RestError), and
 * a 2xx response keeps the parsed JSON as the API sent it.
 */
const deserializeErrors = (response: { status: number }) => response.status >= 300;
const DEFAULT_TIMEOUT_MS = 60_000;

export interface TicketSource {
  /** Every ticket the filter selects (`$filter` as the API supports it), page by page. */
  listTickets(subscriptionId: string, filter: string, signal?: AbortSignal): AsyncIterable<unknown[]>;
  /** The ticket, or null when Azure no longer has it. */
  getTicket(subscriptionId: string, name: string, signal?: AbortSignal): Promise<unknown | null>;
  listCommunications(subscriptionId: string, ticketName: string, signal?: AbortSignal): Promise<unknown[]>;
  gate(subscriptionId: string): SubscriptionGate;
}

export interface ArmSourceOptions {
  readonly credential: TokenCredential;
  /** `https://management.azure.com`, a sovereign cloud's, or a local stand-in's. */
  readonly endpoint: string;
  /** Extra trusted CA certificates (PEM) for this client only: a stand-in or a TLS-inspecting proxy. */
  readonly ca?: string;
  readonly gate: GateOptions;
  /** A request ARM has not answered by then fails (a hung connection must not hold a poll). */
  readonly timeoutMs?: number;
}

export function armTicketSource(options: ArmSourceOptions): TicketSource {
  return new ArmTicketSource(options);
}

/**
 * The source as the server runs it: the configured endpoint and read rate, four reads at a time per
 * subscription, three retries, and a Retry-After waited in line only up to 30 s (longer ones defer).
 */
export function configuredTicketSource(
  config: AzureConfig,
  credential: TokenCredential,
  now: () => number,
): TicketSource {
  return armTicketSource({
    credential,
    endpoint: config.endpoint,
    ca: config.ca,
    gate: {
      concurrency: 4,
      spacingMs: Math.ceil(1000 / config.readsPerSecond),
      retries: 3,
      maxInlineWaitMs: 30_000,
      now,
      sleep,
    },
  });
}

type FetchPage = (
  token: string | undefined,
  onResponse: (raw: FullOperationResponse) => void,
) => Promise<unknown>;

/** One SDK client and one gate per subscription (the SDK binds a client to its subscription). */
class ArmTicketSource implements TicketSource {
  private readonly clients = new Map<string, MicrosoftSupport>();
  private readonly gates = new Map<string, SubscriptionGate>();
  private readonly requestOptions: { shouldDeserialize: typeof deserializeErrors; timeout: number };

  constructor(private readonly options: ArmSourceOptions) {
    this.requestOptions = {
      shouldDeserialize: deserializeErrors,
      timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    };
  }

  gate(subscriptionId: string): SubscriptionGate {
    let found = this.gates.get(subscriptionId);
    if (!found) {
      found = new SubscriptionGate(this.options.gate);
      this.gates.set(subscriptionId, found);
    }
    return found;
  }

  listTickets(subscriptionId: string, filter: string, signal?: AbortSignal): AsyncIterable<unknown[]> {
    const fetchPage: FetchPage = (token, onResponse) =>
      this.client(subscriptionId)
        .supportTickets.list({
          filter,
          top: TICKETS_PER_PAGE,
          onResponse,
          abortSignal: signal,
          requestOptions: this.requestOptions,
        })
        .byPage(token ? { continuationToken: token } : undefined)
        .next();
    return this.pages(subscriptionId, fetchPage, Number.POSITIVE_INFINITY, signal);
  }

  async getTicket(subscriptionId: string, name: string, signal?: AbortSignal): Promise<unknown | null> {
    try {
      return await this.gate(subscriptionId).run(async (observe) => {
        let raw: FullOperationResponse | undefined;
        await this.client(subscriptionId).supportTickets.get(name, {
          abortSignal: signal,
          requestOptions: this.requestOptions,
          onResponse: (response) => {
            raw = response;
            observe(observedOf(response));
          },
        });
        return parseBody(raw);
      }, signal);
    } catch (error) {
      const { statusCode, code } = error as { statusCode?: number; code?: string };
      if (statusCode === 404 && code !== 'SubscriptionNotFound') return null;
      throw error;
    }
  }

  async listCommunications(
    subscriptionId: string,
    ticketName: string,
    signal?: AbortSignal,
  ): Promise<unknown[]> {
    const fetchPage: FetchPage = (token, onResponse) =>
      this.client(subscriptionId)
        .communications.list(ticketName, {
          top: COMMUNICATIONS_PER_PAGE,
          onResponse,
          abortSignal: signal,
          requestOptions: this.requestOptions,
        })
        .byPage(token ? { continuationToken: token } : undefined)
        .next();
    const all: unknown[] = [];
    for await (const page of this.pages(subscriptionId, fetchPage, MAX_COMMUNICATION_PAGES, signal))
      all.push(...page);
    return all;
  }

  private client(subscriptionId: string): MicrosoftSupport {
    let found = this.clients.get(subscriptionId);
    if (!found) {
      const { credential, endpoint, ca } = this.options;
      found = new MicrosoftSupport(credential, subscriptionId, {
        endpoint,
        $host: endpoint,
        apiVersion: SUPPORT_API_VERSION,
        // The gate retries, for every request of the subscription at once; the SDK would retry each alone.
        retryOptions: { maxRetries: 0 },
        ...(ca ? { tlsOptions: { ca } } : {}),
        userAgentOptions: { userAgentPrefix: 'sla-bot' },
      });
      this.clients.set(subscriptionId, found);
    }
    return found;
  }

  /** Page after page through the gate; each `fetchPage` makes one request (a fresh `byPage` from the token). */
  private async *pages(
    subscriptionId: string,
    fetchPage: FetchPage,
    limit: number,
    signal?: AbortSignal,
  ): AsyncGenerator<unknown[]> {
    let token: string | undefined;
    for (let page = 0; page < limit; page += 1) {
      const body = await this.gate(subscriptionId).run(async (observe) => {
        let raw: FullOperationResponse | undefined;
        await fetchPage(token, (response) => {
          raw = response;
          observe(observedOf(response));
        });
        return parseBody(raw);
      }, signal);
      yield Array.isArray(body.value) ? body.value : [];
      token = typeof body.nextLink === 'string' && body.nextLink ? body.nextLink : undefined;
      if (!token) return;
    }
  }
}

function observedOf(response: FullOperationResponse): Observed {
  return { status: response.status, header: (name) => response.headers.get(name) };
}

/** The page or resource as the API sent it (parsed JSON, not the SDK's models). */
function parseBody(raw: FullOperationResponse | undefined): Record<string, unknown> {
  const body: unknown = raw?.parsedBody;
  return body !== null && typeof body === 'object' && !Array.isArray(body)
    ? (body as Record<string, unknown>)
    : {};
}
