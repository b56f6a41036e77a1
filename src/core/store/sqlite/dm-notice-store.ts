import type { DmNotice, DmNoticeStore } from '../../digest/dm-notice-store.js';
import type { Reader } from '../../recommend/ports.js';
import type { Db } from './open.js';

type Row = { platform: DmNotice['platform']; workspace_id: string; user_id: string; reason: string; created_at: string };
const toNotice = (r: Row): DmNotice => ({ platform: r.platform, workspaceId: r.workspace_id, userId: r.user_id, reason: r.reason, createdAt: r.created_at });
const who = (r: Reader) => ({ platform: r.platform, workspaceId: r.workspaceId, userId: r.userId });
const OWNER = 'platform = @platform AND workspace_id = @workspaceId AND user_id = @userId';

/** The DmNoticeStore on the `dm_digest_notices` table of migration 011. */
export function createSqliteDmNoticeStore(db: Db): DmNoticeStore {
  const q = {
    add: db.prepare(
      `INSERT INTO dm_digest_notices (platform, workspace_id, user_id, reason, created_at) VALUES (@platform, @workspaceId, @userId, @reason, @createdAt)
       ON CONFLICT (platform, workspace_id, user_id) DO UPDATE SET reason = excluded.reason, created_at = excluded.created_at`,
    ),
    take: db.prepare<Record<string, unknown>, Row>(`DELETE FROM dm_digest_notices WHERE ${OWNER} RETURNING *`),
    clear: db.prepare(`DELETE FROM dm_digest_notices WHERE ${OWNER}`),
  };
  return {
    async add(n) {
      q.add.run({ ...who(n), reason: n.reason, createdAt: n.createdAt });
    },
    async take(r) {
      const row = q.take.get(who(r));
      return row ? toNotice(row) : undefined;
    },
    async clear(r) {
      q.clear.run(who(r));
    },
  };
}
