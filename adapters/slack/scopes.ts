// Bot scopes for every Web API method the adapter calls; the manifest test checks the manifest has them.
export const BOT_SCOPES = ['commands', 'chat:write', 'users:read'] as const;

/** Web API method → the bot scope it needs (none: works with any bot token). */
export const METHOD_SCOPES: Readonly<Record<string, string | null>> = {
  'chat.postMessage': 'chat:write',
  'chat.postEphemeral': 'chat:write',
  'chat.update': 'chat:write',
  'users.info': 'users:read',
  'views.open': null,
  'views.publish': null,
};
