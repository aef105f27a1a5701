// What the stand-in answers to a read it accepted: a ticket, a page of tickets or communications.
import { ArmErrors, type ArmRoute } from './arm-routes.js';
import {
  type CommunicationResource,
  type Json,
  matches,
  page,
  parseFilter,
  type TicketResource,
} from './arm-tickets.js';

export interface ArmAnswer {
  readonly status: number;
  readonly body: unknown;
  readonly headers?: Record<string, string>;
}

export interface Subscription {
  registered: boolean;
  tickets: Map<string, { resource: TicketResource; communications: CommunicationResource[] }>;
  /** Newest first, as the portal lists them; rebuilt when a ticket is added. */
  sorted: TicketResource[] | null;
  bucket: { tokens: number; at: number };
  forced: Array<{ status: number; retryAfter?: number }>;
}

export function readAnswer(route: ArmRoute, url: URL, subscription: Subscription): ArmAnswer {
  const top = url.searchParams.get('$top');
  const skip = url.searchParams.get('$skiptoken');
  if (skip !== null && !/^\d{1,9}$/.test(skip)) return ArmErrors.badRequest(`Invalid $skiptoken: ${skip}`);
  const limit = route.kind === 'communications' ? 10 : 100;
  const size = top === null ? (route.kind === 'communications' ? 10 : 25) : Number(top);
  if (!Number.isInteger(size) || size < 1 || size > limit)
    return ArmErrors.badRequest(`$top must be a whole number from 1 to ${limit}`);
  const stored =
    route.kind === 'tickets' ? undefined : subscription.tickets.get(route.ticketName.toLowerCase());
  if (route.kind !== 'tickets' && !stored) return ArmErrors.ticketNotFound(route.ticketName);
  try {
    if (route.kind === 'ticket') return { status: 200, body: stored?.resource };
    if (route.kind === 'tickets') {
      const clauses = parseFilter(url.searchParams.get('$filter'), {
        status: ['eq'],
        createdDate: ['gt', 'ge'],
        serviceId: ['eq'],
        problemClassificationId: ['eq'],
      });
      const tickets = newestFirst(subscription).filter((ticket) => matches(ticket.properties, clauses));
      return { status: 200, body: page(tickets, url, size) };
    }
    const clauses = parseFilter(url.searchParams.get('$filter'), {
      communicationType: ['eq'],
      createdDate: ['gt', 'ge'],
    });
    const found = (stored?.communications ?? []).filter((c) =>
      matches(c.properties as unknown as Json, clauses),
    );
    return { status: 200, body: page(found, url, size) };
  } catch (error) {
    return ArmErrors.badRequest((error as Error).message);
  }
}

function newestFirst(subscription: Subscription): TicketResource[] {
  subscription.sorted ??= [...subscription.tickets.values()]
    .map((entry) => entry.resource)
    .sort((a, b) => {
      const [x, y] = [a.properties.createdDate, b.properties.createdDate];
      return x === y ? (a.name < b.name ? -1 : 1) : x < y ? 1 : -1;
    });
  return subscription.sorted;
}
