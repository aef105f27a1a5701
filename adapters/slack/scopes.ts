// Bot scopes for every Web API method the adapter calls; the manifest test checks the manifest has them.
export const BOT_SCOPES = [
  'commands',
  'chat:write',
  'users:read',
  'channels:history',
  'groups:history',
] as const;

/** Web API method → the bot scopes it needs (none: works with any bot token). */
export const METHOD_SCOPES: Readonly<Record<string, string | readonly string[] | null>> = {
  // Reading a thread or channel back, to check a post before repeating it: public and private channels.
  'conversations.history': ['channels:history', 'groups:history'],
  'conversations.replies': ['channels:history', 'groups:history'],
  'chat.postMessage': 'chat:write',
  'chat.postEphemeral': 'chat:write',
  'chat.update': 'chat:write',
  'users.info': 'users:read',
  'views.open': null,
  'views.update': null,
  'views.publish': null,
};
