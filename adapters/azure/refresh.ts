// The open tickets, refreshed: one listing of the subscription's open tickets shows severity changes
// and (by a ticket's absence) closes; communications are read only for tickets still awaiting
// Microsoft's first reply, and only when the ticket changed or its last look is old.
import { severityChangedAt } from '../../src/sla/index.js';
import { applyChanges, type Observation } from './follow.js';
import { noteProblem, type PollContext } from './poll-context.js';
import type { TicketLink } from './ports.js';
import { firstMicrosoftResponse, type TicketFacts, ticketFacts } from './ticket-facts.js';

/** Tickets read between two turns of the event loop. */
const YIELD_EVERY = 100;

interface Seen {
  readonly facts: TicketFacts;
  readonly resource: unknown;
}

export async function refreshOpenTickets(context: PollContext): Promise<void> {
  const { watch, store, source } = context;
  const links = new Map<string, TicketLink>();
  for (const link of await store.openLinks(watch.tenantId, watch.subscriptionId))
    links.set(link.ticket.resourceId, link);
  if (links.size === 0) return;
  const seen = new Map<string, Seen>();
  for await (const page of source.listTickets(watch.subscriptionId, "status eq 'Open'", context.signal)) {
    for (const resource of page) {
      const read = ticketFacts(watch.subscriptionId, resource);
      if (!read.ok || !links.has(read.facts.ref.resourceId)) continue;
      seen.set(read.facts.ref.resourceId, { facts: read.facts, resource });
    }
    context.report.listed += page.length;
  }
  // A linked ticket missing from the open list has closed, or moved while the list was paged.
  for (const [resourceId, link] of links) {
    if (seen.has(resourceId)) continue;
    const resource = await source.getTicket(watch.subscriptionId, link.ticket.name, context.signal);
    const read = resource === null ? null : ticketFacts(watch.subscriptionId, resource);
    if (read?.ok) seen.set(resourceId, { facts: read.facts, resource });
    else await applyChanges(context, link, { closedAt: context.now(), gone: true });
  }
  await follow(context, links, seen);
}

async function follow(context: PollContext, links: Map<string, TicketLink>, seen: Map<string, Seen>) {
  const now = context.now();
  const due: Array<{ link: TicketLink; seen: Seen }> = [];
  let read = 0;
  for (const [resourceId, entry] of seen) {
    const link = links.get(resourceId);
    if (!link) continue;
    // Each ticket is read by the core (a few µs); thousands in a row would hold the event loop.
    if (++read % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
    if (needsCheck(context, link, entry.facts, now)) {
      due.push({ link, seen: entry });
      continue;
    }
    const observation = observe(context, link, entry);
    if (observation) await applyChanges(context, link, observation);
  }
  // The longest unchecked first, so a low read budget still reaches every ticket in turn.
  due.sort((a, b) => (a.link.checkedAt ?? 0) - (b.link.checkedAt ?? 0));
  const gate = context.source.gate(context.watch.subscriptionId);
  const batch = Math.max(1, gate.concurrency);
  for (let start = 0; start < due.length; start += batch) {
    if (gate.remainingReads !== null && gate.remainingReads < context.tuning.readFloor) {
      context.report.deferred += due.length - start;
      for (const { link, seen: entry } of due.slice(start)) {
        const observation = observe(context, link, entry);
        if (observation) await applyChanges(context, link, observation);
      }
      return;
    }
    await Promise.all(
      due.slice(start, start + batch).map(({ link, seen: entry }) => check(context, link, entry)),
    );
  }
}

/** What the ticket itself says changed (severity, close); communications come from `check`. */
function observe(context: PollContext, link: TicketLink, { facts, resource }: Seen): Observation | null {
  const observation: Observation = {};
  if (facts.closed) observation.closedAt = facts.modifiedAt ?? context.now();
  const reading = context.read(resource);
  if (!reading.ok) {
    noteProblem(context.report, {
      ticket: facts.ref.number,
      code: reading.error.code,
      detail: reading.error.message,
    });
  } else if (link.severity !== null && String(reading.input.severity) !== link.severity) {
    const changedAt = severityChangedAt({ ...facts, microsoft: reading.microsoft }, context.now());
    observation.severity = { reading, changedAt };
  }
  return observation.closedAt !== undefined || observation.severity ? observation : null;
}

function needsCheck(context: PollContext, link: TicketLink, facts: TicketFacts, now: number): boolean {
  if (link.respondedAt !== null) return false;
  if (link.checkedAt === null || facts.modifiedAt !== link.checkedModified) return true;
  return now - link.checkedAt >= context.tuning.sweepMs;
}

async function check(context: PollContext, link: TicketLink, entry: Seen): Promise<void> {
  const { watch, source } = context;
  const communications = await source.listCommunications(
    watch.subscriptionId,
    link.ticket.name,
    context.signal,
  );
  context.report.checked += 1;
  const observation = observe(context, link, entry) ?? {};
  const first = firstMicrosoftResponse(communications);
  if (first) observation.response = first;
  observation.checked = { modifiedAt: entry.facts.modifiedAt, at: context.now() };
  await applyChanges(context, link, observation);
}
