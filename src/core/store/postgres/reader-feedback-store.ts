import type pg from 'pg';
import { systemClock, type Clock } from '../../clock.js';
import type { Reader, ReaderFeedbackStore } from '../../recommend/ports.js';
import { movePaperReferences, type Queryable } from './tx.js';

const OWNER = 'platform = $1 AND workspace_id = $2 AND user_id = $3';
const key = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();
const who = (r: Reader) => [r.platform, r.workspaceId, r.userId];

/** A re-keyed paper's dismissals follow it (inside the paper store's ingest transaction). */
export async function rekeyDismissalsPg(c: Queryable, fromId: string, toId: string): Promise<void> {
  await movePaperReferences(c, 'dismissals', ['platform', 'workspace_id', 'user_id'], fromId, toId);
}

/** The ReaderFeedbackStore on PostgreSQL's `dismissals` and `pins` (the same tables as SQLite's 006). */
export function createPostgresReaderFeedbackStore(pool: pg.Pool, clock: Clock = systemClock): ReaderFeedbackStore {
  const at = () => clock.now().toISOString();
  return {
    async dismiss(r, paperId) {
      const res = await pool.query(
        'INSERT INTO dismissals (platform, workspace_id, user_id, paper_id, created_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING',
        [...who(r), paperId, at()],
      );
      return { added: (res.rowCount ?? 0) > 0 };
    },
    async undismiss(r, paperId) {
      const res = await pool.query(`DELETE FROM dismissals WHERE ${OWNER} AND paper_id = $4`, [...who(r), paperId]);
      return { removed: (res.rowCount ?? 0) > 0 };
    },
    async dismissed(r, limit) {
      const res = await pool.query<{ paper_id: string }>(`SELECT paper_id FROM dismissals WHERE ${OWNER} ORDER BY created_at DESC, paper_id LIMIT $4`, [...who(r), limit]);
      return res.rows.map((x) => x.paper_id);
    },
    async pin(r, text) {
      const pin = text.trim().replace(/\s+/g, ' ');
      const res = await pool.query(
        'INSERT INTO pins (platform, workspace_id, user_id, pin_key, pin, created_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING',
        [...who(r), key(pin), pin, at()],
      );
      return { added: (res.rowCount ?? 0) > 0 };
    },
    async unpin(r, text) {
      const res = await pool.query(`DELETE FROM pins WHERE ${OWNER} AND pin_key = $4`, [...who(r), key(text)]);
      return { removed: (res.rowCount ?? 0) > 0 };
    },
    async pins(r) {
      return (await pool.query<{ pin: string }>(`SELECT pin FROM pins WHERE ${OWNER} ORDER BY created_at, pin_key`, who(r))).rows.map((x) => x.pin);
    },
    async channelBookmarks(platform, channelId, limit) {
      const res = await pool.query<{ paper_id: string }>(
        `SELECT b.paper_id FROM bookmarks b JOIN posts p ON p.platform = b.platform AND p.paper_id = b.paper_id
         WHERE p.platform = $1 AND p.channel_id = $2
         GROUP BY b.paper_id ORDER BY MAX(b.created_at) DESC, b.paper_id LIMIT $3`,
        [platform, channelId, limit],
      );
      return res.rows.map((x) => x.paper_id);
    },
  };
}
