// Small Block Kit helpers shared by the card, the modals and App Home. Texts are clipped to Slack's limits.
import type { types } from '@slack/bolt';

export type Block = types.KnownBlock;
export type PlainText = types.PlainTextElement;
export type Option = types.PlainTextOption;

/** Slack's limits that our own texts could reach (see api.slack.com/reference/block-kit). */
export const LIMITS = {
  section: 3000,
  header: 150,
  button: 75,
  option: 75,
  modalTitle: 24,
  field: 2000,
  context: 2000,
} as const;

export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export function plain(text: string, max: number = LIMITS.section): PlainText {
  return { type: 'plain_text', text: clip(text, max), emoji: true };
}

export function option(text: string, value: string): Option {
  return { text: plain(text, LIMITS.option), value };
}

export function section(markdown: string): Block {
  return { type: 'section', text: { type: 'mrkdwn', text: clip(markdown, LIMITS.section) } };
}

export function context(markdown: string): Block {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: clip(markdown, LIMITS.context) }] };
}

/** Slack shows `<!date^…>` in each reader's own zone; the fallback is the time in the customer's zone. */
export function slackDate(instant: number, fallback: string): string {
  const seconds = Math.floor(instant / 1000);
  return `<!date^${seconds}^{date_short_pretty} {time}|${fallback.replace(/[|<>]/g, ' ')}>`;
}

/** Link to a message, without a Web API call. */
export function messageLink(channel: string, ts: string): string {
  return `https://slack.com/archives/${channel}/p${ts.replace('.', '')}`;
}

/** Characters that would break mrkdwn links or mentions in text people typed. */
export function escapeMarkdown(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
