// `/sla watch <subscription id>` and `/sla track <support request number>`: Azure tickets from a
// Slack channel, answered ephemerally. Without the Azure platform on, they say what to set.
import type { SlashCommand } from '@slack/bolt';
import { translator } from '../../src/i18n/index.js';
import type { Platform } from '../../src/platform.js';
import { azureOffText, trackAnswerText, watchAnswerText } from '../azure/chat-answers.js';
import { azureDeskOf } from '../azure/desk.js';
import { section } from './blocks.js';
import type { SlackMessage } from './card.js';
import type { SlackPerson } from './locale.js';

export interface AzureCommand {
  readonly kind: 'azure';
  readonly action: 'watch' | 'track';
  /** What follows the action word, as typed. */
  readonly argument: string;
}

const COMMANDS = { watch: '/sla watch', track: '/sla track' };

/** `watch …` or `track …` (any case), or null for every other command. */
export function parseAzureCommand(first: string, rest: readonly string[]): AzureCommand | null {
  const action = first.toLowerCase();
  if (action !== 'watch' && action !== 'track') return null;
  return { kind: 'azure', action, argument: rest.join(' ') };
}

function isAzureCommand(parsed: { readonly kind: string }): parsed is AzureCommand {
  return parsed.kind === 'azure';
}

/** The answer to an Azure command; null for any other command. */
export async function azureCommandAnswer(
  azure: (() => Platform | undefined) | undefined,
  parsed: { readonly kind: string } | AzureCommand,
  command: SlashCommand,
  person: SlackPerson,
): Promise<SlackMessage | null> {
  if (!isAzureCommand(parsed)) return null;
  const { action, argument } = parsed;
  const t = translator(person.language);
  const desk = azureDeskOf(azure?.());
  let text: string;
  if (!desk) text = azureOffText(t);
  else {
    const place = {
      tenantId: command.team_id,
      platform: 'slack',
      channelId: command.channel_id,
      conversation: { channel: command.channel_id },
      locale: person.language,
    };
    text =
      action === 'watch'
        ? watchAnswerText(t, await desk.watch(place, argument), COMMANDS)
        : trackAnswerText(t, person.language, await desk.track(place, argument), COMMANDS);
  }
  return { text, blocks: [section(text)] };
}
