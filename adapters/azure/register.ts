// AZURE_WATCH at start: the operator's watches, registered once per store. A watch already stored
// for the same channel is left as it is (its card place, language and start, perhaps set from chat);
// one naming another channel moves there, keeping how far discovery got.
import type { WatchSetting } from './config.js';
import { WATCH_GRACE_MS } from './desk.js';
import { type WatchStore, watchKey } from './ports.js';

export async function registerConfiguredWatches(
  store: WatchStore,
  settings: readonly WatchSetting[],
  now: number,
): Promise<void> {
  if (settings.length === 0) return;
  const stored = new Map(
    (await store.watches()).map((watch) => [watchKey(watch.tenantId, watch.subscriptionId), watch]),
  );
  for (const setting of settings) {
    const existing = stored.get(watchKey(setting.tenantId, setting.subscriptionId));
    if (existing && existing.platform === setting.platform && existing.channelId === setting.channelId)
      continue;
    await store.addWatch({
      ...setting,
      // Slack posts a card to a channel by its id; Teams needs the place captured from the channel.
      conversation: setting.platform === 'slack' ? { channel: setting.channelId } : null,
      locale: 'en',
      since: now - WATCH_GRACE_MS,
    });
  }
}
