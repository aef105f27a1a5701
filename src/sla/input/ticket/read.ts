import { alpha2From3 } from '../../calendar/country-facts.js';
import { SlaFailure } from '../../errors.js';
import type { Policy } from '../../policy/types.js';
import type { SlaInput } from '../../types.js';
import { field, flagField, inputObject, isAbsent, type RawInput, textField } from '../fields.js';
import { readInstant } from '../instant.js';
import { jsonType, shown } from '../limits.js';
import { findPlan } from '../plan.js';
import type { MicrosoftClock, TicketFacts, TicketReading } from './types.js';
import { countryZone, displayZone } from './zone.js';

/** The severity words of `Microsoft.Support/supportTickets` (any case), as the core's severities. */
const SEVERITIES: ReadonlyMap<string, string> = new Map([
  ['minimal', 'C'],
  ['moderate', 'B'],
  ['critical', 'A'],
  ['highestcriticalimpact', 'A'],
]);
const TITLE_LIMIT = 500;
const ID_LIMIT = 1_000;

/**
 * A `Microsoft.Support/supportTickets` resource as the API returns it (`{id, name, type, properties}`,
 * or the bare `properties`) read into the core's input (SLA-RULES §10–§11), with who the ticket is
 * and Microsoft's own clock beside it. Fields it does not know are ignored. Pure: no I/O.
 */
export function readTicket(resource: unknown, policy: Policy): TicketReading {
  let ticket: TicketFacts | null = null;
  try {
    const outer = inputObject(resource);
    const properties = propertiesOf(outer);
    ticket = identity(outer, properties, policy);
    return { ok: true, ticket, ...mapped(properties, ticket) };
  } catch (error) {
    if (error instanceof SlaFailure) return { ok: false, error: error.toInfo(), ticket };
    throw error;
  }
}

/** A whole resource carries its fields under `properties`; a bare one is the properties. */
function propertiesOf(outer: RawInput): RawInput {
  const properties = field(outer, 'properties');
  if (properties === undefined) return outer;
  if (typeof properties !== 'object' || properties === null || Array.isArray(properties)) {
    throw new SlaFailure('invalid_field', {
      field: 'properties',
      expected: 'object',
      got: jsonType(properties),
    });
  }
  return properties as RawInput;
}

/** Who the ticket is: read leniently (a wrong type is null), so even a refused ticket can be named. */
function identity(outer: RawInput, properties: RawInput, policy: Policy): TicketFacts {
  const whole = field(outer, 'properties') !== undefined;
  const plan = planName(properties);
  const details = field(properties, 'contactDetails');
  const person: RawInput = typeof details === 'object' && details !== null ? (details as RawInput) : {};
  const country = alpha2(lenientText(field(person, 'country')));
  const windowsZone = lenientText(field(person, 'preferredTimeZone'));
  return {
    resourceId: whole ? identifier(field(outer, 'id')) : null,
    id: identifier(field(properties, 'supportTicketId')) ?? (whole ? identifier(field(outer, 'name')) : null),
    title: lenientText(field(properties, 'title'), TITLE_LIMIT),
    status: lenientText(field(properties, 'status')),
    plan,
    planInPolicy: plan !== null && findPlan(policy, policySpelling(plan)) !== undefined,
    displayTimeZone: windowsZone && country ? displayZone(windowsZone, country) : null,
  };
}

function mapped(properties: RawInput, ticket: TicketFacts): { input: SlaInput; microsoft: MicrosoftClock } {
  const details = contact(properties);
  const severity = readSeverityWord(field(properties, 'severity'));
  const openedAt = readInstant(field(properties, 'createdDate'), 'invalid_opened_at', 'createdDate');
  const microsoft = readAgreement(field(properties, 'serviceLevelAgreement'));
  const country = textField(field(details, 'country'), 'contactDetails.country', 'unknown_country');
  const windowsZone = textField(
    field(details, 'preferredTimeZone'),
    'contactDetails.preferredTimeZone',
    'invalid_time_zone',
  );
  const code = alpha2(country ?? null);
  const hoursZone = windowsZone && code ? countryZone(windowsZone, code) : null;
  const input: SlaInput = {
    plan: ticket.plan === null ? '' : policySpelling(ticket.plan),
    severity,
    country: country ?? '',
    language: textField(
      field(details, 'preferredSupportLanguage'),
      'contactDetails.preferredSupportLanguage',
      'invalid_language',
    ),
    openedAt,
    ...(hoursZone ? { timeZone: hoursZone } : {}),
    ...twentyFourSeven(properties),
    ...(microsoft.startTime !== null && microsoft.startTime > openedAt
      ? { clockStartsAt: microsoft.startTime }
      : {}),
    ...(!ticket.planInPolicy && microsoft.slaMinutes !== null ? { targetMinutes: microsoft.slaMinutes } : {}),
  };
  return { input, microsoft };
}

