import type { Source } from '../../paper.js';
import type { TrendsReader } from '../../trends/ports.js';
import type { Db } from './open.js';

/**
 * The trends reads over migration 001's digests and 002's bookmarks. Plain joins and GROUP BY only
 * (no JSON functions, no SQLite-only syntax): the PostgreSQL backend can reuse the statements.
 */
export function createSqliteTrendsReader(db: Db): TrendsReader {
  // digest_papers' UNIQUE (digest_id, paper_id) index serves the join; digests is a few rows a day.
  const appearances = db.prepare(`
    SELECT dp.paper_id AS paper_id, p.title AS title, p.keywords AS keywords, d.date AS date, d.source AS source
    FROM digests d
    JOIN digest_papers dp ON dp.digest_id = d.id
    JOIN papers p ON p.id = dp.paper_id
    WHERE d.date BETWEEN ? AND ?`);
  const bookmarked = db.prepare(`
    SELECT b.paper_id AS paper_id, p.title AS title, COUNT(*) AS n, MAX(b.created_at) AS latest
    FROM bookmarks b
    JOIN papers p ON p.id = b.paper_id
    WHERE b.platform = ? AND b.workspace_id = ? AND b.created_at >= ? AND b.created_at < ?
    GROUP BY b.paper_id, p.title
    ORDER BY n DESC, latest DESC, b.paper_id
    LIMIT ?`);
  return {
    async appearances(fromDate, toDate) {
      const rows = appearances.all(fromDate, toDate) as Array<{ paper_id: string; title: string; keywords: string; date: string; source: Source }>;
      // Keyword lists repeat per digest a paper is in: parse each distinct JSON text once.
      const parsed = new Map<string, string[]>();
      return rows.map((r) => {
        let keywords = parsed.get(r.keywords);
        if (!keywords) parsed.set(r.keywords, (keywords = JSON.parse(r.keywords) as string[]));
        return { paperId: r.paper_id, title: r.title, keywords, date: r.date, source: r.source };
      });
    },
    async mostBookmarked(w, fromIso, toIso, limit) {
      const rows = bookmarked.all(w.platform, w.workspaceId, fromIso, toIso, limit) as Array<{ paper_id: string; title: string; n: number }>;
      return rows.map((r) => ({ paperId: r.paper_id, title: r.title, count: r.n }));
    },
  };
}
