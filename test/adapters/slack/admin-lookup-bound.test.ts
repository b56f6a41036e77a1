import { describe, expect, it } from 'vitest';
import { createAdminLookup } from '../../../src/adapters/slack/admin-lookup.js';
import { silentLogger } from '../../../src/core/logger.js';

/** A users.info stand-in that counts calls per user and names which client (token) asked. */
function usersApi(token: string, calls: string[]) {
  return {
    users: {
      info: async ({ user }: { user: string }) => {
        calls.push(`${token}:${user}`);
        return { ok: true, user: { is_admin: user.startsWith('UA') } };
      },
    },
  } as unknown as Parameters<typeof createAdminLookup>[0]['client'];
}

describe('Slack admin lookup across many workspaces', () => {
  it('asks with the request’s own client, and remembers at most maxEntries users (oldest fetched first out)', async () => {
    const calls: string[] = [];
    const isAdmin = createAdminLookup({ client: usersApi('default', calls), adminUsers: [], logger: silentLogger, maxEntries: 2 });
    const t1 = usersApi('xoxb-T1', calls);
    expect(await isAdmin('UA1', t1)).toBe(true);
    expect(await isAdmin('U2', usersApi('xoxb-T2', calls))).toBe(false);
    expect(await isAdmin('U3', t1)).toBe(false);
    expect(await isAdmin('U3', t1)).toBe(false); // cached
    expect(await isAdmin('UA1', t1)).toBe(true); // evicted by U3: fetched again
    expect(calls).toEqual(['xoxb-T1:UA1', 'xoxb-T2:U2', 'xoxb-T1:U3', 'xoxb-T1:UA1']);
  });
});
