import type { BookmarkOwner } from '../../bookmarks/ports.js';
import type { Annotation, ReadingStore } from '../../reading/ports.js';
import type { Db } from './open.js';
import { movePaperReferences } from './paper-store.js';

/** A re-keyed paper's notes and tags follow it (inside the paper store's ingest transaction). */
export function rekeyReading(db: Db, fromId: string, toId: string): void {
  movePaperReferences(db, 'reading_notes', 'paper_id', fromId, toId);
  movePaperReferences(db, 'reading_tags', 'paper_id', fromId, toId);
}

// Plain SQL (ON CONFLICT … DO UPDATE/NOTHING, no JSON): the PostgreSQL port runs the same statements, but for
// the tie-break of bookmarks made in the same millisecond, which follows the bookmark store's (rowid here).
const OWNER = 'platform = @platform AND workspace_id = @workspaceId AND user_id = @userId';
const B_OWNER = 'b.platform = @platform AND b.workspace_id = @workspaceId AND b.user_id = @userId';
const NOTE_JOIN = `LEFT JOIN reading_notes n ON n.platform = b.platform AND n.workspace_id = b.workspace_id
  AND n.user_id = b.user_id AND n.paper_id = b.paper_id`;
const FILTER = `(@unreadOnly = 0 OR n.read_at IS NULL)
  AND (@tagKey IS NULL OR EXISTS (SELECT 1 FROM reading_tags t WHERE t.platform = b.platform AND t.workspace_id = b.workspace_id
    AND t.user_id = b.user_id AND t.paper_id = b.paper_id AND t.tag_key = @tagKey))`;
const ORDER = {
  newest: 'b.created_at DESC, b.rowid DESC',
  oldest: 'b.created_at ASC, b.rowid ASC',
  'unread-first': 'CASE WHEN n.read_at IS NULL THEN 0 ELSE 1 END, b.created_at DESC, b.rowid DESC',
} as const;

