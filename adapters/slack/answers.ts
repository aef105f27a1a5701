// Ephemeral answers to `/sla check`, `/sla list` and `/sla help`.
import type { TFunction } from 'i18next';
import type { ListedCase } from '../../src/cases/types.js';
import { errorText } from '../../src/messages/errors.js';
import { CHECK_FACTS, factsOf, headingText } from '../../src/messages/facts.js';
import { instantText } from '../../src/messages/format.js';
import { caseLead } from '../../src/messages/lead.js';
import { warningText } from '../../src/messages/warnings.js';
import type { Evaluation } from '../../src/sla/index.js';
import { type Block, context, escapeMarkdown, messageLink, section, slackDate } from './blocks.js';
import { type SlackMessage, STANDING_EMOJI } from './card.js';
import { slackConversation } from './conversation.js';

const MAX_LISTED = 40;

/** The same facts as the CLI's `deadline`, or what was wrong and what is accepted. */
export function checkAnswer(
  t: TFunction,
  language: string,
  evaluation: Evaluation,
  notUnderstood: readonly string[],
): SlackMessage {
  const blocks: Block[] = [];
  if (notUnderstood.length)
    blocks.push(context(t('slack:command.ignored', { words: notUnderstood.map(escapeMarkdown).join(' ') })));
  if (!evaluation.ok) {
    const problem = errorText(t, language, evaluation.error);
    blocks.push(section(`:x: ${problem}`), context(t('slack:command.checkUsage')));
    return { text: problem, blocks };
  }
  const a = evaluation.assessment;
  const when = (instant: number) => slackDate(instant, instantText(instant, a.timeZone, language));
  const heading = headingText(t, a);
  const rows = factsOf({ t, assessment: a, when }, CHECK_FACTS);
  blocks.push(section(`*${heading}*\n${rows.map(({ label, value }) => `*${label}:* ${value}`).join('\n')}`));
  const warnings = a.warnings.map((warning) => warningText(t, warning));
  if (warnings.length) blocks.push(section(warnings.map((warning) => `:warning: ${warning}`).join('\n')));
  return { text: `${heading}: ${instantText(a.deadline, a.timeZone, language)}`, blocks };
}

/** Open cases, soonest deadline first, each with time left and a link to its card. */
export function caseLines(t: TFunction, language: string, views: readonly ListedCase[]): string[] {
  return views.slice(0, MAX_LISTED).map((view) => {
    const { record, assessment } = view;
    const title = escapeMarkdown(t('cards:case.title', { number: record.caseNumber, title: record.title }));
    const where = slackConversation(record.conversation, record.channelId);
    const linked = where.ts ? `<${messageLink(where.channel, where.ts)}|${title}>` : title;
    if (!assessment)
      return t('slack:list.unevaluable', { title: linked, problem: errorText(t, language, view.problem) });
    const when = (instant: number) => slackDate(instant, instantText(instant, assessment.timeZone, language));
    const lead = caseLead(t, view, { locale: language, when });
    return t('slack:list.item', {
      title: linked,
      timeLeft: `${STANDING_EMOJI[lead.standing]} ${lead.detail ?? lead.badge}`,
      deadline: when(assessment.deadline),
    });
  });
}

export function listAnswer(t: TFunction, language: string, views: readonly ListedCase[]): SlackMessage {
  if (views.length === 0) return { text: t('slack:list.empty'), blocks: [section(t('slack:list.empty'))] };
  const lines = caseLines(t, language, views);
  const blocks: Block[] = [section(`*${t('slack:list.heading', { count: views.length })}*`)];
  // Several lines per section keeps long lists well inside 50 blocks and 3000 characters a block.
  for (let i = 0; i < lines.length; i += 8) blocks.push(section(lines.slice(i, i + 8).join('\n')));
  return { text: t('slack:list.heading', { count: views.length }), blocks };
}

export function helpAnswer(t: TFunction, notUnderstood?: string): SlackMessage {
  const blocks: Block[] = [];
  if (notUnderstood !== undefined)
    blocks.push(section(t('slack:command.notUnderstood', { text: escapeMarkdown(notUnderstood) })));
  blocks.push(section(t('slack:help.text')), section(t('slack:help.azure')));
  return { text: t('slack:help.text'), blocks };
}
