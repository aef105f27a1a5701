// A reminder, warning or breach notice in a case's thread, as Block Kit: its icon and headline naming
// the case, the sentence, what to do now, and the card's primary action as a button on the notice.
// A note (who did what) stays one plain line.
import type { TFunction } from 'i18next';
import { instantText } from '../../src/messages/format.js';
import { type NoticeIcon, noticeModel } from '../../src/messages/notice-view.js';
import type { ThreadNotice } from '../../src/messages/reminder-text.js';
import type { CaseRecord } from '../../src/store/records.js';
import { type Block, context, escapeMarkdown, section, slackDate } from './blocks.js';
import { button } from './card.js';

const EMOJI: { readonly [I in NoticeIcon]: string } = {
  hourglass: ':hourglass_flowing_sand:',
  alarm: ':alarm_clock:',
  siren: ':rotating_light:',
  warning: ':warning:',
  waiting: ':speech_balloon:',
  scales: ':scales:',
  note: ':pencil2:',
};

/** The `text` (what notifications and previews show) and, but for a note, the blocks. */
export function noticeMessage(
  t: TFunction,
  record: CaseRecord,
  notice: ThreadNotice,
  zone: string,
): { text: string; blocks?: Block[] } {
  // Slack writes `<!date^…>` in each reader's zone in notifications too: one writer for both.
  const when = (instant: number) => slackDate(instant, instantText(instant, zone, record.openedByLocale));
  const model = noticeModel(t, record, notice, { when, plain: when });
  if (model.heading === null) return { text: model.text };
  const blocks: Block[] = [section(`${EMOJI[model.icon]} *${escapeMarkdown(model.heading)}*\n${model.text}`)];
  if (model.todo) blocks.push(context(model.todo));
  if (model.action)
    blocks.push({
      type: 'actions',
      block_id: `notice:${record.id}`,
      elements: [button(model.action, record.id)],
    });
  return { text: model.summary, blocks };
}
