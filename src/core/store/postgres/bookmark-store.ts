import type pg from 'pg';
import type { BookmarkStore } from '../../bookmarks/ports.js';
import { systemClock, type Clock } from '../../clock.js';
import { movePaperReferences, type Queryable } from './tx.js';

/** A re-keyed paper's bookmarks and message map follow it (inside the paper store's ingest transaction). */
export async function rekeyBookmarksPg(c: Queryable, fromId: string, toId: string): Promise<void> {
  await movePaperReferences(c, 'bookmarks', ['platform', 'workspace_id', 'user_id'], fromId, toId);
  await movePaperReferences(c, 'messages', [], fromId, toId);
}

/** The BookmarkStore on PostgreSQL's `bookmarks` and `messages` tables. */
export function createPostgresBookmarkStore(pool: pg.Pool, clock: Clock = systemClock): BookmarkStore {
  const OWNER = 'platform = $1 AND workspace_id = $2 AND user_id = $3';
  const at = () => clock.now().toISOString();
  return {
    async add(o, paperId) {
      const r = await pool.query(
        'INSERT INTO bookmarks (platform, workspace_id, user_id, paper_id, created_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING',
        [o.platform, o.workspaceId, o.userId, paperId, at()],
      );
      return { added: (r.rowCount ?? 0) > 0 };
    },
    async remove(o, paperId) {
      const r = await pool.query(`DELETE FROM bookmarks WHERE ${OWNER} AND paper_id = $4`, [o.platform, o.workspaceId, o.userId, paperId]);
      return { removed: (r.rowCount ?? 0) > 0 };
    },
    async has(o, paperId) {
      return ((await pool.query(`SELECT 1 FROM bookmarks WHERE ${OWNER} AND paper_id = $4`, [o.platform, o.workspaceId, o.userId, paperId])).rowCount ?? 0) > 0;
    },
    async list(o, { limit, offset = 0, order = 'newest' }) {
      // id breaks ties between bookmarks made within the same millisecond (SQLite uses rowid).
      const dir = order === 'newest' ? 'DESC' : 'ASC';
      const params = [o.platform, o.workspaceId, o.userId];
      const rows = await pool.query<{ paper_id: string }>(`SELECT paper_id FROM bookmarks WHERE ${OWNER} ORDER BY created_at ${dir}, id ${dir} LIMIT $4 OFFSET $5`, [...params, limit, offset]);
      const total = (await pool.query<{ n: number }>(`SELECT COUNT(*)::int AS n FROM bookmarks WHERE ${OWNER}`, params)).rows[0]!.n;
      return { paperIds: rows.rows.map((r) => r.paper_id), total };
    },
    async recordMessage(ref, paperId) {
      await pool.query(
        `INSERT INTO messages (platform, channel_id, message_id, paper_id, created_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (platform, channel_id, message_id) DO UPDATE SET paper_id = excluded.paper_id`,
        [ref.platform, ref.channelId, ref.messageId, paperId, at()],
      );
    },
    async paperForMessage(ref) {
      const r = await pool.query<{ paper_id: string }>('SELECT paper_id FROM messages WHERE platform = $1 AND channel_id = $2 AND message_id = $3', [ref.platform, ref.channelId, ref.messageId]);
      return r.rows[0]?.paper_id;
    },
    async directMessage(ref) {
      // A personal digest's rows are under `dm:<workspace>:<user>`; starts_with/right, not LIKE, so
      // no character of an id acts as a wildcard.
      const r = await pool.query<{ channel_id: string; paper_id: string }>(
        `SELECT channel_id, paper_id FROM messages
         WHERE platform = $1 AND message_id = $2 AND starts_with(channel_id, 'dm:') AND right(channel_id, length($3)) = $3
         ORDER BY created_at DESC LIMIT 1`,
        [ref.platform, ref.messageId, `:${ref.userId}`],
      );
      const row = r.rows[0];
      return row && { channelId: row.channel_id, paperId: row.paper_id };
    },
  };
}
