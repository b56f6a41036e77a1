import type { webApi } from '@slack/bolt';
import type { Logger } from '../../core/logger.js';

/**
 * Is this Slack user a workspace admin or owner? Users listed in SLACK_ADMIN_USERS always are;
 * otherwise users.info decides, cached for `ttlMs` so a busy channel does not hit Slack's rate
 * limit. When the lookup fails (missing users:read scope, Slack down) the answer is "no": admin
 * commands are refused with a message, never wrongly allowed.
 */
export function createAdminLookup(opts: {
  client: Pick<webApi.WebClient, 'users'>;
  adminUsers: string[];
  logger: Logger;
  ttlMs?: number;
  now?: () => number;
  /** Users remembered at most (one deployment may serve many workspaces); the oldest go first. */
  maxEntries?: number;
}): (userId: string, client?: Pick<webApi.WebClient, 'users'>) => Promise<boolean> {
  const configured = new Set(opts.adminUsers);
  const ttl = opts.ttlMs ?? 10 * 60_000;
  const now = opts.now ?? Date.now;
  const cache = new Map<string, { isAdmin: boolean; at: number; pending?: Promise<boolean> }>();
  const maxEntries = opts.maxEntries ?? 50_000;
  // Re-inserted on every fetch, so the Map's first key is the one fetched longest ago.
  const remember = (userId: string, entry: { isAdmin: boolean; at: number; pending?: Promise<boolean> }) => {
    cache.delete(userId);
    cache.set(userId, entry);
    if (cache.size > maxEntries) cache.delete(cache.keys().next().value as string);
  };

  // `client` is the request's own (its workspace token, with OAuth installs); user ids are unique across workspaces.
  return async (userId, client = opts.client) => {
    if (configured.has(userId)) return true;
    const hit = cache.get(userId);
    if (hit?.pending) return hit.pending;
    if (hit && now() - hit.at < ttl) return hit.isAdmin;
    const pending = (async () => {
      try {
        const res = await client.users.info({ user: userId });
        const u = res.user as { is_admin?: boolean; is_owner?: boolean; is_primary_owner?: boolean } | undefined;
        const isAdmin = Boolean(u?.is_admin || u?.is_owner || u?.is_primary_owner);
        remember(userId, { isAdmin, at: now() });
        return isAdmin;
      } catch (err) {
        opts.logger.warn({ userId, err }, 'users.info failed; treating the user as not an admin');
        // Cache the failure briefly too, so a missing scope does not cost a call per command.
        remember(userId, { isAdmin: false, at: now() - ttl + 60_000 });
        return false;
      }
    })();
    remember(userId, { isAdmin: false, at: 0, pending });
    return pending;
  };
}
