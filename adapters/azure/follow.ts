// Turns what changed on a ticket into calls on the case sink, in the order they happened, and
// records each step on the ticket's link. The sink call comes first and carries an idempotency key:
// a crash between the call and the save repeats the call next time, which then changes nothing.

import { noteProblem, type PollContext } from './poll-context.js';
import type { SinkResult, TicketLink, TicketReading } from './ports.js';
import type { Communication } from './ticket-facts.js';

export interface Observation {
  severity?: { reading: Extract<TicketReading, { ok: true }>; changedAt: number };
  response?: Communication;
  closedAt?: number;
  /** The ticket is gone from Azure (data is kept 18 months): the case is closed. */
  gone?: boolean;
  /** Communications were read: remember the ticket's `modifiedDate` then. */
  checked?: { modifiedAt: number | null; at: number };
}

type Step = {
  at: number;
  run: (link: TicketLink) => Promise<{ result: SinkResult; link: TicketLink } | null>;
};

export async function applyChanges(
  context: PollContext,
  start: TicketLink,
  observation: Observation,
): Promise<void> {
  const caseId = start.caseId;
  if (caseId === null) return;
  const target: Target = { context, caseId, key: `${context.watch.tenantId}:${start.ticket.resourceId}` };
  const { severity, response, closedAt } = observation;
  const steps: Step[] = [];
  if (severity) steps.push(severityStep(target, severity));
  if (response) steps.push(responseStep(target, response));
  if (closedAt !== undefined) steps.push(closeStep(target, closedAt));
  steps.sort((a, b) => a.at - b.at);
  await runSteps(context, start, steps, observation);
}

interface Target {
  readonly context: PollContext;
  readonly caseId: string;
  /** `<tenant id>:<ticket resource id>`, the stem of every idempotency key for the ticket. */
  readonly key: string;
}

function severityStep(
  { context, caseId, key }: Target,
  severity: NonNullable<Observation['severity']>,
): Step {
  const letter = String(severity.reading.input.severity);
  return {
    at: severity.changedAt,
    run: async (link) => {
      if (link.severity === letter) return null;
      const result = await context.sink.changeSeverity({
        tenantId: context.watch.tenantId,
        caseId,
        input: severity.reading.input,
        microsoft: severity.reading.microsoft,
        changedAt: severity.changedAt,
        idempotencyKey: `azure-severity:${key}:${letter}:${severity.changedAt}`,
      });
      if (result.ok) context.report.severityChanged += 1;
      return { result, link: { ...link, severity: letter } };
    },
  };
}

function responseStep({ context, caseId, key }: Target, response: Communication): Step {
  return {
    at: response.at,
    run: async (link) => {
      if (link.respondedAt !== null) return null;
      const result = await context.sink.recordFirstResponse({
        tenantId: context.watch.tenantId,
        caseId,
        respondedAt: response.at,
        idempotencyKey: `azure-response:${key}`,
      });
      if (result.ok) context.report.responded += 1;
      return { result, link: { ...link, respondedAt: response.at } };
    },
  };
}

/** Closing comes last whatever its time: nothing is recorded on a closed case. */
function closeStep({ context, caseId, key }: Target, closedAt: number): Step {
  return {
    at: Number.POSITIVE_INFINITY,
    run: async (link) => {
      if (link.closed) return null;
      const result = await context.sink.close({
        tenantId: context.watch.tenantId,
        caseId,
        closedAt,
        idempotencyKey: `azure-close:${key}`,
      });
      if (result.ok) context.report.closed += 1;
      return { result, link: { ...link, closed: true } };
    },
  };
}

async function runSteps(context: PollContext, start: TicketLink, steps: Step[], observation: Observation) {
  let link = start;
  for (const step of steps) {
    const outcome = await step.run(link);
    if (!outcome) continue;
    if (!outcome.result.ok) {
      if (!outcome.result.retry)
        noteProblem(context.report, { ticket: link.ticket.number, code: outcome.result.code, detail: '' });
      else context.report.pending += 1;
      break;
    }
    link = await save(context, link, outcome.link);
  }
  if (observation.checked) {
    const checked = {
      ...link,
      checkedModified: observation.checked.modifiedAt,
      checkedAt: observation.checked.at,
    };
    await save(context, link, checked);
  }
}

/** Saves the next state of a link; when another replica saved first, its stored state wins. */
async function save(context: PollContext, previous: TicketLink, next: TicketLink): Promise<TicketLink> {
  if (await context.store.saveLink(next, previous.version)) return { ...next, version: previous.version + 1 };
  return (await context.store.link(previous.tenantId, previous.ticket.resourceId)) ?? previous;
}