/** The ReadingStore on the reading_notes and reading_tags tables of migration 008 (bookmarks read, never written). */
export function createSqliteReadingStore(db: Db, clockNow: () => Date = () => new Date()): ReadingStore {
  const q = {
    noteRow: db.prepare<Record<string, unknown>, { note: string | null; read_at: string | null }>(
      `SELECT note, read_at FROM reading_notes WHERE ${OWNER} AND paper_id = @paperId`,
    ),
    setNote: db.prepare(
      `INSERT INTO reading_notes (platform, workspace_id, user_id, paper_id, note, read_at, updated_at)
       VALUES (@platform, @workspaceId, @userId, @paperId, @note, NULL, @now)
       ON CONFLICT (platform, workspace_id, user_id, paper_id) DO UPDATE SET note = excluded.note, updated_at = excluded.updated_at`,
    ),
    setRead: db.prepare(
      `INSERT INTO reading_notes (platform, workspace_id, user_id, paper_id, note, read_at, updated_at)
       VALUES (@platform, @workspaceId, @userId, @paperId, NULL, @readAt, @now)
       ON CONFLICT (platform, workspace_id, user_id, paper_id) DO UPDATE SET read_at = excluded.read_at, updated_at = excluded.updated_at`,
    ),
    addTag: db.prepare(
      `INSERT INTO reading_tags (platform, workspace_id, user_id, paper_id, tag_key, tag, created_at)
       VALUES (@platform, @workspaceId, @userId, @paperId, @key, @tag, @now)
       ON CONFLICT (platform, workspace_id, user_id, paper_id, tag_key) DO NOTHING`,
    ),
    removeTag: db.prepare(`DELETE FROM reading_tags WHERE ${OWNER} AND paper_id = @paperId AND tag_key = @key`),
    notes: db.prepare<Record<string, unknown>, { paper_id: string; note: string | null; read_at: string | null }>(
      `SELECT paper_id, note, read_at FROM reading_notes WHERE ${OWNER}`,
    ),
    tags: db.prepare<Record<string, unknown>, { paper_id: string; tag: string }>(
      `SELECT paper_id, tag FROM reading_tags WHERE ${OWNER} ORDER BY created_at, tag_key`,
    ),
    count: db.prepare<Record<string, unknown>, { n: number }>(`SELECT COUNT(*) AS n FROM bookmarks b ${NOTE_JOIN} WHERE ${B_OWNER} AND ${FILTER}`),
    list: Object.fromEntries(
      Object.entries(ORDER).map(([k, order]) => [
        k,
        db.prepare<Record<string, unknown>, { paper_id: string }>(
          `SELECT b.paper_id FROM bookmarks b ${NOTE_JOIN} WHERE ${B_OWNER} AND ${FILTER} ORDER BY ${order} LIMIT @limit OFFSET @offset`,
        ),
      ]),
    ) as Record<keyof typeof ORDER, ReturnType<typeof db.prepare<Record<string, unknown>, { paper_id: string }>>>,
    tagCounts: db.prepare<Record<string, unknown>, { key: string; tag: string; count: number }>(
      `SELECT t.tag_key AS key, MIN(t.tag) AS tag, COUNT(*) AS count FROM reading_tags t
       JOIN bookmarks b ON b.platform = t.platform AND b.workspace_id = t.workspace_id AND b.user_id = t.user_id AND b.paper_id = t.paper_id
       WHERE ${B_OWNER} GROUP BY t.tag_key ORDER BY count DESC, key`,
    ),
  };
  const who = (o: BookmarkOwner) => ({ platform: o.platform, workspaceId: o.workspaceId, userId: o.userId });
  const now = () => clockNow().toISOString();

  const addTags = db.transaction((params: Record<string, unknown>, tags: Array<{ tag: string; key: string }>) =>
    tags.filter((t) => q.addTag.run({ ...params, ...t, now: now() }).changes > 0).map((t) => t.key),
  );
  const removeTags = db.transaction((params: Record<string, unknown>, keys: string[]) =>
    keys.filter((key) => q.removeTag.run({ ...params, key }).changes > 0),
  );

  return {
    async setNote(owner, paperId, note) {
      const params = { ...who(owner), paperId };
      const previous = q.noteRow.get(params)?.note ?? undefined;
      q.setNote.run({ ...params, note: note ?? null, now: now() });
      return previous === undefined ? {} : { previous };
    },
    async setRead(owner, paperId, read) {
      const params = { ...who(owner), paperId };
      const was = q.noteRow.get(params)?.read_at != null;
      if (was === read) return { changed: false };
      q.setRead.run({ ...params, readAt: read ? now() : null, now: now() });
      return { changed: true };
    },
    async addTags(owner, paperId, tags) {
      return { added: addTags({ ...who(owner), paperId }, tags) };
    },
    async removeTags(owner, paperId, keys) {
      return { removed: removeTags({ ...who(owner), paperId }, keys) };
    },
    async annotations(owner, paperIds) {
      // One person's annotations are bounded by their own bookmarks: read them all, keep those asked.
      const wanted = new Set(paperIds);
      const out = new Map<string, Annotation>();
      const entry = (id: string) => out.get(id) ?? (out.set(id, { tags: [] }), out.get(id)!);
      for (const r of q.notes.all(who(owner))) {
        if (!wanted.has(r.paper_id) || (r.note === null && r.read_at === null)) continue;
        const a = entry(r.paper_id);
        if (r.note !== null) a.note = r.note;
        if (r.read_at !== null) a.readAt = r.read_at;
      }
      for (const r of q.tags.all(who(owner))) if (wanted.has(r.paper_id)) entry(r.paper_id).tags.push(r.tag);
      return out;
    },
    async listBookmarks(owner, { limit, offset = 0, tagKey, unreadOnly = false, order = 'newest' }) {
      const params = { ...who(owner), tagKey: tagKey ?? null, unreadOnly: unreadOnly ? 1 : 0 };
      const paperIds = q.list[order].all({ ...params, limit, offset }).map((r) => r.paper_id);
      return { paperIds, total: q.count.get(params)!.n };
    },
    async tagCounts(owner) {
      return q.tagCounts.all(who(owner));
    },
  };
}
