// The card's buttons: each calls the case service, then updates the card and notes who did what.
import type { App, BlockAction } from '@slack/bolt';
import type { Actor, CaseResult } from '../../src/cases/types.js';
import { translator } from '../../src/i18n/index.js';
import type { CaseAction } from '../../src/messages/case-view.js';
import { CASE_ACTION_PREFIX, CHANGE_SEVERITY, caseIdOfBlock } from './card.js';
import { failureText, type SlackDeps } from './deps.js';
import { respondAtModal } from './respond-at.js';
import { showChange, tellPerson } from './thread.js';

interface Pressed {
  readonly tenantId: string;
  readonly caseId: string;
  readonly actor: Actor;
  readonly choice: string | undefined;
}

type Step = (
  deps: SlackDeps,
  pressed: Pressed,
) => Promise<{ result: CaseResult; event: string; data?: Record<string, unknown> }>;

const STEPS: Partial<Record<CaseAction, Step>> = {
  respond_now: async ({ cases }, p) => ({
    result: await cases.recordResponse(p.tenantId, p.caseId, p.actor),
    event: 'responded',
  }),
  available_24x7: async ({ cases }, p) => ({
    result: await cases.setAvailability(p.tenantId, p.caseId, true, p.actor),
    event: 'available',
  }),
  not_available_24x7: async ({ cases }, p) => ({
    result: await cases.setAvailability(p.tenantId, p.caseId, false, p.actor),
    event: 'not_available',
  }),
  waiting_on_us: async ({ cases }, p) => ({
    result: await cases.setWaitingOnUs(p.tenantId, p.caseId, true, p.actor),
    event: 'waiting_on_us',
  }),
  we_answered: async ({ cases }, p) => ({
    result: await cases.setWaitingOnUs(p.tenantId, p.caseId, false, p.actor),
    event: 'we_answered',
  }),
  close: async ({ cases }, p) => ({
    result: await cases.close(p.tenantId, p.caseId, p.actor),
    event: 'closed',
  }),
  reopen: async ({ cases }, p) => ({
    result: await cases.reopen(p.tenantId, p.caseId, p.actor),
    event: 'reopened',
  }),
  change_severity: async ({ cases }, p) => {
    const before = await cases.get(p.tenantId, p.caseId);
    const to = p.choice ?? '';
    return {
      result: await cases.changeSeverity(p.tenantId, p.caseId, to, p.actor),
      event: 'severity_changed',
      data: { from: before?.assessment.severity ?? '?', to },
    };
  },
};

export function registerCardActions(app: App, deps: SlackDeps): void {
  app.action<BlockAction>(
    { type: 'block_actions', action_id: new RegExp(`^${CASE_ACTION_PREFIX}`) },
    async ({ ack, body, action, client }) => {
      await ack();
      const name = (action.action_id.slice(CASE_ACTION_PREFIX.length) || '') as CaseAction;
      const caseId = action.type === 'button' ? action.value : caseIdOfBlock(action.block_id);
      const tenantId = body.team?.id ?? body.user.team_id ?? '';
      const channel = body.container?.channel_id ?? body.channel?.id ?? '';
      if (!caseId) return;
      const person = await deps.people.lookup(client, tenantId, body.user.id);
      if (name === 'respond_at') {
        const view = respondAtModal(
          translator(person.language),
          { caseId, channel, ts: body.container?.message_ts, language: person.language },
          deps.clock.now(),
        );
        await client.views.open({ trigger_id: body.trigger_id, view });
        return;
      }
      const step = STEPS[action.action_id === CHANGE_SEVERITY ? 'change_severity' : name];
      if (!step) return;
      const choice = action.type === 'static_select' ? action.selected_option?.value : undefined;
      const actor: Actor = { id: body.user.id, name: person.name, locale: person.language };
      const { result, event, data } = await step(deps, { tenantId, caseId, actor, choice });
      if (!result.ok) {
        await tellPerson(
          client,
          channel,
          body.user.id,
          failureText(translator(person.language), person.language, result.failure),
        );
        return;
      }
      await showChange(
        client,
        result,
        { channel, ts: body.container?.message_ts },
        { event, actorId: body.user.id, data },
      );
    },
  );
}
