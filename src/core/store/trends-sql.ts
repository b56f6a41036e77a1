import { addDays } from '../trends/dates.js';
import type { TrendWindow } from '../trends/ports.js';

/** A statement and its parameters; placeholders numbered from 1 (`?1` in SQLite, `$1` in PostgreSQL). */
export interface Statement {
  sql: string;
  params: Array<string | number>;
}

type Placeholder = (n: number) => string;

/**
 * The window's weeks: `week`, a CASE giving a digest `d`'s week (0 this week, k the week k weeks
 * before) from the weeks' first days (YYYY-MM-DD text compares in date order), so the same SQL runs
 * on SQLite and PostgreSQL, which share no date arithmetic. Parameters: 1 the period's first day,
 * 2 its last, 3 this week's first day, then each earlier week's.
 */
function windowWeeks(w: TrendWindow, p: Placeholder): { week: string; params: string[] } {
  const starts = Array.from({ length: w.weeks }, (_, k) => addDays(w.end, -7 * k - 6));
  const periodStart = addDays(w.end, -7 * w.weeks - 6);
  const cases = starts.map((_, k) => `WHEN d.date >= ${p(k + 3)} THEN ${k}`).join(' ');
  return { week: `CASE ${cases} ELSE ${w.weeks} END`, params: [periodStart, w.end, ...starts] };
}

/**
 * The digest entries of papers listed more than once in [from, to], each with its date and week,
 * as CTE `${name}` (CROSS JOIN: SQLite reads the few hundred digests first, then their entries by
 * digest id, not every entry of the store): the only papers whose entries do not each count one paper (two sources, or
 * two days of one week). Usually few; grouping just them is what keeps a 26-week window cheap.
 */
function repeatedEntries(name: string, week: string, from: string, to: string): string {
  return `${name} AS MATERIALIZED (
      SELECT dp.paper_id AS paper_id, d.date AS date, ${week} AS w
      FROM digests d CROSS JOIN digest_papers dp
      WHERE dp.digest_id = d.id AND d.date BETWEEN ${from} AND ${to}
        AND dp.paper_id IN (
          SELECT dp2.paper_id FROM digests d2 CROSS JOIN digest_papers dp2
          WHERE dp2.digest_id = d2.id AND d2.date BETWEEN ${from} AND ${to}
          GROUP BY dp2.paper_id HAVING COUNT(*) > 1))`;
}

/**
 * Distinct papers per week of the window: rows (w, n). Each digest's entries counted by its index,
 * less the surplus of papers with several entries in one week.
 */
export function papersPerWeekStatement(w: TrendWindow, p: Placeholder): Statement {
  const pw = windowWeeks(w, p);
  return {
    sql: `WITH ${repeatedEntries('rep', pw.week, p(1), p(2))},
    per AS (
      SELECT ${pw.week} AS w, (SELECT COUNT(*) FROM digest_papers dp WHERE dp.digest_id = d.id) AS n
      FROM digests d WHERE d.date BETWEEN ${p(1)} AND ${p(2)}
      UNION ALL
      SELECT w, 1 - COUNT(*) AS n FROM rep GROUP BY paper_id, w)
    SELECT w, CAST(SUM(n) AS INTEGER) AS n FROM per GROUP BY w`,
    params: pw.params,
  };
}

/**
 * The terms of this week's papers with at least `minThisWeek` of them (`cand`, from paper_terms:
 * this week's few thousand papers), and for those terms only their earlier (paper, week) pairs,
 * read from term_day_counts (SQLite 012, PostgreSQL 7): one range of days per candidate term, not
 * every earlier paper's terms (~520k rows over 26 weeks at 100k papers). Those counts are distinct
 * papers per day, so a paper listed on two days of one earlier week is counted twice there: the
 * few papers with repeated entries give the surplus back (`extra`). The CROSS JOINs fix SQLite's
 * loop order (papers outside, their terms by primary key inside, then the candidate check).
 * Rows (term, this_week, earlier).
 */
