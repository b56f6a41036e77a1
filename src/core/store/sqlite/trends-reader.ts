import type { Source } from '../../paper.js';
import type { TrendsReader } from '../../trends/ports.js';
import { DAILY_COUNTS_SQL, MOST_BOOKMARKED_SQL, papersPerWeekStatement, perWeek, termCountsStatement, type Statement } from '../trends-sql.js';
import type { Db } from './open.js';

// better-sqlite3 binds numbered placeholders only by name: @p1, @p2…
const p = (n: number) => `@p${n}`;
const bind = (params: Statement['params']) => Object.fromEntries(params.map((v, i) => [`p${i + 1}`, v]));

/** The trends reads over digests, bookmarks, migration 010's paper terms and 012's per-day term counts (SQL shared with PostgreSQL: ../trends-sql.ts). */
export function createSqliteTrendsReader(db: Db): TrendsReader {
  const daily = db.prepare(DAILY_COUNTS_SQL(p));
  const bookmarked = db.prepare(MOST_BOOKMARKED_SQL(p));
  const all = <T>(s: Statement) => db.prepare(s.sql).all(bind(s.params)) as T[];
  return {
    async dailyCounts(fromDate, toDate) {
      const rows = daily.all(bind([fromDate, toDate])) as Array<{ date: string; source: Source; n: number }>;
      return rows.map((r) => ({ date: r.date, source: r.source, count: r.n }));
    },
    async termCounts(window, minThisWeek) {
      // One read transaction: both counts see the same store even while a `papers ingest` writes.
      return db.transaction(() => ({
        papersPerWeek: perWeek(window, all<{ w: number; n: number }>(papersPerWeekStatement(window, p))),
        terms: all<{ term: string; this_week: number; earlier: number }>(termCountsStatement(window, minThisWeek, p)).map((r) => ({ term: r.term, thisWeek: r.this_week, earlier: r.earlier })),
      }))();
    },
    async mostBookmarked(w, fromIso, toIso, limit) {
      const rows = bookmarked.all(bind([w.platform, w.workspaceId, fromIso, toIso, limit])) as Array<{ paper_id: string; title: string; n: number }>;
      return rows.map((r) => ({ paperId: r.paper_id, title: r.title, count: r.n }));
    },
  };
}
