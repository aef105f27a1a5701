// "Responded at…": a small modal with a date-time picker; the submission records the response.
import type { App, types } from '@slack/bolt';
import type { TFunction } from 'i18next';
import { runCaseAction } from '../../src/chat/actions.js';
import { failureText } from '../../src/chat/failures.js';
import { translator } from '../../src/i18n/index.js';
import { LIMITS, plain } from './blocks.js';
import type { SlackDeps } from './deps.js';
import { type RespondAtMetadata, readMetadata, respondAtMetadata } from './metadata.js';
import { showChange } from './thread.js';

export const RESPOND_AT_MODAL = 'sla_respond_at';
export const RESPONDED_AT = 'responded_at';

export function respondAtModal(t: TFunction, metadata: RespondAtMetadata, now: number): types.ModalView {
  return {
    type: 'modal',
    callback_id: RESPOND_AT_MODAL,
    title: plain(t('slack:respondAt.title'), LIMITS.modalTitle),
    submit: plain(t('slack:respondAt.submit'), LIMITS.modalTitle),
    close: plain(t('slack:modal.close'), LIMITS.modalTitle),
    private_metadata: JSON.stringify(metadata),
    blocks: [
      {
        type: 'input',
        block_id: RESPONDED_AT,
        label: plain(t('slack:respondAt.label'), 2000),
        element: { type: 'datetimepicker', action_id: 'value', initial_date_time: Math.floor(now / 1000) },
      },
    ],
  };
}

export function registerRespondAt(app: App, deps: SlackDeps): void {
  app.view(RESPOND_AT_MODAL, async ({ ack, body, view, client }) => {
    const metadata = readMetadata(respondAtMetadata, view.private_metadata);
    if (!metadata) return ack();
    const t = translator(metadata.language);
    const seconds = view.state.values[RESPONDED_AT]?.value?.selected_date_time;
    const tenantId = body.team?.id ?? view.team_id;
    const actor = { id: body.user.id, name: body.user.name, locale: metadata.language };
    const respondedAt = typeof seconds === 'number' ? seconds * 1000 : deps.clock.now();
    const { result, note } = await runCaseAction(deps.cases, 'respond_at', {
      tenantId,
      caseId: metadata.caseId,
      actor,
      respondedAt,
    });
    if (!result.ok)
      return ack({
        response_action: 'errors',
        errors: { [RESPONDED_AT]: failureText(t, metadata.language, result.failure) },
      });
    await ack();
    await showChange(
      client,
      deps,
      result,
      { channel: metadata.channel, ts: metadata.ts },
      { ...note, actorId: body.user.id },
    );
  });
}
