import type { Clock } from '../../clock.js';
import { systemClock } from '../../clock.js';
import type { Db } from './open.js';
import { movePaperReferences } from './paper-store.js';
import type { BookmarkOwner, BookmarkStore, MessageRef } from '../../bookmarks/ports.js';

/** A re-keyed paper's bookmarks and message map follow it (inside the paper store's ingest transaction). */
export function rekeyBookmarks(db: Db, fromId: string, toId: string): void {
  movePaperReferences(db, 'bookmarks', 'paper_id', fromId, toId);
  movePaperReferences(db, 'messages', 'paper_id', fromId, toId);
}

/** The BookmarkStore on the `bookmarks` and `messages` tables of migration 002. */
export function createSqliteBookmarkStore(db: Db, clock: Clock = systemClock): BookmarkStore {
  const q = {
    add: db.prepare(
      `INSERT OR IGNORE INTO bookmarks (platform, workspace_id, user_id, paper_id, created_at)
       VALUES (@platform, @workspaceId, @userId, @paperId, @at)`,
    ),
    remove: db.prepare(
      `DELETE FROM bookmarks WHERE platform = @platform AND workspace_id = @workspaceId AND user_id = @userId AND paper_id = @paperId`,
    ),
    has: db.prepare(
      `SELECT 1 FROM bookmarks WHERE platform = @platform AND workspace_id = @workspaceId AND user_id = @userId AND paper_id = @paperId`,
    ),
    count: db.prepare<Record<string, unknown>, { n: number }>(
      `SELECT COUNT(*) AS n FROM bookmarks WHERE platform = @platform AND workspace_id = @workspaceId AND user_id = @userId`,
    ),
    // rowid breaks ties between bookmarks made within the same millisecond.
    newest: db.prepare<Record<string, unknown>, { paper_id: string }>(
      `SELECT paper_id FROM bookmarks WHERE platform = @platform AND workspace_id = @workspaceId AND user_id = @userId
       ORDER BY created_at DESC, rowid DESC LIMIT @limit OFFSET @offset`,
    ),
    oldest: db.prepare<Record<string, unknown>, { paper_id: string }>(
      `SELECT paper_id FROM bookmarks WHERE platform = @platform AND workspace_id = @workspaceId AND user_id = @userId
       ORDER BY created_at ASC, rowid ASC LIMIT @limit OFFSET @offset`,
    ),
    record: db.prepare(
      `INSERT INTO messages (platform, channel_id, message_id, paper_id, created_at)
       VALUES (@platform, @channelId, @messageId, @paperId, @at)
       ON CONFLICT (platform, channel_id, message_id) DO UPDATE SET paper_id = excluded.paper_id`,
    ),
    forMessage: db.prepare<Record<string, unknown>, { paper_id: string }>(
      `SELECT paper_id FROM messages WHERE platform = @platform AND channel_id = @channelId AND message_id = @messageId`,
    ),
    // The range keeps to the `dm:` rows of the primary key's (platform, channel_id) prefix; the
    // user is the pseudo-channel's suffix (`dm:<workspace>:<user>`).
    directMessage: db.prepare<Record<string, unknown>, { channel_id: string; paper_id: string }>(
      `SELECT channel_id, paper_id FROM messages
       WHERE platform = @platform AND channel_id >= 'dm:' AND channel_id < 'dm;' AND message_id = @messageId
         AND substr(channel_id, -length(@suffix)) = @suffix
       ORDER BY created_at DESC LIMIT 1`,
    ),
  };
  const who = (o: BookmarkOwner) => ({ platform: o.platform, workspaceId: o.workspaceId, userId: o.userId });
  const at = () => clock.now().toISOString();

  return {
    async add(owner, paperId) {
      return { added: q.add.run({ ...who(owner), paperId, at: at() }).changes > 0 };
    },
    async remove(owner, paperId) {
      return { removed: q.remove.run({ ...who(owner), paperId }).changes > 0 };
    },
    async has(owner, paperId) {
      return q.has.get({ ...who(owner), paperId }) !== undefined;
    },
    async list(owner, { limit, offset = 0, order = 'newest' }) {
      const stmt = order === 'newest' ? q.newest : q.oldest;
      const paperIds = stmt.all({ ...who(owner), limit, offset }).map((r) => r.paper_id);
      return { paperIds, total: q.count.get(who(owner))!.n };
    },
    async recordMessage(ref: MessageRef, paperId) {
      q.record.run({ platform: ref.platform, channelId: ref.channelId, messageId: ref.messageId, paperId, at: at() });
    },
    async paperForMessage(ref) {
      return q.forMessage.get({ platform: ref.platform, channelId: ref.channelId, messageId: ref.messageId })?.paper_id;
    },
    async directMessage(ref) {
      const row = q.directMessage.get({ platform: ref.platform, messageId: ref.messageId, suffix: `:${ref.userId}` });
      return row && { channelId: row.channel_id, paperId: row.paper_id };
    },
  };
}
