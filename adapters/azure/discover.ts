// New tickets since the cursor become cases, once per tenant and ticket. The cursor is a created-date
// watermark that only moves forward; listing starts an overlap before it, so tickets are seen more
// than once and a claim plus the case service's idempotency key make the second sighting a no-op.

import { noteProblem, type PollContext } from './poll-context.js';
import { openKey, type TicketLink } from './ports.js';
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
  const { watch, store, sink } = context;
  const { resourceId } = facts.ref;
  const now = context.now();
  const claim = await store.claimTicket(
    watch.tenantId,
    resourceId,
    context.holder,
    now,
    context.tuning.claimLeaseMs,
  );
  if (claim === 'linked') return 'done';
  if (claim === 'busy') {
    context.report.pending += 1;
    return 'pending';
  }
  const reading = context.read(resource);
  if (!reading.ok) {
    noteProblem(context.report, {
      ticket: facts.ref.number,
      code: reading.error.code,
      detail: reading.error.message,
    });
    await store.saveLink(newLink(context, facts, null, reading.error.code, null), null);
    return 'done';
  }
  const result = await sink.openFromTicket({
    tenantId: watch.tenantId,
    platform: watch.platform,
    channelId: watch.channelId,
    idempotencyKey: openKey(watch.tenantId, resourceId),
    ticket: facts.ref,
    title: facts.title,
    input: reading.input,
    microsoft: reading.microsoft,
  });
  if (!result.ok) {
    if (result.retry) {
      context.report.pending += 1;
      return 'pending';
    }
    noteProblem(context.report, { ticket: facts.ref.number, code: result.code, detail: '' });
    await store.saveLink(newLink(context, facts, null, result.code, null), null);
    return 'done';
  }
  // A replica that crashed after opening left no link: the key made the open above return that case.
  await store.saveLink(newLink(context, facts, result.caseId, null, String(reading.input.severity)), null);
  context.report.opened += 1;
  return 'done';
}

function newLink(
  context: PollContext,
  facts: TicketFacts,
  caseId: string | null,
  problem: string | null,
  severity: string | null,
): TicketLink {
  return {
    tenantId: context.watch.tenantId,
    ticket: facts.ref,
    caseId,
    problem,
    severity,
    respondedAt: null,
    closed: false,
    checkedModified: null,
    checkedAt: null,
    version: 0,
  };
}
