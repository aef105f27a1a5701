// The least of each Slack request that Bolt and the listeners read without checking: a signed body
// without it is refused with 400 here rather than thrown on inside Bolt (500) or later.
import { z } from 'zod';

const id = z.string().min(1).max(255);
const user = z.object({ id }).passthrough();
const view = z.object({ id, callback_id: z.string().max(255) }).passthrough();

/** Interaction payloads (`payload=` in a form), by `type`. Others are refused. */
const PAYLOADS: Readonly<Record<string, z.ZodType>> = {
  block_actions: z
    .object({ user, actions: z.array(z.object({ action_id: z.string().max(255) }).passthrough()).min(1) })
    .passthrough(),
  block_suggestion: z.object({ user, action_id: z.string().max(255) }).passthrough(),
  view_submission: z.object({ user, view }).passthrough(),
  view_closed: z.object({ user, view }).passthrough(),
  shortcut: z.object({ user, callback_id: z.string().max(255) }).passthrough(),
  message_action: z.object({ user, callback_id: z.string().max(255) }).passthrough(),
};

/** JSON bodies of the Events API, by `type`. */
const EVENTS: Readonly<Record<string, z.ZodType>> = {
  url_verification: z.object({ challenge: z.string().max(1024) }).passthrough(),
  event_callback: z.object({ event: z.object({ type: z.string().max(255) }).passthrough() }).passthrough(),
  app_rate_limited: z.object({}).passthrough(),
};

/** A slash command: form fields, all strings. */
const COMMAND = z.object({ command: id, user_id: id, channel_id: id, team_id: id }).passthrough();

export type SlackBody =
  | { readonly kind: 'payload'; readonly value: Record<string, unknown> }
  | { readonly kind: 'event'; readonly value: Record<string, unknown> }
  | { readonly kind: 'command'; readonly value: Record<string, unknown> };

/** The reason this parsed body is not one Slack sends, or undefined when it is. */
export function shapeProblem(body: SlackBody): string | undefined {
  if (body.kind === 'command')
    return COMMAND.safeParse(body.value).success ? undefined : 'command_fields_missing';
  const known = body.kind === 'payload' ? PAYLOADS : EVENTS;
  const type = body.value.type;
  const schema = typeof type === 'string' && Object.hasOwn(known, type) ? known[type] : undefined;
  if (!schema) return 'unknown_type';
  return schema.safeParse(body.value).success ? undefined : `malformed_${type}`;
}
