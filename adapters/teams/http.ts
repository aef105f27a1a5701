// Between node:http and the adapter: an activity read and checked at the edge, answers written back.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Activity, InvokeResponse } from 'botbuilder';
import { z } from 'zod';
import { parseJsonObject, readBody } from '../../src/http.js';

/** Teams activities are a few kilobytes; a card submission with every field is still far below this. */
export const MAX_ACTIVITY_BYTES = 256 * 1024;

const id = z.string().min(1).max(1024);
const ActivityShape = z
  .object({
    type: z.string().min(1).max(64),
    serviceUrl: z.string().min(1).max(2048),
    channelId: z.string().min(1).max(64),
    conversation: z.object({ id }).passthrough(),
    id: id.optional(),
    from: z
      .object({ id: z.string().max(1024) })
      .passthrough()
      .optional(),
    recipient: z
      .object({ id: z.string().max(1024) })
      .passthrough()
      .optional(),
  })
  .passthrough();

export type ActivityRead = { ok: true; activity: Activity } | { ok: false; status: 400 | 413; error: string };

/** The request's activity, with the fields botbuilder relies on present and of the right type. */
export async function readActivity(request: IncomingMessage): Promise<ActivityRead> {
  const read = await readBody(request, MAX_ACTIVITY_BYTES);
  if (!read.ok) return read;
  const body = parseJsonObject(read.body.toString('utf8'));
  if (!body) return { ok: false, status: 400, error: 'body_not_json_object' };
  const parsed = ActivityShape.safeParse(body);
  if (!parsed.success) return { ok: false, status: 400, error: 'malformed_activity' };
  return { ok: true, activity: withDates(parsed.data) as unknown as Activity };
}

/** botbuilder's own fix-up of an activity's time fields (its `validateAndFixActivity`), minus the throw. */
function withDates(activity: Record<string, unknown>): Record<string, unknown> {
  const fixed = { ...activity };
  for (const [field, raw] of [
    ['timestamp', 'rawTimestamp'],
    ['localTimestamp', 'rawLocalTimestamp'],
    ['expiration', 'rawExpiration'],
  ] as const) {
    const value = fixed[field];
    if (typeof value === 'string') {
      fixed[raw] = value;
      fixed[field] = new Date(value);
    }
  }
  return fixed;
}

/** The bot's answer: an invoke's status and body, or 200 with nothing for other activities. */
export function writeInvokeResponse(response: ServerResponse, answer: InvokeResponse | undefined): void {
  const status = answer?.status ?? 200;
  if (answer?.body === undefined || answer.body === null) {
    response.writeHead(status).end();
    return;
  }
  const text = JSON.stringify(answer.body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}
