// Where a case's card lives in Slack: stored on the case as its opaque `conversation`.
export interface SlackConversation {
  readonly channel: string;
  /** The card's message ts: the thread of reminders. Missing until the card is posted. */
  readonly ts?: string;
}

export function slackConversation(value: unknown, fallbackChannel: string): SlackConversation {
  if (value && typeof value === 'object') {
    const { channel, ts } = value as Record<string, unknown>;
    if (typeof channel === 'string') return typeof ts === 'string' ? { channel, ts } : { channel };
  }
  return { channel: fallbackChannel };
}