function contact(properties: RawInput): RawInput {
  const details = field(properties, 'contactDetails');
  if (isAbsent(details)) return {};
  if (typeof details !== 'object' || Array.isArray(details)) {
    throw new SlaFailure('invalid_field', {
      field: 'contactDetails',
      expected: 'object',
      got: jsonType(details),
    });
  }
  return details as RawInput;
}

function readSeverityWord(value: unknown): string {
  const word = textField(value, 'severity', 'unknown_severity');
  const severity = word === undefined ? undefined : SEVERITIES.get(word.toLowerCase());
  if (severity === undefined) {
    throw new SlaFailure('unknown_severity', {
      value: shown(value),
      accepted: [...SEVERITIES.keys()],
      source: 'ticket',
    });
  }
  return severity;
}

/** `require24X7Response`, or `is24X7Response` on older tickets; neither: the severity's default. */
function twentyFourSeven(properties: RawInput): Pick<SlaInput, 'commit24x7'> {
  const current = field(properties, 'require24X7Response');
  const older = field(properties, 'is24X7Response');
  const value = current ?? older;
  if (value === undefined || value === null) return {};
  const name = current === undefined || current === null ? 'is24X7Response' : 'require24X7Response';
  return { commit24x7: flagField(value, name, false) };
}

function readAgreement(value: unknown): MicrosoftClock {
  if (isAbsent(value)) return { deadline: null, slaMinutes: null, startTime: null };
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new SlaFailure('invalid_field', {
      field: 'serviceLevelAgreement',
      expected: 'object',
      got: jsonType(value),
    });
  }
  const agreement = value as RawInput;
  const instant = (name: string) => {
    const raw = field(agreement, name);
    return isAbsent(raw) ? null : readInstant(raw, 'invalid_field', `serviceLevelAgreement.${name}`);
  };
  return {
    deadline: instant('expirationTime'),
    slaMinutes: readSlaMinutes(field(agreement, 'slaMinutes')),
    startTime: instant('startTime'),
  };
}

function readSlaMinutes(value: unknown): number | null {
  if (value === undefined || value === null) return null;
  const field = 'serviceLevelAgreement.slaMinutes';
  if (typeof value !== 'number')
    throw new SlaFailure('invalid_field', { field, expected: 'minutes', got: jsonType(value) });
  if (!Number.isInteger(value) || value < 1 || value > 10_080) {
    throw new SlaFailure('invalid_field', { field, expected: 'minutes', value: shown(value) });
  }
  return value;
}

/** `supportPlanType` (`Premier`, `ProDirect`), else the display name (`Azure Support Plan – ProDirect`). */
function planName(properties: RawInput): string | null {
  return (
    lenientText(field(properties, 'supportPlanType')) ??
    lenientText(field(properties, 'supportPlanDisplayName'))
  );
}

/** Display names carry a prefix the plan's own name does not: "Azure Support Plan – ProDirect". */
function policySpelling(plan: string): string {
  return plan.replace(/^azure support plan\s*[-–—:]\s*/i, '');
}

/** An id is kept whole or not at all: a shortened id would name another ticket. */
function identifier(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' && value.length <= ID_LIMIT ? value : null;
}

function lenientText(value: unknown, limit = 100): string | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  return value.length > limit ? `${value.slice(0, limit)}…` : value;
}

/** `AUT` or `AT` as the alpha-2 code the zone tables use; null when it is neither. */
function alpha2(country: string | null): string | null {
  if (country === null || country.length > 3) return null;
  const code = country.trim().toUpperCase();
  return code.length === 3 ? (alpha2From3(code) ?? null) : code.length === 2 ? code : null;
}
