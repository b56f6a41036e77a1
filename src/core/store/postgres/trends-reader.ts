import type pg from 'pg';
import type { Source } from '../../paper.js';
import type { TrendsReader } from '../../trends/ports.js';
import { DAILY_COUNTS_SQL, MOST_BOOKMARKED_SQL, papersPerWeekStatement, perWeek, termCountsStatement } from '../trends-sql.js';
import { withTransaction } from './tx.js';

const p = (n: number) => `$${n}`;

/** The trends reads on PostgreSQL: the SQLite reader's statements (../trends-sql.ts) with $n placeholders. */
export function createPostgresTrendsReader(pool: pg.Pool): TrendsReader {
  return {
    async dailyCounts(fromDate, toDate) {
      const r = await pool.query<{ date: string; source: Source; n: number }>(DAILY_COUNTS_SQL(p), [fromDate, toDate]);
      return r.rows.map((row) => ({ date: row.date, source: row.source, count: row.n }));
    },
    async termCounts(window, minThisWeek) {
      // REPEATABLE READ: both counts see one snapshot even while another instance ingests.
      return withTransaction(pool, async (c) => {
        await c.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
        const weeks = papersPerWeekStatement(window, p);
        const terms = termCountsStatement(window, minThisWeek, p);
        const perW = (await c.query<{ w: number; n: number }>(weeks.sql, weeks.params)).rows;
        const rows = (await c.query<{ term: string; this_week: number; earlier: number }>(terms.sql, terms.params)).rows;
        return { papersPerWeek: perWeek(window, perW), terms: rows.map((r) => ({ term: r.term, thisWeek: r.this_week, earlier: r.earlier })) };
      });
    },
    async mostBookmarked(w, fromIso, toIso, limit) {
      const r = await pool.query<{ paper_id: string; title: string; n: number }>(MOST_BOOKMARKED_SQL(p), [w.platform, w.workspaceId, fromIso, toIso, limit]);
      return r.rows.map((row) => ({ paperId: row.paper_id, title: row.title, count: row.n }));
    },
  };
}
