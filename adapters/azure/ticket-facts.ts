// The few fields of a ticket and a communication the watcher itself needs to follow a ticket: who
// it is, when it was created and changed, whether it is closed, and who wrote to whom. Wire input:
// only own properties of plain objects are read, and every value is checked before it is trusted.
import type { TicketRef } from './ports.js';

export interface TicketFacts {
  readonly ref: TicketRef;
  readonly title: string;
  readonly closed: boolean;
  readonly createdAt: number;
  readonly modifiedAt: number | null;
}

export type FactsResult =
  | { readonly ok: true; readonly facts: TicketFacts }
  | { readonly ok: false; readonly code: 'invalid_ticket'; readonly field: string };

const NAME = /^[\w.-]{1,200}$/;
const MAX_TITLE = 500;

/** Reads a ticket resource (`{id, name, type, properties}`) listed for `subscriptionId`. */
export function ticketFacts(subscriptionId: string, resource: unknown): FactsResult {
  const properties = field(resource, 'properties');
  const name = field(resource, 'name');
  if (typeof name !== 'string' || !NAME.test(name)) return invalid('name');
  const createdAt = instant(field(properties, 'createdDate'));
  if (createdAt === null) return invalid('properties.createdDate');
  const modified = field(properties, 'modifiedDate');
  const modifiedAt = instant(modified);
  if (modified !== undefined && modified !== null && modifiedAt === null)
    return invalid('properties.modifiedDate');
  const status = field(properties, 'status');
  if (typeof status !== 'string') return invalid('properties.status');
  const number = field(properties, 'supportTicketId');
  const title = field(properties, 'title');
  const resourceId = `/subscriptions/${subscriptionId}/providers/microsoft.support/supporttickets/${name}`;
  return {
    ok: true,
    facts: {
      ref: {
        subscriptionId,
        name,
        resourceId: resourceId.toLowerCase(),
        number: typeof number === 'string' && NAME.test(number) ? number : name,
      },
      title: typeof title === 'string' ? title.slice(0, MAX_TITLE) : '',
      closed: status.toLowerCase() === 'closed',
      createdAt,
      modifiedAt,
    },
  };
}

export interface Communication {
  readonly name: string;
  readonly at: number;
}

/**
 * Microsoft's first communication to the customer: the earliest with `communicationDirection`
 * "outbound" (from Microsoft). Inbound ones are the customer's own messages, and also the automatic
 * "your request was submitted" mail from support@mail.support.microsoft.com, which is no response.
 */
export function firstMicrosoftResponse(communications: readonly unknown[]): Communication | null {
  let first: Communication | null = null;
  for (const communication of communications) {
    const properties = field(communication, 'properties');
    const direction = field(properties, 'communicationDirection');
    if (typeof direction !== 'string' || direction.toLowerCase() !== 'outbound') continue;
    const at = instant(field(properties, 'createdDate'));
    const name = field(communication, 'name');
    if (at === null || typeof name !== 'string') continue;
    if (!first || at < first.at) first = { name: name.slice(0, 200), at };
  }
  return first;
}

/** ISO 8601 with a zone (ARM sends UTC with `Z`, sometimes with fractions), within years 2000–2200. */
export function instant(value: unknown): number | null {
  if (typeof value !== 'string' || value.length > 40) return null;
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d{1,9})?)?(Z|[+-]\d\d:\d\d)$/i.test(value)) return null;
  const ms = Date.parse(value.replace(/(\.\d{3})\d+/, '$1'));
  return Number.isFinite(ms) && ms >= Date.UTC(2000, 0, 1) && ms < Date.UTC(2200, 0, 1) ? ms : null;
}

export function isoInstant(ms: number): string {
  return new Date(ms).toISOString().replace(/\.000Z$/, 'Z');
}

function field(value: unknown, key: string): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  return Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
}

function invalid(name: string): FactsResult {
  return { ok: false, code: 'invalid_ticket', field: name };
}
