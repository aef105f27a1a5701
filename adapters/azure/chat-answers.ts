// The words of the answers to `/sla watch` and `/sla track` (and Teams' equivalents), shared by the
// chat platforms: each passes the commands as a person types them there.
import type { TFunction } from 'i18next';
import { errorText } from '../../src/messages/errors.js';
import type { TrackAnswer, WatchAnswer } from './desk.js';

export interface ChatCommands {
  /** `/sla watch` in Slack. */
  readonly watch: string;
  /** `/sla track` in Slack. */
  readonly track: string;
}

const EXAMPLE_SUBSCRIPTION = '00000000-0000-0000-0000-000000000000';
const EXAMPLE_NUMBER = '2603020010000001';

/** Azure is off on this server: what to set. */
export function azureOffText(t: TFunction): string {
  return t('azure:chat.off');
}

export function watchAnswerText(t: TFunction, answer: WatchAnswer, commands: ChatCommands): string {
  switch (answer.kind) {
    case 'notAllowed':
      return t('azure:chat.notAllowed', { tenant: answer.tenant });
    case 'usage':
      return t('azure:chat.watchUsage', { example: `${commands.watch} ${EXAMPLE_SUBSCRIPTION}` });
    case 'watching':
      return answer.problem
        ? t('azure:chat.watchingProblem', {
            subscription: answer.subscription,
            problem: t(`azure:${answer.problem.key}`, answer.problem.params),
          })
        : t('azure:chat.watching', { subscription: answer.subscription, track: commands.track });
  }
}

export function trackAnswerText(
  t: TFunction,
  language: string,
  answer: TrackAnswer,
  commands: ChatCommands,
): string {
  switch (answer.kind) {
    case 'notAllowed':
      return t('azure:chat.notAllowed', { tenant: answer.tenant });
    case 'usage':
      return t('azure:chat.trackUsage', { example: `${commands.track} ${EXAMPLE_NUMBER}` });
    case 'noWatch':
      return t('azure:chat.noWatch', { watch: commands.watch });
    case 'notFound':
      return t('azure:chat.notFound', {
        number: answer.number,
        subscriptions: answer.subscriptions.join(', '),
      });
    case 'closed':
    case 'opened':
    case 'already':
    case 'pending':
      return t(`azure:chat.${answer.kind}`, { number: answer.number });
    case 'refused':
      return t('azure:chat.refused', {
        number: answer.number,
        reason: answer.error ? errorText(t, language, answer.error) : answer.code,
      });
    case 'unreadable':
      return t(`azure:${answer.problem.key}`, answer.problem.params);
  }
}
