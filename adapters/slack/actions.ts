// The card's button and "…" menu (and the buttons on reminders): each runs through the kit's action
// table, then the card is updated and its thread told who did what. An action that needs a time, a
// choice or a confirmation opens a small modal first.
import type { App, BlockAction, webApi } from '@slack/bolt';
import type { Actor } from '../../src/cases/types.js';
import { type CaseAction, isCaseAction, runCaseAction } from '../../src/chat/actions.js';
import { failureText } from '../../src/chat/failures.js';
import { translator } from '../../src/i18n/index.js';
import { caseCardModel } from '../../src/messages/case-view.js';
import { actionModal } from './action-modal.js';
import { CASE_ACTION_PREFIX, CHANGE_SEVERITY, caseIdOfBlock, MORE_ACTIONS } from './card.js';
import type { SlackDeps } from './deps.js';
import type { SlackPerson } from './locale.js';
import { respondAtModal } from './respond-at.js';
import { showChange, tellPerson } from './thread.js';

/** What was pressed, read out of the payload: the action, its case, and a menu's choice. */
interface Pressed {
  readonly action: CaseAction;
  readonly caseId: string;
  /** From the overflow menu (rather than a button with Slack's own confirmation). */
  readonly fromMenu: boolean;
  readonly severity: string | undefined;
}

export function registerCardActions(app: App, deps: SlackDeps): void {
  app.action<BlockAction>(
    { type: 'block_actions', action_id: new RegExp(`^${CASE_ACTION_PREFIX}`) },
    async ({ ack, body, action, client }) => {
      await ack();
      const pressed = readPressed(action);
      if (!pressed) return;
      const tenantId = body.team?.id ?? body.user.team_id ?? '';
      const channel = body.container?.channel_id ?? body.channel?.id ?? '';
      const ts = body.container?.message_ts;
      const person = await deps.people.lookup(client, tenantId, body.user.id);
      const where = { caseId: pressed.caseId, channel, ts, language: person.language };
      if (pressed.action === 'respond_at') {
        const view = respondAtModal(translator(person.language), where, deps.clock.now());
        await client.views.open({ trigger_id: body.trigger_id, view });
        return;
      }
      if (pressed.fromMenu && needsModal(pressed.action)) {
        await openActionModal(client, deps, { tenantId, person, pressed, where, trigger: body.trigger_id });
        return;
      }
      const actor: Actor = { id: body.user.id, name: person.name, locale: person.language };
      const { result, note } = await runCaseAction(deps.cases, pressed.action, {
        tenantId,
        caseId: pressed.caseId,
        actor,
        severity: pressed.severity,
      });
      if (!result.ok) {
        const text = failureText(translator(person.language), person.language, result.failure);
        await tellPerson(client, channel, body.user.id, text);
        return;
      }
      await showChange(client, deps, result, { channel, ts }, { ...note, actorId: body.user.id });
    },
  );
}

/** The pressed button, the menu's choice, or the severity menu of an older card; null for anything else. */
function readPressed(action: BlockAction['actions'][number]): Pressed | null {
  if (action.type === 'overflow' && action.action_id === MORE_ACTIONS) {
    const name = action.selected_option?.value;
    const caseId = caseIdOfBlock(action.block_id);
    return isCaseAction(name) && caseId
      ? { action: name, caseId, fromMenu: true, severity: undefined }
      : null;
  }
  if (action.type === 'static_select' && action.action_id === CHANGE_SEVERITY) {
    const caseId = caseIdOfBlock(action.block_id);
    const severity = action.selected_option?.value;
    return caseId ? { action: 'change_severity', caseId, fromMenu: false, severity } : null;
  }
  if (action.type !== 'button') return null;
  const name = action.action_id.slice(CASE_ACTION_PREFIX.length);
  return isCaseAction(name) && action.value
    ? { action: name, caseId: action.value, fromMenu: false, severity: undefined }
    : null;
}

/** A choice (the new severity) or a confirmation (closing, undoing a response) comes first. */
function needsModal(action: CaseAction): boolean {
  return action === 'change_severity' || action === 'close' || action === 'reopen';
}

interface ModalRequest {
  readonly tenantId: string;
  readonly person: SlackPerson;
  readonly pressed: Pressed;
  readonly where: { caseId: string; channel: string; ts: string | undefined; language: string };
  readonly trigger: string;
}

/** The action as the card offers it now (its label, choices and confirmation), in a modal. */
async function openActionModal(
  client: webApi.WebClient,
  deps: SlackDeps,
  request: ModalRequest,
): Promise<void> {
  const { person, pressed } = request;
  const t = translator(person.language);
  const view = await deps.cases.get(request.tenantId, pressed.caseId);
  const offered = view
    ? caseCardModel(t, view, {
        locale: person.language,
        policy: deps.policy,
        openedByName: '',
        when: String,
      }).more.find((candidate) => candidate.action === pressed.action)
    : undefined;
  if (!offered) {
    const text = t('chat:failure.not_offered');
    await tellPerson(client, request.where.channel, person.id, text);
    return;
  }
  await client.views.open({
    trigger_id: request.trigger,
    view: actionModal(t, offered, { ...request.where, action: pressed.action }),
  });
}
