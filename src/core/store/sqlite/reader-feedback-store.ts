import { systemClock, type Clock } from '../../clock.js';
import type { Reader, ReaderFeedbackStore } from '../../recommend/ports.js';
import type { Db } from './open.js';
import { movePaperReferences } from './paper-store.js';

/** A re-keyed paper's dismissals follow it (inside the paper store's ingest transaction). */
export function rekeyDismissals(db: Db, fromId: string, toId: string): void {
  movePaperReferences(db, 'dismissals', 'paper_id', fromId, toId);
}

const key = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();

/** The ReaderFeedbackStore on the `dismissals` and `pins` tables of migration 006. */
export function createSqliteReaderFeedbackStore(db: Db, clock: Clock = systemClock): ReaderFeedbackStore {
  const who = (r: Reader) => ({ platform: r.platform, workspaceId: r.workspaceId, userId: r.userId });
  const owner = 'platform = @platform AND workspace_id = @workspaceId AND user_id = @userId';
  const q = {
    dismiss: db.prepare(
      `INSERT INTO dismissals (platform, workspace_id, user_id, paper_id, created_at) VALUES (@platform, @workspaceId, @userId, @paperId, @at)
       ON CONFLICT DO NOTHING`,
    ),
    undismiss: db.prepare(`DELETE FROM dismissals WHERE ${owner} AND paper_id = @paperId`),
    // rowid is SQLite's; created_at then paper_id orders the same on any backend within one millisecond.
    dismissed: db.prepare<Record<string, unknown>, { paper_id: string }>(
      `SELECT paper_id FROM dismissals WHERE ${owner} ORDER BY created_at DESC, paper_id LIMIT @limit`,
    ),
    pin: db.prepare(
      `INSERT INTO pins (platform, workspace_id, user_id, pin_key, pin, created_at) VALUES (@platform, @workspaceId, @userId, @key, @pin, @at)
       ON CONFLICT DO NOTHING`,
    ),
    unpin: db.prepare(`DELETE FROM pins WHERE ${owner} AND pin_key = @key`),
    pins: db.prepare<Record<string, unknown>, { pin: string }>(`SELECT pin FROM pins WHERE ${owner} ORDER BY created_at, pin_key`),
    // Reads the bookmarks (002) and posts (003) tables: the taste is where the two meet.
    channelBookmarks: db.prepare<Record<string, unknown>, { paper_id: string }>(
      `SELECT b.paper_id FROM bookmarks b JOIN posts p ON p.platform = b.platform AND p.paper_id = b.paper_id
       WHERE p.platform = @platform AND p.channel_id = @channelId
       GROUP BY b.paper_id ORDER BY MAX(b.created_at) DESC, b.paper_id LIMIT @limit`,
    ),
  };
  const at = () => clock.now().toISOString();
  return {
    async dismiss(r, paperId) {
      return { added: q.dismiss.run({ ...who(r), paperId, at: at() }).changes > 0 };
    },
    async undismiss(r, paperId) {
      return { removed: q.undismiss.run({ ...who(r), paperId }).changes > 0 };
    },
    async dismissed(r, limit) {
      return q.dismissed.all({ ...who(r), limit }).map((x) => x.paper_id);
    },
    async pin(r, text) {
      const pin = text.trim().replace(/\s+/g, ' ');
      return { added: q.pin.run({ ...who(r), key: key(pin), pin, at: at() }).changes > 0 };
    },
    async unpin(r, text) {
      return { removed: q.unpin.run({ ...who(r), key: key(text) }).changes > 0 };
    },
    async pins(r) {
      return q.pins.all(who(r)).map((x) => x.pin);
    },
    async channelBookmarks(platform, channelId, limit) {
      return q.channelBookmarks.all({ platform, channelId, limit }).map((x) => x.paper_id);
    },
  };
}
