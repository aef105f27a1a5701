// The watcher's CaseSink over the case service: each ticket event becomes the case call a person's
// button would make, by the Azure actor, whose changes the dispatcher says in the case's thread.
// Every call is idempotent: what the case already shows answers as done.
import type { CaseService } from '../../src/cases/service.js';
import type { Actor, CaseResult } from '../../src/cases/types.js';
import { translator } from '../../src/i18n/index.js';
import { errorText } from '../../src/messages/errors.js';
import { type MicrosoftClock, type Policy, readTicket } from '../../src/sla/index.js';
import type { CaseSink, SinkResult, TicketReader } from './ports.js';

/** Who changes a case when Azure says so: its changes are said in the thread (announce). */
export const AZURE_ACTOR: Actor = { id: 'azure', name: 'Azure', locale: 'en', announce: true };

export function caseServiceSink(cases: CaseService): CaseSink {
  return {
    async openFromTicket(request) {
      const result = await cases.open({
        tenantId: request.tenantId,
        platform: request.platform,
        channelId: request.channelId,
        conversation: request.conversation,
        caseNumber: request.ticket.number,
        title: request.title,
        input: request.input,
        openedBy: { ...AZURE_ACTOR, locale: request.locale },
        idempotencyKey: request.idempotencyKey,
        source: {
          kind: 'azure',
          ticketNumber: request.ticket.number,
          resourceId: request.ticket.resourceId,
          microsoft: clockOf(request.microsoft),
        },
      });
      return sinkResult(result);
    },
    async recordFirstResponse(change) {
      const result = await cases.recordResponse(
        change.tenantId,
        change.caseId,
        AZURE_ACTOR,
        change.respondedAt,
      );
      return sinkResult(result, change.caseId);
    },
    async changeSeverity(change) {
      const result = await cases.followTicket(change.tenantId, change.caseId, {
        actor: AZURE_ACTOR,
        microsoft: clockOf(change.microsoft),
        severity: { input: change.input, at: change.changedAt },
      });
      return sinkResult(result, change.caseId);
    },
    async close(change) {
      return sinkResult(await cases.close(change.tenantId, change.caseId, AZURE_ACTOR), change.caseId);
    },
  };
}

/**
 * A case call's result for the watcher. `invalid_state` means the case is past that step already (a
 * person recorded the response or closed it first): done. A write lost to a concurrent one is tried
 * again at the next poll; anything else is the ticket's problem, not to be tried again.
 */
function sinkResult(result: CaseResult, caseId?: string): SinkResult {
  if (result.ok) return { ok: true, caseId: result.view.record.id };
  const { failure } = result;
  if (failure.kind === 'sla')
    return { ok: false, retry: false, code: failure.error.code, sla: failure.error };
  if (failure.code === 'invalid_state' && caseId !== undefined) return { ok: true, caseId };
  return { ok: false, retry: failure.code === 'conflict', code: failure.code };
}

function clockOf(clock: MicrosoftClock): MicrosoftClock {
  return { startTime: clock.startTime, deadline: clock.deadline, slaMinutes: clock.slaMinutes };
}

/** The core's ticket mapping bound to the running policy, its refusals in words for the log. */
export function coreTicketReader(policy: Policy): TicketReader {
  const english = translator('en');
  return (resource) => {
    const reading = readTicket(resource, policy);
    if (reading.ok) return { ok: true, input: reading.input, microsoft: reading.microsoft };
    return {
      ok: false,
      error: { code: reading.error.code, message: errorText(english, 'en', reading.error) },
    };
  };
}
