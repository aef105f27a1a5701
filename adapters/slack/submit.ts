// The case modal's submission: inline errors, or open the case and post its card.
import type { App } from '@slack/bolt';
import { translator } from '../../src/i18n/index.js';
import { failureText, type SlackDeps } from './deps.js';
import { caseModalMetadata, readMetadata } from './metadata.js';
import { CASE_MODAL } from './modal.js';
import { missingFields, readCaseSubmission, submissionErrors } from './modal-submission.js';
import { postCard, tellPerson } from './thread.js';

export function registerCaseSubmission(app: App, deps: SlackDeps): void {
  app.view(CASE_MODAL, async ({ ack, body, view, client }) => {
    const metadata = readMetadata(caseModalMetadata, view.private_metadata);
    if (!metadata) return ack();
    const t = translator(metadata.language);
    const now = deps.clock.now();
    const submission = readCaseSubmission(view.state.values, now);
    const missing = missingFields(t, submission);
    if (missing) return ack({ response_action: 'errors', errors: missing });
    const admitted = deps.cases.admit(submission.input, now);
    if (!admitted.ok) {
      return ack({
        response_action: 'errors',
        errors: submissionErrors(t, metadata.language, admitted.failure),
      });
    }
    await ack();

    const tenantId = body.team?.id ?? view.team_id;
    // A retried delivery of the same submission (X-Slack-Retry-Num) carries the same view id.
    if (!(await deps.store.remember(`slack:submit:${tenantId}:${view.id}`, now))) return;
    const result = await deps.cases.open({
      tenantId,
      platform: 'slack',
      channelId: metadata.channel,
      conversation: { channel: metadata.channel },
      caseNumber: submission.caseNumber,
      title: submission.title,
      input: submission.input,
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
      await postCard(client, deps, result.view);
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
}
