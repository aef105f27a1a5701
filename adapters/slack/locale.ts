// A person's Slack locale and time zone (users.info with include_locale), cached for a while.
import type { webApi } from '@slack/bolt';
import type { Clock } from '../../src/cases/types.js';
import { interfaceLanguage } from '../../src/i18n/index.js';

export interface SlackPerson {
  readonly id: string;
  readonly name: string;
  /** Slack's locale as given (`nl-NL`): the customer language default in the modal. */
  readonly locale: string;
  /** The interface language we write to this person in. */
  readonly language: string;
  readonly timeZone: string | undefined;
}

const TTL_MS = 10 * 60_000;
const MAX_ENTRIES = 5_000;

export interface PeopleDirectory {
  lookup(client: webApi.WebClient, teamId: string, userId: string): Promise<SlackPerson>;
  /** What is known without a Web API call (for answers that must not wait). */
  cached(teamId: string, userId: string): SlackPerson | undefined;
}

export function peopleDirectory(clock: Clock): PeopleDirectory {
  const entries = new Map<string, { person: SlackPerson; until: number }>();
  const cached = (teamId: string, userId: string) => {
    const entry = entries.get(`${teamId}:${userId}`);
    return entry && entry.until > clock.now() ? entry.person : undefined;
  };
  return {
    cached,
    async lookup(client, teamId, userId) {
      const known = cached(teamId, userId);
      if (known) return known;
      const person = await fetchPerson(client, userId);
      if (!person) return fallbackPerson(userId);
      if (entries.size >= MAX_ENTRIES) entries.clear();
      entries.set(`${teamId}:${userId}`, { person, until: clock.now() + TTL_MS });
      return person;
    },
  };
}

async function fetchPerson(client: webApi.WebClient, userId: string): Promise<SlackPerson | null> {
  try {
    const answer = await client.users.info({ user: userId, include_locale: true });
    const user = answer.user ?? {};
    const locale = user.locale ?? 'en-US';
    return {
      id: userId,
      name: user.profile?.display_name || user.real_name || user.name || userId,
      locale,
      language: interfaceLanguage(locale),
      timeZone: user.tz ?? undefined,
    };
  } catch {
    return null;
  }
}

/** Without users:read (or after a hiccup, not cached) the person still gets an answer, in English and without a zone. */
function fallbackPerson(userId: string): SlackPerson {
  return { id: userId, name: userId, locale: 'en-US', language: 'en', timeZone: undefined };
}
