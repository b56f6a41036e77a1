import { systemClock } from "../clock.js";
function createSqliteBookmarkStore(db, clock = systemClock) {
  const q = {
    add: db.prepare(
      `INSERT OR IGNORE INTO bookmarks (platform, workspace_id, user_id, paper_id, created_at)
       VALUES (@platform, @workspaceId, @userId, @paperId, @at)`
    ),
    remove: db.prepare(
      `DELETE FROM bookmarks WHERE platform = @platform AND workspace_id = @workspaceId AND user_id = @userId AND paper_id = @paperId`
    ),
    has: db.prepare(
      `SELECT 1 FROM bookmarks WHERE platform = @platform AND workspace_id = @workspaceId AND user_id = @userId AND paper_id = @paperId`
    ),
    count: db.prepare(
      `SELECT COUNT(*) AS n FROM bookmarks WHERE platform = @platform AND workspace_id = @workspaceId AND user_id = @userId`
    ),
    // rowid breaks ties between bookmarks made within the same millisecond.
    newest: db.prepare(
      `SELECT paper_id FROM bookmarks WHERE platform = @platform AND workspace_id = @workspaceId AND user_id = @userId
       ORDER BY created_at DESC, rowid DESC LIMIT @limit OFFSET @offset`
    ),
    oldest: db.prepare(
      `SELECT paper_id FROM bookmarks WHERE platform = @platform AND workspace_id = @workspaceId AND user_id = @userId
       ORDER BY created_at ASC, rowid ASC LIMIT @limit OFFSET @offset`
    ),
    record: db.prepare(
      `INSERT INTO messages (platform, channel_id, message_id, paper_id, created_at)
       VALUES (@platform, @channelId, @messageId, @paperId, @at)
       ON CONFLICT (platform, channel_id, message_id) DO UPDATE SET paper_id = excluded.paper_id`
    ),
    forMessage: db.prepare(
      `SELECT paper_id FROM messages WHERE platform = @platform AND channel_id = @channelId AND message_id = @messageId`
    )
  };
  const who = (o) => ({ platform: o.platform, workspaceId: o.workspaceId, userId: o.userId });
  const at = () => clock.now().toISOString();
  return {
    async add(owner, paperId) {
      return { added: q.add.run({ ...who(owner), paperId, at: at() }).changes > 0 };
    },
    async remove(owner, paperId) {
      return { removed: q.remove.run({ ...who(owner), paperId }).changes > 0 };
    },
    async has(owner, paperId) {
      return q.has.get({ ...who(owner), paperId }) !== void 0;
    },
    async list(owner, { limit, offset = 0, order = "newest" }) {
      const stmt = order === "newest" ? q.newest : q.oldest;
      const paperIds = stmt.all({ ...who(owner), limit, offset }).map((r) => r.paper_id);
      return { paperIds, total: q.count.get(who(owner)).n };
    },
    async recordMessage(ref, paperId) {
      q.record.run({ platform: ref.platform, channelId: ref.channelId, messageId: ref.messageId, paperId, at: at() });
    },
    async paperForMessage(ref) {
      return q.forMessage.get({ platform: ref.platform, channelId: ref.channelId, messageId: ref.messageId })?.paper_id;
    }
  };
}
export {
  createSqliteBookmarkStore
};
//# sourceMappingURL=sqlite-bookmark-store.js.map
