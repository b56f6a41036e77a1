import type { MessageRetentionStore } from '../../bookmarks/message-retention.js';
import type { Db } from './open.js';

/**
 * MessageRetentionStore on the `messages` table (migration 002). A message that is a scheduled
 * digest's post (in `posts`, migration 003) is kept: a channel's digest stays bookmarkable.
 */
export function createSqliteMessageRetention(db: Db): MessageRetentionStore {
  const prune = db.prepare(
    `DELETE FROM messages
     WHERE created_at < ?
       AND NOT EXISTS (SELECT 1 FROM posts p
                       WHERE p.platform = messages.platform AND p.channel_id = messages.channel_id AND p.message_id = messages.message_id)`,
  );
  return {
    async pruneMessages(before) {
      return prune.run(before.toISOString()).changes;
    },
  };
}
