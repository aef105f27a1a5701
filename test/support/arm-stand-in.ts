// A local stand-in for the Azure Resource Manager support endpoints, over real HTTPS with a test CA:
// list tickets of a subscription ($filter, $top, nextLink), get one, list its communications, with
// ARM's latency, its bearer-token checks (401, 403 AuthorizationFailed), its read throttling (a token
// bucket per subscription, `x-ms-ratelimit-remaining-subscription-reads`, 429 with Retry-After) and
// its error shape `{"error":{"code","message"}}`. Tests change tickets over time through its methods.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { type ArmAnswer, readAnswer, type Subscription } from './arm-reads.js';
import { ArmErrors, type ArmRoute, routeOf } from './arm-routes.js';
import { type CommunicationResource, iso, sla, type TicketResource } from './arm-tickets.js';
import { testCertificates } from './arm-tls.js';

export interface RecordedRequest {
  readonly at: number;
  readonly path: string;
  readonly query: Record<string, string>;
  readonly route: ArmRoute['kind'] | 'unknown';
  readonly token: string | undefined;
  readonly status: number;
}

export interface ArmOptions {
  /** Each answer waits a random time in this range (ms): ARM takes hundreds of ms, sometimes seconds. */
  latencyMs?: [number, number];
  /** A share of answers is slow, as ARM's are now and then (default 3 % take 1.5–3 s; 0 for none). */
  slow?: { share: number; ms: [number, number] };
  /** Read bucket per subscription: ARM's default holds 250 and refills 25 a second. */
  reads?: { capacity: number; refillPerSecond: number };
  apiVersions?: readonly string[];
}

export class ArmStandIn {
  readonly requests: RecordedRequest[] = [];
  readonly ca: string;
  private readonly subscriptions = new Map<string, Subscription>();
  /** token → the subscriptions it may read ('*': all); a token not here is invalid (401). */
  private readonly grants = new Map<string, Set<string> | '*'>();
  private latency: [number, number];
  private slow: { share: number; ms: [number, number] };
  private reads: { capacity: number; refillPerSecond: number };
  private readonly apiVersions: readonly string[];
  private server: Server | undefined;
  private origin = '';

  constructor(options: ArmOptions = {}) {
    this.ca = testCertificates().ca;
    this.latency = options.latencyMs ?? [150, 900];
    this.slow = options.slow ?? { share: 0.03, ms: [1500, 3000] };
    this.reads = options.reads ?? { capacity: 250, refillPerSecond: 25 };
    this.apiVersions = options.apiVersions ?? [
      '2020-04-01',
      '2022-09-01-preview',
      '2023-06-01-preview',
      '2024-04-01',
    ];
  }

  /** `https://127.0.0.1:<port>`: the SDK's `endpoint`. */
  get endpoint(): string {
    return this.origin;
  }

