// Where a case's card lives in Slack: stored on the case as its opaque `conversation`.
export interface SlackConversation {
  readonly channel: string;
  /** The card's message ts: the thread of reminders. Missing until the card is posted. */
  readonly ts?: string;
  /** The zone of who opened the case: the card shows the customer's time where it differs. */
  readonly zone?: string;
}

export function slackConversation(value: unknown, fallbackChannel: string): SlackConversation {
  if (value && typeof value === 'object') {
    const { channel, ts, zone } = value as Record<string, unknown>;
    if (typeof channel === 'string')
      return {
        channel,
        ...(typeof ts === 'string' ? { ts } : {}),
        ...(typeof zone === 'string' ? { zone } : {}),
      };
  }
  return { channel: fallbackChannel };
}
