// OAuth installations kept in the project's store, one row per workspace (or org-wide install).
import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import type { Store } from '../../src/store/store.js';

function keyOf(query: { isEnterpriseInstall?: boolean; enterpriseId?: string; teamId?: string }): string {
  if (query.isEnterpriseInstall && query.enterpriseId) return `enterprise:${query.enterpriseId}`;
  return `team:${query.teamId ?? ''}`;
}

export function installationStore(store: Store): InstallationStore {
  return {
    async storeInstallation(installation: Installation) {
      const key = keyOf({
        isEnterpriseInstall: installation.isEnterpriseInstall,
        enterpriseId: installation.enterprise?.id,
        teamId: installation.team?.id,
      });
      await store.saveInstallation('slack', key, installation);
    },
    async fetchInstallation(query: InstallationQuery<boolean>) {
      const found = await store.getInstallation('slack', keyOf(query));
      if (!found) throw new Error(`no Slack installation for ${keyOf(query)}`);
      return found as Installation<'v1' | 'v2', boolean>;
    },
    async deleteInstallation(query: InstallationQuery<boolean>) {
      await store.deleteInstallation('slack', keyOf(query));
    },
  };
}

/** The bot token of a workspace's installation, for posts outside a request (reminders). */
export async function installedBotToken(store: Store, teamId: string): Promise<string | undefined> {
  const found = (await store.getInstallation('slack', keyOf({ teamId }))) as Installation | null;
  return found?.bot?.token;
}