  async start(): Promise<this> {
    const { cert, key } = testCertificates();
    this.server = createServer({ cert, key }, (request, response) => void this.handle(request, response));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.origin = `https://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Every answer takes this long from now on (no slow share). */
  setLatency(range: [number, number]): void {
    this.latency = range;
    this.slow = { share: 0, ms: range };
  }

  setReads(reads: { capacity: number; refillPerSecond: number }): void {
    this.reads = reads;
    for (const subscription of this.subscriptions.values())
      subscription.bucket = { tokens: reads.capacity, at: Date.now() };
  }

  grant(token: string, subscriptions: readonly string[] | '*'): void {
    this.grants.set(token, subscriptions === '*' ? '*' : new Set(subscriptions.map((s) => s.toLowerCase())));
  }

  subscription(id: string, registered = true): void {
    const key = id.toLowerCase();
    const existing = this.subscriptions.get(key);
    if (existing) existing.registered = registered;
    else
      this.subscriptions.set(key, {
        registered,
        tickets: new Map(),
        sorted: null,
        bucket: { tokens: this.reads.capacity, at: Date.now() },
        forced: [],
      });
  }

  /** The next `count` requests for the subscription answer `status` (429 with Retry-After seconds). */
  failNext(subscriptionId: string, status: number, count = 1, retryAfter?: number): void {
    const subscription = this.sub(subscriptionId);
    for (let i = 0; i < count; i += 1) subscription.forced.push({ status, retryAfter });
  }

  addTicket(subscriptionId: string, resource: TicketResource): void {
    const subscription = this.sub(subscriptionId);
    subscription.tickets.set(resource.name.toLowerCase(), { resource, communications: [] });
    subscription.sorted = null;
  }

  ticket(subscriptionId: string, name: string): TicketResource {
    const found = this.sub(subscriptionId).tickets.get(name.toLowerCase());
    if (!found) throw new Error(`no ticket ${name}`);
    return found.resource;
  }

  /** Microsoft's severity change: the clock restarts at the change (`startTime` moves, SLA-RULES §11). */
  changeSeverity(subscriptionId: string, name: string, severity: string, at: number): void {
    const { properties } = this.ticket(subscriptionId, name);
    properties.severity = severity;
    properties.serviceLevelAgreement = sla(iso(at), severity);
    properties.modifiedDate = iso(at);
  }

  addCommunication(
    subscriptionId: string,
    ticketName: string,
    message: {
      direction: 'Inbound' | 'Outbound';
      sender: string;
      at: number;
      subject?: string;
      name?: string;
    },
  ): CommunicationResource {
    const stored = this.sub(subscriptionId).tickets.get(ticketName.toLowerCase());
    if (!stored) throw new Error(`no ticket ${ticketName}`);
    const name = message.name ?? randomUUID();
    const communication: CommunicationResource = {
      id: `${stored.resource.id}/communications/${name}`,
      name,
      type: 'Microsoft.Support/communications',
      properties: {
        communicationType: 'Web',
        communicationDirection: message.direction,
        sender: message.sender,
        subject:
          message.subject ??
          `RE: ${stored.resource.properties.title} - TrackingID#${stored.resource.properties.supportTicketId}`,
        body: '<pre>stand-in message</pre>',
        createdDate: iso(message.at),
      },
    };
    stored.communications.push(communication);
    stored.resource.properties.modifiedDate = iso(message.at);
    return communication;
  }

  closeTicket(subscriptionId: string, name: string, at: number): void {
    const { properties } = this.ticket(subscriptionId, name);
    properties.status = 'Closed';
    properties.modifiedDate = iso(at);
  }

  requestsTo(kind: ArmRoute['kind']): RecordedRequest[] {
    return this.requests.filter((request) => request.route === kind);
  }

  private sub(id: string): Subscription {
    this.subscription(id);
    return this.subscriptions.get(id.toLowerCase()) as Subscription;
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.origin);
    const route = routeOf(request.method ?? 'GET', url.pathname);
    const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    const [min, max] = Math.random() < this.slow.share ? this.slow.ms : this.latency;
    await new Promise((resolve) => setTimeout(resolve, min + Math.random() * (max - min)));
    const { status, body, headers } = this.answer(route, url, token);
    this.requests.push({
      at: Date.now(),
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      route: route?.kind ?? 'unknown',
      token,
      status,
    });
    const requestId = randomUUID();
    response.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-cache',
      'x-ms-request-id': requestId,
      'x-ms-correlation-request-id': requestId,
      'x-ms-routing-request-id': `WESTEUROPE:${iso(Date.now()).replace(/[-:]/g, '')}:${requestId}`,
      ...headers,
    });
    response.end(JSON.stringify(body));
  }

  private answer(route: ArmRoute | null, url: URL, token: string | undefined): ArmAnswer {
    if (!route) return ArmErrors.notFoundPath(url.pathname);
    const version = url.searchParams.get('api-version');
    if (!version) return ArmErrors.missingApiVersion();
    if (!this.apiVersions.includes(version)) return ArmErrors.apiVersion(version, this.apiVersions);
    if (!token) return ArmErrors.noToken();
    const grant = this.grants.get(token);
    if (!grant) return ArmErrors.invalidToken();
    const subscription = this.subscriptions.get(route.subscriptionId.toLowerCase());
    if (!subscription) return ArmErrors.subscriptionNotFound(route.subscriptionId);
    if (grant !== '*' && !grant.has(route.subscriptionId.toLowerCase()))
      return ArmErrors.forbidden(token, route.subscriptionId);
    const remaining = this.take(subscription);
    const limits = {
      'x-ms-ratelimit-remaining-subscription-reads': String(Math.max(0, Math.floor(remaining))),
    };
    const forced = subscription.forced.shift();
    if (forced?.status === 429 || remaining < 0) {
      const wait = forced?.retryAfter ?? Math.ceil(-remaining / this.reads.refillPerSecond);
      return ArmErrors.throttled(route.subscriptionId, wait, limits);
    }
    if (forced) return ArmErrors.status(forced.status);
    if (!subscription.registered) return ArmErrors.notRegistered();
    const answer = readAnswer(route, url, subscription);
    return { ...answer, headers: { ...limits, ...answer.headers } };
  }

  /** Spends a read token; a negative result means the bucket was empty (the request is throttled). */
  private take(subscription: Subscription): number {
    const now = Date.now();
    const { bucket } = subscription;
    bucket.tokens = Math.min(
      this.reads.capacity,
      bucket.tokens + ((now - bucket.at) / 1000) * this.reads.refillPerSecond,
    );
    bucket.at = now;
    if (bucket.tokens < 1) return bucket.tokens - 1;
    bucket.tokens -= 1;
    return bucket.tokens;
  }
}

/** A started stand-in; tests add subscriptions, grants and tickets. */
export async function startArmStandIn(options: ArmOptions = {}): Promise<ArmStandIn> {
  return new ArmStandIn(options).start();
}
