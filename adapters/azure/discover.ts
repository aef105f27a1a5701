// New tickets since the cursor become cases, once per tenant and ticket. The cursor is a created-date
// watermark that only moves forward; listing starts an overlap before it, so tickets are seen more
// than once and a claim plus the case service's idempotency key make the second sighting a no-op.

import { openTicketCase } from './open-case.js';
import { noteProblem, type PollContext } from './poll-context.js';
import { isoInstant, type TicketFacts, ticketFacts } from './ticket-facts.js';

type Outcome = 'done' | 'pending';

export async function discoverTickets(context: PollContext): Promise<void> {
  const { watch, store, source } = context;
  const cursor = (await store.cursor(watch.tenantId, watch.subscriptionId)) ?? watch.since;
  const from = Math.max(watch.since, cursor - context.tuning.overlapMs);
  const filter = `createdDate ge ${isoInstant(from)}`;
  let newest = cursor;
  let oldestPending = Number.POSITIVE_INFINITY;
  for await (const page of source.listTickets(watch.subscriptionId, filter, context.signal)) {
    for (const resource of page) {
      const read = ticketFacts(watch.subscriptionId, resource);
      if (!read.ok) {
        noteProblem(context.report, { ticket: '?', code: read.code, detail: read.field });
        continue;
      }
      const { facts } = read;
      if (facts.createdAt < watch.since) continue;
      const outcome = facts.closed ? 'done' : await openCase(context, facts, resource);
      if (outcome === 'pending') oldestPending = Math.min(oldestPending, facts.createdAt);
      newest = Math.max(newest, facts.createdAt);
    }
  }
  // Never past a ticket still to be opened: the next poll lists it again (`ge`).
  const advanceTo = Number.isFinite(oldestPending) ? Math.min(newest, oldestPending) : newest;
  if (advanceTo > cursor) await store.advanceCursor(watch.tenantId, watch.subscriptionId, advanceTo);
}

async function openCase(context: PollContext, facts: TicketFacts, resource: unknown): Promise<Outcome> {
  const { watch, store, sink, read, holder, now } = context;
  const opening = { store, sink, read, holder, now, claimLeaseMs: context.tuning.claimLeaseMs };
  const opened = await openTicketCase(opening, watch, facts, resource);
  switch (opened.kind) {
    case 'opened':
      context.report.opened += 1;
      return 'done';
    case 'linked':
      return 'done';
    case 'pending':
      context.report.pending += 1;
      return 'pending';
    case 'refused':
      noteProblem(context.report, { ticket: facts.ref.number, code: opened.code, detail: opened.detail });
      return 'done';
  }
}
