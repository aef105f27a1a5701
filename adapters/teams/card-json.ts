// The few Adaptive Card shapes the builders share: plain JSON, version 1.5.
import { type Activity, type Attachment, MessageFactory } from 'botbuilder';

export type CardElement = { readonly type: string } & Record<string, unknown>;

export interface AdaptiveCard {
  readonly type: 'AdaptiveCard';
  readonly $schema: string;
  readonly version: '1.5';
  readonly body: CardElement[];
  readonly actions?: CardElement[];
  readonly msteams?: { readonly width: 'Full' };
  /** Universal Actions: Teams asks the bot for a fresh card whenever someone looks at it. */
  readonly refresh?: Readonly<Record<string, unknown>>;
}

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

export function adaptiveCard(body: CardElement[], actions: CardElement[] = []): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    ...(actions.length ? { actions } : {}),
  };
}

export function attachment(card: AdaptiveCard): Attachment {
  return { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: card };
}

/** A message with one card and the `summary` that notifications and channel previews show (not "Card"). */
export function cardMessage(card: AdaptiveCard, summary: string): Partial<Activity> {
  return { ...(MessageFactory.attachment(attachment(card)) as Partial<Activity>), summary };
}

export function text(value: string, options: Record<string, unknown> = {}): CardElement {
  return { type: 'TextBlock', text: value, wrap: true, ...options };
}

/**
 * An instant as the viewer reads it, in the viewer's own zone: Teams expands DATE() and TIME().
 * The ISO form must be UTC with whole seconds ("2026-03-27T10:00:00Z").
 */
export function viewerTime(instant: number): string {
  if (!Number.isFinite(instant)) return '';
  const iso = isoSeconds(instant);
  return `{{DATE(${iso}, SHORT)}} {{TIME(${iso})}}`;
}

/** An instant's time of day alone, as the viewer reads it (Teams expands TIME()). */
export function viewerClock(instant: number): string {
  return Number.isFinite(instant) ? `{{TIME(${isoSeconds(instant)})}}` : '';
}

function isoSeconds(instant: number): string {
  return new Date(instant).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
