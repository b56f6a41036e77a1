import type pg from 'pg';
import type { Source } from '../../paper.js';
import type { TrendsReader } from '../../trends/ports.js';

/** The trends reads on PostgreSQL: the SQLite reader's statements with positional parameters. */
export function createPostgresTrendsReader(pool: pg.Pool): TrendsReader {
  return {
    async appearances(fromDate, toDate) {
      const r = await pool.query<{ paper_id: string; title: string; keywords: string; date: string; source: Source }>(
        `SELECT dp.paper_id AS paper_id, p.title AS title, p.keywords AS keywords, d.date AS date, d.source AS source
         FROM digests d
         JOIN digest_papers dp ON dp.digest_id = d.id
         JOIN papers p ON p.id = dp.paper_id
         WHERE d.date BETWEEN $1 AND $2`,
        [fromDate, toDate],
      );
      // Keyword lists repeat per digest a paper is in: parse each distinct JSON text once.
      const parsed = new Map<string, string[]>();
      return r.rows.map((row) => {
        let keywords = parsed.get(row.keywords);
        if (!keywords) parsed.set(row.keywords, (keywords = JSON.parse(row.keywords) as string[]));
        return { paperId: row.paper_id, title: row.title, keywords, date: row.date, source: row.source };
      });
    },
    async mostBookmarked(w, fromIso, toIso, limit) {
      const r = await pool.query<{ paper_id: string; title: string; n: number }>(
        `SELECT b.paper_id AS paper_id, p.title AS title, COUNT(*)::int AS n, MAX(b.created_at) AS latest
         FROM bookmarks b
         JOIN papers p ON p.id = b.paper_id
         WHERE b.platform = $1 AND b.workspace_id = $2 AND b.created_at >= $3 AND b.created_at < $4
         GROUP BY b.paper_id, p.title
         ORDER BY n DESC, latest DESC, b.paper_id
         LIMIT $5`,
        [w.platform, w.workspaceId, fromIso, toIso, limit],
      );
      return r.rows.map((row) => ({ paperId: row.paper_id, title: row.title, count: row.n }));
    },
  };
}
