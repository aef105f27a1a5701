// The Slack stand-in's memory: messages per channel and thread with their metadata, read back as
// conversations.replies and conversations.history page them, and Slack's per-channel posting limit.

/** A message as Slack keeps it. */
export interface StoredMessage {
  readonly channel: string;
  readonly ts: string;
  /** The thread it is a reply in; unset for a message in the channel itself. */
  readonly threadTs?: string;
  text: string;
  blocks?: unknown;
  readonly metadata?: { event_type?: string; event_payload?: Record<string, unknown> };
}

/** How long `method` takes to answer: fixed, or per request (e.g. slow only in one channel). */
export type Latency = number | ((body: Record<string, unknown>) => number);

export function latencyOf(latency: Latency | undefined, body: Record<string, unknown>): number {
  if (latency === undefined) return 0;
  return typeof latency === 'number' ? latency : latency(body);
}

/** A token bucket per channel: `burst` posts at once, then `perSecond`. */
export function postLimiter() {
  let rate = 0;
  let capacity = 0;
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    on(perSecond: number, burst: number) {
      rate = perSecond;
      capacity = burst;
      buckets.clear();
    },
    off() {
      rate = 0;
    },
    allow(channel: string): boolean {
      if (rate === 0) return true;
      const now = performance.now();
      const bucket = buckets.get(channel) ?? { tokens: capacity, at: now };
      bucket.tokens = Math.min(capacity, bucket.tokens + ((now - bucket.at) / 1000) * rate);
      bucket.at = now;
      buckets.set(channel, bucket);
      if (bucket.tokens < 1) return false;
      bucket.tokens -= 1;
      return true;
    },
  };
}

const PAGE = 100;

/** Posts, updates and reads of messages, as Slack keeps them; null for every other method. */
export function keep(
  messages: StoredMessage[],
  method: string,
  body: Record<string, unknown>,
  nextTs: () => string,
): unknown | null {
  const channel = String(body.channel ?? '');
  switch (method) {
    case 'chat.postMessage': {
      const message: StoredMessage = {
        channel,
        ts: nextTs(),
        ...(typeof body.thread_ts === 'string' ? { threadTs: body.thread_ts } : {}),
        text: String(body.text ?? ''),
        ...(body.blocks ? { blocks: body.blocks } : {}),
        ...(body.metadata && typeof body.metadata === 'object'
          ? { metadata: body.metadata as StoredMessage['metadata'] }
          : {}),
      };
      messages.push(message);
      return { ok: true, channel, ts: message.ts, message: { text: message.text } };
    }
    case 'chat.update': {
      const message = messages.find((m) => m.channel === channel && m.ts === body.ts);
      if (!message) return { ok: false, error: 'message_not_found' };
      message.text = String(body.text ?? '');
      if (body.blocks) message.blocks = body.blocks;
      return { ok: true, channel, ts: message.ts, text: message.text };
    }
    case 'conversations.replies': {
      const parent = messages.find((m) => m.channel === channel && m.ts === body.ts);
      if (!parent) return { ok: false, error: 'thread_not_found' };
      const thread = [parent, ...messages.filter((m) => m.channel === channel && m.threadTs === body.ts)];
      return page(thread, body);
    }
    case 'conversations.history': {
      const oldest = Number(body.oldest ?? 0);
      const top = messages.filter((m) => m.channel === channel && !m.threadTs && Number(m.ts) >= oldest);
      return page([...top].reverse(), body); // newest first, as Slack lists a channel
    }
    default:
      return null;
  }
}

function page(list: readonly StoredMessage[], body: Record<string, unknown>): unknown {
  const start = Number(body.cursor ?? 0) || 0;
  const limit = Math.min(Number(body.limit ?? PAGE) || PAGE, PAGE);
  const slice = list.slice(start, start + limit);
  const withMetadata = body.include_all_metadata === true || body.include_all_metadata === 'true';
  const next = start + limit < list.length ? String(start + limit) : '';
  return {
    ok: true,
    messages: slice.map((m) => ({
      ts: m.ts,
      text: m.text,
      ...(m.threadTs ? { thread_ts: m.threadTs } : {}),
      ...(withMetadata && m.metadata ? { metadata: m.metadata } : {}),
    })),
    has_more: next !== '',
    response_metadata: { next_cursor: next },
  };
}
