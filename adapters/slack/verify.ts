// Every request to /slack/events checked before Bolt sees it: size, signature, timestamp in either
// direction, and a body Bolt can read (it crashes the process on `payload=null`).
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { parseJsonObject, readBody } from '../../src/http.js';
import { shapeProblem } from './shape.js';

/**
 * This app's largest Slack payloads (a case modal's whole view and state, a card's block_actions with
 * its message) are under 100 KiB. A larger signed body costs the event loop its parse twice (here
 * and in Bolt): 1 MiB held it for 30 ms, so the limit is kept at a few times what Slack sends us.
 */
export const MAX_SLACK_BODY_BYTES = 256 * 1024;
/** Slack's own rule: a request more than five minutes off (past or future) may be a replay. */
const MAX_SKEW_SECONDS = 5 * 60;
const FORM = 'application/x-www-form-urlencoded';
const SSL_CHECK_MAX = 1024;
const JSON_TYPE = 'application/json';

export type SlackRequestCheck =
  | { ok: true; body: Buffer }
  /** Slack's unsigned `ssl_check=1`: answered 200 without going further. */
  | { ok: 'ssl_check' }
  | { ok: false; status: 400 | 401 | 413; error: string; reason: string };

export async function checkSlackRequest(
  request: IncomingMessage,
  signingSecret: string,
  nowMs: number,
): Promise<SlackRequestCheck> {
  const read = await readBody(request, MAX_SLACK_BODY_BYTES);
  if (!read.ok) return { ok: false, status: read.status, error: read.error, reason: read.error };
  const text = read.body.toString('utf8');
  const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  // Slack's SSL check is a few bytes and unsigned; a large unsigned body is not parsed at all. A small
  // form is parsed once, here, and the same fields checked below once it is signed.
  const form = type === FORM && text.length <= SSL_CHECK_MAX ? new URLSearchParams(text) : undefined;
  if (form?.get('ssl_check') === '1') return { ok: 'ssl_check' };
  const signed = checkSignature(request, text, signingSecret, nowMs);
  if (signed) return { ok: false, status: 401, error: 'unauthorized', reason: signed };
  const malformed = checkBody(type, text, form);
  if (malformed) return { ok: false, status: 400, error: 'malformed_payload', reason: malformed };
  return { ok: true, body: read.body };
}

/** The reason a request is not Slack's, or undefined when it is. */
function checkSignature(
  request: IncomingMessage,
  body: string,
  secret: string,
  nowMs: number,
): string | undefined {
  const timestamp = request.headers['x-slack-request-timestamp'];
  const signature = request.headers['x-slack-signature'];
  if (typeof timestamp !== 'string' || !/^\d{1,12}$/.test(timestamp)) return 'no_timestamp';
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > MAX_SKEW_SECONDS) return 'timestamp_out_of_range';
  if (typeof signature !== 'string' || !/^v0=[0-9a-f]{64}$/.test(signature)) return 'no_signature';
  const expected = createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest();
  return timingSafeEqual(expected, Buffer.from(signature.slice(3), 'hex')) ? undefined : 'bad_signature';
}

/** The reason Bolt could not read this body, or undefined when it can (`parsed`: the form, if read). */
function checkBody(type: string | undefined, text: string, parsed?: URLSearchParams): string | undefined {
  if (type === FORM) {
    const form = parsed ?? new URLSearchParams(text);
    const payloads = form.getAll('payload');
    if (payloads.length > 1) return 'payload_repeated';
    if (payloads.length === 0) return shapeProblem({ kind: 'command', value: Object.fromEntries(form) });
    const payload = parseJsonObject(payloads[0] ?? '');
    return payload ? shapeProblem({ kind: 'payload', value: payload }) : 'payload_not_json_object';
  }
  if (type === JSON_TYPE) {
    const body = parseJsonObject(text);
    return body ? shapeProblem({ kind: 'event', value: body }) : 'body_not_json_object';
  }
  return 'unsupported_content_type';
}
