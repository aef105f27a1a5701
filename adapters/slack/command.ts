// `/sla`: ack at once (an empty 200, the fastest thing Slack can get), then open the modal or answer
// ephemerally at the response URL, in the person's language.
import type { App, RespondArguments, SlashCommand } from '@slack/bolt';
import { defaultsSource, formDefaults } from '../../src/chat/defaults.js';
import { translator } from '../../src/i18n/index.js';
import type { SlaInput } from '../../src/sla/index.js';
import { checkAnswer, helpAnswer, listAnswer } from './answers.js';
import { azureCommandAnswer } from './azure-commands.js';
import type { SlackMessage } from './card.js';
import { parseSlaCommand, planNames, type SlaCommand } from './commands.js';
import type { SlackDeps } from './deps.js';
import type { SlackPerson } from './locale.js';
import { caseModal } from './modal.js';
import { postToResponseUrl } from './response-url.js';

export const SLASH_COMMAND = '/sla';

export function registerCommand(app: App, deps: SlackDeps): void {
  const plans = planNames(deps.policy);
  app.command(SLASH_COMMAND, async ({ command, ack, client }) => {
    await ack();
    await nextTurn(); // requests already waiting get their acks before this one's work runs
    const parsed = parseSlaCommand(command.text ?? '', plans);
    const person = await deps.people.lookup(client, command.team_id, command.user_id);
    if (parsed.kind === 'modal') {
      await client.views.open({
        trigger_id: command.trigger_id,
        view: await newCaseModal(deps, command, person),
      });
      return;
    }
    const answer =
      (await azureCommandAnswer(deps.azure, parsed, command, person)) ??
      (await quickAnswer(deps, parsed, person)) ??
      (await listOf(deps, command, person));
    const status = await postToResponseUrl(command.response_url, ephemeral(answer));
    if (status >= 400) deps.log(new Error(`response_url answered ${status}`), 'slack answer not delivered');
  });
}

/** Answers computed from the command alone: no storage, no Web API. */
async function quickAnswer(
  deps: SlackDeps,
  parsed: SlaCommand,
  person: SlackPerson,
): Promise<SlackMessage | null> {
  const t = translator(person.language);
  switch (parsed.kind) {
    case 'check': {
      const now = deps.clock.now();
      const { args } = parsed;
      const input: SlaInput = {
        ...args,
        plan: args.plan ?? '',
        severity: args.severity ?? '',
        country: args.country ?? '',
        openedAt: now,
      };
      const evaluation = deps.cases.check(input, now);
      await nextTurn(); // evaluating and rendering in two slices keeps other requests' acks waiting less
      return checkAnswer(t, person.language, evaluation, parsed.unknown);
    }
    case 'help':
      return helpAnswer(t);
    case 'unknown':
      return helpAnswer(t, parsed.text);
    default:
      return null;
  }
}

/** The case form, with the customer's details from the channel's last case (nothing from the person's client). */
async function newCaseModal(deps: SlackDeps, command: SlashCommand, person: SlackPerson) {
  const place = { tenantId: command.team_id, channelId: command.channel_id };
  const defaults = await formDefaults(deps.store, deps.policy, place);
  const from = defaultsSource(defaults);
  return caseModal(
    translator(person.language),
    { channel: command.channel_id, language: person.language, ...(from ? { from } : {}) },
    { values: defaults.values, policy: deps.policy, now: deps.clock.now() },
  );
}

async function listOf(deps: SlackDeps, command: SlashCommand, person: SlackPerson): Promise<SlackMessage> {
  const views = await deps.cases.list({ tenantId: command.team_id, channelId: command.channel_id });
  return listAnswer(translator(person.language), person.language, views);
}

function ephemeral(message: SlackMessage): RespondArguments & { response_type: 'ephemeral' } {
  return { response_type: 'ephemeral', text: message.text, blocks: message.blocks };
}

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