export function termCountsStatement(w: TrendWindow, minThisWeek: number, p: Placeholder): Statement {
  const pw = windowWeeks(w, p);
  const min = p(pw.params.length + 1);
  const earlierEnd = p(pw.params.length + 2);
  return {
    sql: `WITH tw AS MATERIALIZED (
      SELECT DISTINCT dp.paper_id AS paper_id FROM digests d CROSS JOIN digest_papers dp
      WHERE dp.digest_id = d.id AND d.date BETWEEN ${p(3)} AND ${p(2)}),
    cand AS MATERIALIZED (
      SELECT pt.term_id AS term_id, CAST(COUNT(*) AS INTEGER) AS n
      FROM tw CROSS JOIN paper_terms pt
      WHERE pt.paper_id = tw.paper_id GROUP BY pt.term_id HAVING COUNT(*) >= ${min}),
    ${repeatedEntries('rep', pw.week, p(1), earlierEnd)},
    surplus AS MATERIALIZED (
      SELECT paper_id, COUNT(DISTINCT date) - 1 AS x FROM rep GROUP BY paper_id, w HAVING COUNT(DISTINCT date) > 1),
    days AS (
      SELECT c.term_id AS term_id, SUM(t.n) AS n
      FROM cand c CROSS JOIN term_day_counts t
      WHERE t.term_id = c.term_id AND t.day BETWEEN ${p(1)} AND ${earlierEnd} GROUP BY c.term_id),
    extra AS (
      SELECT pt.term_id AS term_id, SUM(s.x) AS n
      FROM surplus s CROSS JOIN paper_terms pt CROSS JOIN cand c
      WHERE pt.paper_id = s.paper_id AND c.term_id = pt.term_id GROUP BY pt.term_id)
    SELECT t.term AS term, c.n AS this_week, CAST(COALESCE(dy.n, 0) - COALESCE(e.n, 0) AS INTEGER) AS earlier
    FROM cand c JOIN trend_terms t ON t.id = c.term_id LEFT JOIN days dy ON dy.term_id = c.term_id LEFT JOIN extra e ON e.term_id = c.term_id`,
    params: [...pw.params, minThisWeek, addDays(w.end, -7)],
  };
}

/** Papers per (digest day, source) over [from, to]: rows (date, source, n). */
export const DAILY_COUNTS_SQL = (p: Placeholder) => `
  SELECT d.date AS date, d.source AS source, CAST(COUNT(*) AS INTEGER) AS n
  FROM digests d JOIN digest_papers dp ON dp.digest_id = d.id
  WHERE d.date BETWEEN ${p(1)} AND ${p(2)}
  GROUP BY d.date, d.source`;

/** A workspace's most bookmarked papers in [from, to): rows (paper_id, title, n). */
export const MOST_BOOKMARKED_SQL = (p: Placeholder) => `
  SELECT b.paper_id AS paper_id, p.title AS title, CAST(COUNT(*) AS INTEGER) AS n, MAX(b.created_at) AS latest
  FROM bookmarks b
  JOIN papers p ON p.id = b.paper_id
  WHERE b.platform = ${p(1)} AND b.workspace_id = ${p(2)} AND b.created_at >= ${p(3)} AND b.created_at < ${p(4)}
  GROUP BY b.paper_id, p.title
  ORDER BY n DESC, latest DESC, b.paper_id
  LIMIT ${p(5)}`;

/** Folds the (w, n) rows into one count per week, weeks without papers 0. */
export function perWeek(w: TrendWindow, rows: Array<{ w: number; n: number }>): number[] {
  const out = new Array<number>(w.weeks + 1).fill(0);
  for (const r of rows) out[Number(r.w)] = Number(r.n);
  return out;
}

/**
 * Recomputes term_day_counts (SQLite 012, PostgreSQL 7) from the digests and the stored terms, in
 * one statement: after a migration and after a fill, which write the terms with the triggers off.
 */
export const REBUILD_TERM_DAY_COUNTS_SQL = `
  DELETE FROM term_day_counts;
  INSERT INTO term_day_counts (term_id, day, n)
  SELECT pt.term_id, x.date, COUNT(*)
  FROM (SELECT DISTINCT d.date AS date, dp.paper_id AS paper_id FROM digests d JOIN digest_papers dp ON dp.digest_id = d.id) x
  JOIN paper_terms pt ON pt.paper_id = x.paper_id
  GROUP BY pt.term_id, x.date;`;
