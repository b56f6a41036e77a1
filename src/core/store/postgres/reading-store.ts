import type pg from 'pg';
import type { BookmarkOwner } from '../../bookmarks/ports.js';
import type { Annotation, BookmarkQuery, ReadingStore } from '../../reading/ports.js';
import { movePaperReferences, withTransaction, type Queryable } from './tx.js';

// The same statements as the SQLite store (migration 008's tables), with positional parameters.
const OWNER = 'platform = $1 AND workspace_id = $2 AND user_id = $3';
const B_OWNER = 'b.platform = $1 AND b.workspace_id = $2 AND b.user_id = $3';
const NOTE_JOIN = `LEFT JOIN reading_notes n ON n.platform = b.platform AND n.workspace_id = b.workspace_id
  AND n.user_id = b.user_id AND n.paper_id = b.paper_id`;
const FILTER = `($4::boolean = false OR n.read_at IS NULL)
  AND ($5::text IS NULL OR EXISTS (SELECT 1 FROM reading_tags t WHERE t.platform = b.platform AND t.workspace_id = b.workspace_id
    AND t.user_id = b.user_id AND t.paper_id = b.paper_id AND t.tag_key = $5))`;
const ORDER: Record<NonNullable<BookmarkQuery['order']>, string> = {
  newest: 'b.created_at DESC, b.paper_id DESC',
  oldest: 'b.created_at ASC, b.paper_id ASC',
  'unread-first': 'CASE WHEN n.read_at IS NULL THEN 0 ELSE 1 END, b.created_at DESC, b.paper_id DESC',
};
const who = (o: BookmarkOwner) => [o.platform, o.workspaceId, o.userId];

/** A re-keyed paper's notes and tags follow it (inside the paper store's ingest transaction). */
export async function rekeyReadingPg(c: Queryable, fromId: string, toId: string): Promise<void> {
  await movePaperReferences(c, 'reading_notes', ['platform', 'workspace_id', 'user_id'], fromId, toId);
  await movePaperReferences(c, 'reading_tags', ['platform', 'workspace_id', 'user_id', 'tag_key'], fromId, toId);
}

/** The ReadingStore on PostgreSQL's reading_notes and reading_tags (bookmarks read, never written). */
export function createPostgresReadingStore(pool: pg.Pool, clockNow: () => Date = () => new Date()): ReadingStore {
  const now = () => clockNow().toISOString();
  const noteRow = async (c: Queryable, o: BookmarkOwner, paperId: string) =>
    (await c.query<{ note: string | null; read_at: string | null }>(`SELECT note, read_at FROM reading_notes WHERE ${OWNER} AND paper_id = $4`, [...who(o), paperId])).rows[0];
  return {
    async setNote(owner, paperId, note) {
      return withTransaction(pool, async (c) => {
        const previous = (await noteRow(c, owner, paperId))?.note ?? undefined;
        await c.query(
          `INSERT INTO reading_notes (platform, workspace_id, user_id, paper_id, note, read_at, updated_at) VALUES ($1, $2, $3, $4, $5, NULL, $6)
           ON CONFLICT (platform, workspace_id, user_id, paper_id) DO UPDATE SET note = excluded.note, updated_at = excluded.updated_at`,
          [...who(owner), paperId, note ?? null, now()],
        );
        return previous === undefined ? {} : { previous };
      });
    },
    async setRead(owner, paperId, read) {
      return withTransaction(pool, async (c) => {
        const was = (await noteRow(c, owner, paperId))?.read_at != null;
        if (was === read) return { changed: false };
        await c.query(
          `INSERT INTO reading_notes (platform, workspace_id, user_id, paper_id, note, read_at, updated_at) VALUES ($1, $2, $3, $4, NULL, $5, $6)
           ON CONFLICT (platform, workspace_id, user_id, paper_id) DO UPDATE SET read_at = excluded.read_at, updated_at = excluded.updated_at`,
          [...who(owner), paperId, read ? now() : null, now()],
        );
        return { changed: true };
      });
    },
    async addTags(owner, paperId, tags) {
      return withTransaction(pool, async (c) => {
        const added: string[] = [];
        for (const t of tags) {
          const r = await c.query(
            `INSERT INTO reading_tags (platform, workspace_id, user_id, paper_id, tag_key, tag, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
             ON CONFLICT (platform, workspace_id, user_id, paper_id, tag_key) DO NOTHING`,
            [...who(owner), paperId, t.key, t.tag, now()],
          );
          if ((r.rowCount ?? 0) > 0) added.push(t.key);
        }
        return { added };
      });
    },
    async removeTags(owner, paperId, keys) {
      return withTransaction(pool, async (c) => {
        const removed: string[] = [];
        for (const key of keys) {
          const r = await c.query(`DELETE FROM reading_tags WHERE ${OWNER} AND paper_id = $4 AND tag_key = $5`, [...who(owner), paperId, key]);
          if ((r.rowCount ?? 0) > 0) removed.push(key);
        }
        return { removed };
      });
    },
    async annotations(owner, paperIds) {
      const out = new Map<string, Annotation>();
      if (!paperIds.length) return out;
      const entry = (id: string) => out.get(id) ?? (out.set(id, { tags: [] }), out.get(id)!);
      const notes = await pool.query<{ paper_id: string; note: string | null; read_at: string | null }>(
        `SELECT paper_id, note, read_at FROM reading_notes WHERE ${OWNER} AND paper_id = ANY($4)`,
        [...who(owner), paperIds],
      );
      for (const r of notes.rows) {
        if (r.note === null && r.read_at === null) continue;
        const a = entry(r.paper_id);
        if (r.note !== null) a.note = r.note;
        if (r.read_at !== null) a.readAt = r.read_at;
      }
      const tags = await pool.query<{ paper_id: string; tag: string }>(
        `SELECT paper_id, tag FROM reading_tags WHERE ${OWNER} AND paper_id = ANY($4) ORDER BY created_at, tag_key`,
        [...who(owner), paperIds],
      );
      for (const r of tags.rows) entry(r.paper_id).tags.push(r.tag);
      return out;
    },
    async listBookmarks(owner, { limit, offset = 0, tagKey, unreadOnly = false, order = 'newest' }) {
      const params = [...who(owner), unreadOnly, tagKey ?? null];
      const rows = await pool.query<{ paper_id: string }>(
        `SELECT b.paper_id FROM bookmarks b ${NOTE_JOIN} WHERE ${B_OWNER} AND ${FILTER} ORDER BY ${ORDER[order]} LIMIT $6 OFFSET $7`,
        [...params, limit, offset],
      );
      const total = (await pool.query<{ n: number }>(`SELECT COUNT(*)::int AS n FROM bookmarks b ${NOTE_JOIN} WHERE ${B_OWNER} AND ${FILTER}`, params)).rows[0]!.n;
      return { paperIds: rows.rows.map((r) => r.paper_id), total };
    },
    async tagCounts(owner) {
      const r = await pool.query<{ key: string; tag: string; count: number }>(
        `SELECT t.tag_key AS key, MIN(t.tag) AS tag, COUNT(*)::int AS count FROM reading_tags t
         JOIN bookmarks b ON b.platform = t.platform AND b.workspace_id = t.workspace_id AND b.user_id = t.user_id AND b.paper_id = t.paper_id
         WHERE ${B_OWNER} GROUP BY t.tag_key ORDER BY count DESC, key`,
        who(owner),
      );
      return r.rows;
    },
  };
}
