// An action chosen from the card's "…" menu that asks first: the new severity, or "Close this
// case?" / "Undo the recorded response?". Submitting the modal runs the action.
import type { App, types } from '@slack/bolt';
import type { TFunction } from 'i18next';
import { isCaseAction, runCaseAction } from '../../src/chat/actions.js';
import { failureText } from '../../src/chat/failures.js';
import { translator } from '../../src/i18n/index.js';
import type { CardAction } from '../../src/messages/case-view.js';
import { type Block, LIMITS, option, plain, section } from './blocks.js';
import type { SlackDeps } from './deps.js';
import { type ActionModalMetadata, actionModalMetadata, readMetadata } from './metadata.js';
import { showChange } from './thread.js';

export const ACTION_MODAL = 'sla_action';
export const SEVERITY_BLOCK = 'severity';

export function actionModal(
  t: TFunction,
  action: CardAction,
  metadata: ActionModalMetadata,
): types.ModalView {
  const blocks: Block[] = [];
  if (action.confirm) blocks.push(section(`*${action.confirm.title}*\n${action.confirm.text}`));
  if (action.input?.kind === 'severity')
    blocks.push({
      type: 'input',
      block_id: SEVERITY_BLOCK,
      label: plain(t('slack:modal.label.severity'), 2000),
      // Radio buttons: a severity's whole phrase shows, where a menu would cut it on a phone.
      element: {
        type: 'radio_buttons',
        action_id: 'value',
        options: action.input.choices.map((choice) => option(choice.label, choice.value)),
      },
    });
  return {
    type: 'modal',
    callback_id: ACTION_MODAL,
    title: plain(action.label, LIMITS.modalTitle),
    submit: plain(action.confirm?.yes ?? t('slack:respondAt.submit'), LIMITS.modalTitle),
    close: plain(action.confirm?.no ?? t('slack:modal.close'), LIMITS.modalTitle),
    private_metadata: JSON.stringify(metadata),
    blocks,
  };
}

export function registerActionModal(app: App, deps: SlackDeps): void {
  app.view(ACTION_MODAL, async ({ ack, body, view, client }) => {
    const metadata = readMetadata(actionModalMetadata, view.private_metadata);
    if (!metadata || !isCaseAction(metadata.action)) return ack();
    const t = translator(metadata.language);
    const tenantId = body.team?.id ?? view.team_id;
    const actor = { id: body.user.id, name: body.user.name, locale: metadata.language };
    const severity = view.state.values[SEVERITY_BLOCK]?.value?.selected_option?.value ?? undefined;
    const { result, note } = await runCaseAction(deps.cases, metadata.action, {
      tenantId,
      caseId: metadata.caseId,
      actor,
      severity,
    });
    if (!result.ok) {
      // Shown in the modal: beside the choice when there is one, else as its first block.
      const message = failureText(t, metadata.language, result.failure);
      if (severity !== undefined || metadata.action === 'change_severity')
        return ack({ response_action: 'errors', errors: { [SEVERITY_BLOCK]: message } });
      return ack({
        response_action: 'update',
        view: { ...withoutState(view), blocks: [section(`:x: ${message}`)] },
      });
    }
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

/** The submitted view as a view to show again (Slack's answer carries fields a new view must not). */
function withoutState(view: {
  title: unknown;
  callback_id: string;
  private_metadata: string;
  close?: unknown;
}) {
  return {
    type: 'modal' as const,
    title: view.title as types.PlainTextElement,
    callback_id: view.callback_id,
    private_metadata: view.private_metadata,
    ...(view.close ? { close: view.close as types.PlainTextElement } : {}),
  };
}
