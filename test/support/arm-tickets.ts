// The stand-in's tickets: resources in the 2024-04-01 shape of `Microsoft.Support/supportTickets`
// and `communications`, the `$filter` language the API documents, and paging by `nextLink` that is
// recomputed per page as the live service does (a ticket added meanwhile can shift a page).
export type Json = Record<string, unknown>;

export interface TicketResource {
  id: string;
  name: string;
  type: 'Microsoft.Support/supportTickets';
  properties: Json & {
    severity: string;
    status: string;
    createdDate: string;
    modifiedDate: string;
    serviceLevelAgreement: { startTime: string; expirationTime: string; slaMinutes: number };
  };
}

export interface CommunicationResource {
  id: string;
  name: string;
  type: 'Microsoft.Support/communications';
  properties: {
    communicationType: string;
    communicationDirection: 'Inbound' | 'Outbound';
    sender: string;
    subject: string;
    body: string;
    createdDate: string;
  };
}

export interface TicketSpec {
  name: string;
  /** Default: the name. */
  number?: string;
  severity?: 'Minimal' | 'Moderate' | 'Critical' | 'HighestCriticalImpact';
  createdDate: string;
  country?: string;
  language?: string;
  plan?: string;
  status?: 'Open' | 'Closed';
  title?: string;
}

/** Microsoft's targets for the stand-in's own `serviceLevelAgreement` (ProDirect, 24x7 arithmetic). */
const SLA_MINUTES: Record<string, number> = {
  minimal: 240,
  moderate: 120,
  critical: 60,
  highestcriticalimpact: 60,
};

export function ticketResource(subscriptionId: string, spec: TicketSpec): TicketResource {
  const severity = spec.severity ?? 'Moderate';
  return {
    id: `/subscriptions/${subscriptionId}/providers/Microsoft.Support/supportTickets/${spec.name}`,
    name: spec.name,
    type: 'Microsoft.Support/supportTickets',
    properties: {
      description: 'stand-in ticket',
      problemClassificationId: '/providers/Microsoft.Support/services/vm/problemClassifications/rdp',
      problemClassificationDisplayName:
        'Connectivity / Cannot connect to virtual machine by using RDP or SSH',
      severity,
      require24X7Response: false,
      enrollmentId: '',
      contactDetails: {
        firstName: 'Ana',
        lastName: 'Silva',
        preferredContactMethod: 'Email',
        primaryEmailAddress: 'ana@contoso.com',
        preferredTimeZone: 'Pacific Standard Time',
        country: spec.country ?? 'USA',
        preferredSupportLanguage: spec.language ?? 'en-US',
      },
      serviceLevelAgreement: sla(spec.createdDate, severity),
      supportEngineer: {},
      supportPlanType: spec.plan ?? 'ProDirect',
      supportPlanDisplayName: `Azure Support Plan – ${spec.plan ?? 'ProDirect'}`,
      advancedDiagnosticConsent: 'No',
      isTemporaryTicket: 'No',
      fileWorkspaceName: spec.number ?? spec.name,
      supportTicketId: spec.number ?? spec.name,
      title: spec.title ?? `Ticket ${spec.name}`,
      serviceId: '/providers/Microsoft.Support/services/vm',
      serviceDisplayName: 'Virtual Machine running Linux',
      status: spec.status ?? 'Open',
      createdDate: spec.createdDate,
      modifiedDate: spec.createdDate,
    },
  };
}

export function sla(
  startTime: string,
  severity: string,
): TicketResource['properties']['serviceLevelAgreement'] {
  const slaMinutes = SLA_MINUTES[severity.toLowerCase()] ?? 240;
  return { startTime, expirationTime: iso(Date.parse(startTime) + slaMinutes * 60_000), slaMinutes };
}

export function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

type Clause = { field: string; op: 'eq' | 'gt' | 'ge'; value: string };

/** Parses `$filter` as the API documents it; throws a message for a 400 on anything else. */
export function parseFilter(filter: string | null, fields: Record<string, readonly string[]>): Clause[] {
  if (filter === null || filter.trim() === '') return [];
  return filter.split(/\s+and\s+/i).map((part) => {
    const match = /^\s*(\w+)\s+(eq|gt|ge)\s+('(?:[^']|'')*'|[\d\-:.TZ+]+)\s*$/i.exec(part);
    const field = match?.[1] ?? '';
    const op = (match?.[2] ?? '').toLowerCase() as Clause['op'];
    const allowed = Object.entries(fields).find(([name]) => name.toLowerCase() === field.toLowerCase());
    if (!match || !allowed?.[1].includes(op)) throw new Error(`Invalid $filter clause: ${part.trim()}`);
    const raw = match[3] ?? '';
    const value = raw.startsWith("'") ? raw.slice(1, -1).replace(/''/g, "'") : raw;
    if (allowed[0] === 'createdDate' && !Number.isFinite(Date.parse(value)))
      throw new Error(`Invalid date in $filter: ${value}`);
    return { field: allowed[0], op, value };
  });
}

export function matches(properties: Json, clauses: readonly Clause[]): boolean {
  return clauses.every(({ field, op, value }) => {
    const actual = properties[field];
    if (op === 'eq') return String(actual ?? '').toLowerCase() === value.toLowerCase();
    const left = Date.parse(String(actual));
    const right = Date.parse(value);
    return op === 'gt' ? left > right : left >= right;
  });
}

/** One page of `items` from a skip token; the next link carries the query and the next offset. */
export function page<T>(items: readonly T[], url: URL, top: number): { value: T[]; nextLink?: string } {
  const offset = Number(url.searchParams.get('$skiptoken') ?? '0');
  const value = items.slice(offset, offset + top);
  if (offset + top >= items.length) return { value };
  const next = new URL(url);
  next.searchParams.set('$top', String(top));
  next.searchParams.set('$skiptoken', String(offset + top));
  return { value, nextLink: next.toString() };
}
