import type { Installation, InstallationQuery, InstallationStore as BoltInstallationStore } from '@slack/bolt';
import type { Logger } from '../../core/logger.js';
import type { InstallationStore } from '../../core/store/installations.js';

/** An org-wide install is keyed by its org (E…), every other by its workspace (T…). */
export function installationIdOf(q: { isEnterpriseInstall?: boolean; enterpriseId?: string; teamId?: string }): string | undefined {
  return q.isEnterpriseInstall && q.enterpriseId ? q.enterpriseId : q.teamId;
}

/**
 * Bolt's InstallationStore on the core's: Bolt's Installation goes in as JSON text, so the core
 * needs no Slack types. Every instance sharing the store sees an install made through any of them.
 */
export function createBoltInstallationStore(store: InstallationStore, logger: Logger, now: () => Date = () => new Date()): BoltInstallationStore {
  return {
    async storeInstallation(installation) {
      const id = installationIdOf({ isEnterpriseInstall: installation.isEnterpriseInstall, enterpriseId: installation.enterprise?.id, teamId: installation.team?.id });
      if (!id) throw new Error('Slack installation has neither a team nor an org id');
      await store.save('slack', id, JSON.stringify(installation), now());
      logger.info({ installationId: id, team: installation.team?.name }, 'slack workspace installed');
    },
    async fetchInstallation(query: InstallationQuery<boolean>) {
      const id = installationIdOf(query);
      const data = id ? await store.get('slack', id) : undefined;
      // Bolt turns this into an authorization failure for the request: logged, nothing answered.
      if (!data) throw new Error(`no Slack installation for ${id ?? 'a request without a team'}`);
      return JSON.parse(data) as Installation<'v1' | 'v2', boolean>;
    },
    async deleteInstallation(query: InstallationQuery<boolean>) {
      const id = installationIdOf(query);
      if (id) await store.delete('slack', id);
    },
  };
}

/**
 * The bot token for a post that comes from no request (digests), undefined when none is usable: the
 * installation remembered for the channel, else the one of its workspace (the subscription's team
 * id). The workspace fallback is what lets a bot moved from one token to OAuth installs post to
 * channels it has not heard from since.
 */
export async function botTokenForChannel(store: InstallationStore, channelId: string, workspaceId?: string): Promise<string | undefined> {
  const id = await store.installationOfChannel('slack', channelId);
  const token = id ? await botTokenOf(store, id) : undefined;
  return token ?? (workspaceId && workspaceId !== id ? await botTokenOf(store, workspaceId) : undefined);
}

/** The bot token of one installation (a workspace's T… id, or an org's E… id); undefined when none is usable. */
export async function botTokenOf(store: InstallationStore, installationId: string): Promise<string | undefined> {
  const data = await store.get('slack', installationId);
  if (!data) return undefined;
  let token: unknown;
  try {
    token = (JSON.parse(data) as Partial<Installation>).bot?.token;
  } catch {
    // A damaged record reaches no one: the channel is paused with a reason rather than retried.
    return undefined;
  }
  return typeof token === 'string' && token ? token : undefined;
}
