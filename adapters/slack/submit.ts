// The case modal's submission: shown again with a summary and each problem under its field, or the
// case opened and its card posted. "More options" opens the rest of the fields in place.
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import type { TFunction } from 'i18next';
import { failureText } from '../../src/chat/failures.js';
import { type CaseFormValues, readCaseForm } from '../../src/chat/form.js';
import { type FormErrors, failureErrors, problemErrors } from '../../src/chat/form-errors.js';
import { translator } from '../../src/i18n/index.js';
import type { SlackDeps } from './deps.js';
import { type CaseModalMetadata, caseModalMetadata, readMetadata } from './metadata.js';
import { CASE_MODAL, caseModal, MORE_OPTIONS } from './modal.js';
import { caseFormValues } from './modal-submission.js';
import { postCard, tellPerson } from './thread.js';

export function registerCaseSubmission(app: App, deps: SlackDeps): void {
  app.view(CASE_MODAL, async ({ ack, body, view, client }) => {
    const metadata = readMetadata(caseModalMetadata, view.private_metadata);
    if (!metadata) return ack();
    const t = translator(metadata.language);
    const now = deps.clock.now();
    const values = caseFormValues(view.state.values, metadata.hidden);
    const form = readCaseForm(values, 'track', now);
    if (!form.ok) return ack(reshown(t, metadata, deps, values, problemErrors(t, form.problems)));
    const admitted = deps.cases.admit(form.input, now);
    if (!admitted.ok)
      return ack(reshown(t, metadata, deps, values, failureErrors(t, metadata.language, admitted.failure)));
    await ack();

    const tenantId = body.team?.id ?? view.team_id;
    // A retried delivery of the same submission (X-Slack-Retry-Num) carries the same view id.
    if (!(await deps.store.remember(`slack:submit:${tenantId}:${view.id}`, now))) return;
    const person = await deps.people.lookup(client, tenantId, body.user.id);
    const result = await deps.cases.open({
      tenantId,
      platform: 'slack',
      channelId: metadata.channel,
      conversation: { channel: metadata.channel },
      caseNumber: form.caseNumber,
      title: form.title,
      input: form.input,
      openedBy: { id: body.user.id, name: body.user.name, locale: metadata.language },
      idempotencyKey: view.id,
      card: 'posted_by_caller',
    });
    if (!result.ok)
      return tellPerson(
        client,
        metadata.channel,
        body.user.id,
        failureText(t, metadata.language, result.failure),
      );
    try {
      await postCard(client, deps, result.view, person.timeZone);
    } catch (error) {
      deps.log(error, 'posting the case card failed');
      await tellPerson(
        client,
        metadata.channel,
        body.user.id,
        t('slack:card.notPosted', { channel: `<#${metadata.channel}>` }),
      );
    }
  });

  // "More options": the same modal with every field, what was typed so far kept.
  app.action<BlockAction<ButtonAction>>(MORE_OPTIONS, async ({ ack, body, client }) => {
    await ack();
    const view = body.view;
    const metadata = view ? readMetadata(caseModalMetadata, view.private_metadata) : null;
    if (!view || !metadata) return;
    const t = translator(metadata.language);
    await client.views.update({
      view_id: view.id,
      hash: view.hash,
      view: caseModal(
        t,
        { ...metadata, more: true },
        {
          values: caseFormValues(view.state.values, metadata.hidden),
          policy: deps.policy,
          now: deps.clock.now(),
        },
      ),
    });
  });
}

/** The modal again, in place: the summary on top, every problem under its field, the values kept. */
function reshown(
  t: TFunction,
  metadata: CaseModalMetadata,
  deps: SlackDeps,
  values: CaseFormValues,
  errors: FormErrors,
) {
  return {
    response_action: 'update' as const,
    view: caseModal(t, metadata, { values, policy: deps.policy, now: deps.clock.now(), errors }),
  };
}
