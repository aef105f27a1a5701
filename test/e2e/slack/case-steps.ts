// Steps shared by the case tests: submit the modal, open a case and wait for its card, press a button.
import { expect } from 'vitest';
import { blockAction, viewSubmission } from '../../support/slack-requests.js';
import type { RecordedCall } from '../../support/slack-stand-in.js';
import { type CaseFields, caseValues, GOOD_CASE } from './case-values.js';
import { type Harness, START, startHarness } from './harness.js';

export interface SubmitOptions {
  language?: string;
  channel?: string;
  viewId?: string;
  user?: string;
  headers?: Record<string, string>;
}

/** A harness with three people: Ann (en-US), Bob (en-GB) and Daan (nl-NL). */
export async function caseHarness(): Promise<Harness> {
  const h = await startHarness();
  h.slack.user({ id: 'U1', name: 'Ann', locale: 'en-US', tz: 'Europe/Amsterdam' });
  h.slack.user({ id: 'U2', name: 'Bob', locale: 'en-GB', tz: 'Europe/London' });
  h.slack.user({ id: 'U3', name: 'Daan', locale: 'nl-NL', tz: 'Europe/Amsterdam' });
  return h;
}

export function resetBetweenTests(h: Harness): void {
  h.slack.calls.length = 0;
  h.slack.clear();
  h.clock.set(START);
}

let views = 0;

export function submit(h: Harness, fields: CaseFields, options: SubmitOptions = {}) {
  const view = {
    id: options.viewId ?? `VCASE${++views}`,
    callback_id: 'sla_case',
    private_metadata: JSON.stringify({
      channel: options.channel ?? 'C1',
      language: options.language ?? 'en',
    }),
    values: caseValues(fields),
  };
  return h.interact(viewSubmission(view, options.user ?? 'U1'), { headers: options.headers });
}

/** Opens a case through the modal and waits for its card; returns the case id and where the card is. */
export async function openCase(h: Harness, fields: CaseFields = GOOD_CASE, channel = 'C1') {
  const before = h.slack.callsTo('chat.postMessage').length;
  const response = await submit(h, { ...fields, openedAt: fields.openedAt ?? START }, { channel });
  expect(response.status).toBe(200);
  const posts = await h.slack.waitFor('chat.postMessage', before + 1);
  const card = posts[before] as RecordedCall;
  const until = Date.now() + 3000;
  while (Date.now() < until) {
    const listed = await h.server.cases.list({ tenantId: 'T1', channelId: channel });
    const found = listed.find((view) => view.record.caseNumber === fields.caseNumber);
    const ts = (found?.record.conversation as { ts?: string } | undefined)?.ts;
    if (found && ts) return { id: found.record.id, channel, ts, card };
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`the card of ${fields.caseNumber} was never attached`);
}

export function press(
  h: Harness,
  action: Record<string, unknown>,
  where: { channel: string; ts: string },
  user = 'U2',
) {
  return h.interact(blockAction(action, where, user));
}

type ModalBlock = {
  type: string;
  block_id?: string;
  text?: { text: string };
  elements?: Array<{ text: string }>;
};
export interface ShownAgain {
  readonly view: { blocks: ModalBlock[]; private_metadata: string };
  /** The summary at the top, as written. */
  readonly summary: string;
  /** The problem under each field, by the field's block id. */
  readonly errors: Record<string, string>;
}

/** A submission the bot did not accept: the modal shown again (`response_action: update`). */
export function shownAgain(response: { json<T>(): T }): ShownAgain {
  const body = response.json<{ response_action: string; view: ShownAgain['view'] }>();
  expect(body.response_action).toBe('update');
  const errors: Record<string, string> = {};
  for (const block of body.view.blocks) {
    if (block.type === 'context' && block.block_id?.startsWith('error:'))
      errors[block.block_id.slice('error:'.length)] = (block.elements?.[0]?.text ?? '').replace(/^:x: /, '');
  }
  const [first] = body.view.blocks;
  const summary = first?.type === 'section' ? (first.text?.text ?? '') : '';
  return { view: body.view, summary, errors };
}
