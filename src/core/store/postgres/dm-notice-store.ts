import type pg from 'pg';
import type { DmNotice, DmNoticeStore } from '../../digest/dm-notice-store.js';
import type { Reader } from '../../recommend/ports.js';

type Row = { platform: DmNotice['platform']; workspace_id: string; user_id: string; reason: string; created_at: string };
const OWNER = 'platform = $1 AND workspace_id = $2 AND user_id = $3';
const who = (r: Reader) => [r.platform, r.workspaceId, r.userId];

/** The DmNoticeStore on PostgreSQL's `dm_digest_notices` (the same table as SQLite's 011). */
export function createPostgresDmNoticeStore(pool: pg.Pool): DmNoticeStore {
  return {
    async add(n) {
      await pool.query(
        `INSERT INTO dm_digest_notices (platform, workspace_id, user_id, reason, created_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (platform, workspace_id, user_id) DO UPDATE SET reason = excluded.reason, created_at = excluded.created_at`,
        [...who(n), n.reason, n.createdAt],
      );
    },
    async take(r) {
      const row = (await pool.query<Row>(`DELETE FROM dm_digest_notices WHERE ${OWNER} RETURNING *`, who(r))).rows[0];
      return row ? { platform: row.platform, workspaceId: row.workspace_id, userId: row.user_id, reason: row.reason, createdAt: row.created_at } : undefined;
    },
    async clear(r) {
      await pool.query(`DELETE FROM dm_digest_notices WHERE ${OWNER}`, who(r));
    },
  };
}
