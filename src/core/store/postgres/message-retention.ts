import type pg from 'pg';
import type { MessageRetentionStore } from '../../bookmarks/message-retention.js';

/** MessageRetentionStore on PostgreSQL: the SQLite statement; a scheduled digest's post is kept. */
export function createPostgresMessageRetention(pool: pg.Pool): MessageRetentionStore {
  return {
    async pruneMessages(before) {
      const r = await pool.query(
        `DELETE FROM messages
         WHERE created_at < $1
           AND NOT EXISTS (SELECT 1 FROM posts p
                           WHERE p.platform = messages.platform AND p.channel_id = messages.channel_id AND p.message_id = messages.message_id)`,
        [before.toISOString()],
      );
      return r.rowCount ?? 0;
    },
  };
}
