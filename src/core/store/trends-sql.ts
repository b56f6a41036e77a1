import { addDays } from '../trends/dates.js';
import type { TrendWindow } from '../trends/ports.js';

/** A statement and its parameters; placeholders numbered from 1 (`?1` in SQLite, `$1` in PostgreSQL). */
export interface Statement {
  sql: string;
  params: Array<string | number>;
}

type Placeholder = (n: number) => string;

/**
 * The window's distinct (paper, week) pairs as a CTE `pw`: week 0 is this week, k the week k
 * weeks before. The week comes from a CASE over the weeks' first days (YYYY-MM-DD text compares in
 * date order), so the same SQL runs on SQLite and PostgreSQL, which share no date arithmetic.
 */
function paperWeeks(w: TrendWindow, p: Placeholder): Statement {
  const starts = Array.from({ length: w.weeks }, (_, k) => addDays(w.end, -7 * k - 6));
  const periodStart = addDays(w.end, -7 * w.weeks - 6);
  const cases = starts.map((_, k) => `WHEN d.date >= ${p(k + 3)} THEN ${k}`).join(' ');
  return {
    // CROSS JOIN: SQLite then reads the window's few hundred digests first and their entries by
    // digest id, rather than every entry of the store (PostgreSQL plans it as a plain join).
    sql: `WITH pw AS MATERIALIZED (
      SELECT DISTINCT dp.paper_id AS paper_id, CASE ${cases} ELSE ${w.weeks} END AS w
      FROM digests d CROSS JOIN digest_papers dp
      WHERE dp.digest_id = d.id AND d.date BETWEEN ${p(1)} AND ${p(2)})`,
    params: [periodStart, w.end, ...starts],
  };
}

/** Distinct papers per week of the window: rows (w, n). */
export function papersPerWeekStatement(w: TrendWindow, p: Placeholder): Statement {
  const pw = paperWeeks(w, p);
  return { sql: `${pw.sql} SELECT w, CAST(COUNT(*) AS INTEGER) AS n FROM pw GROUP BY w`, params: pw.params };
}

/**
 * The terms of this week's papers with at least `minThisWeek` of them, and for those terms only the
 * earlier weeks' (paper, week) pairs: a term absent this week cannot rise, so the earlier weeks'
 * other terms are never grouped. Each paper's terms are read once (`pp`: its weeks folded into
 * "this week?" and "how many earlier weeks"), not once per week it appears in. The CROSS JOINs fix
 * SQLite's loop order (papers outside, their terms by primary key inside, then the candidate check):
 * left to itself it looped over candidates outside, one key lookup per (paper, candidate).
 * Rows (term, this_week, earlier).
 */
export function termCountsStatement(w: TrendWindow, minThisWeek: number, p: Placeholder): Statement {
  const pw = paperWeeks(w, p);
  const min = p(pw.params.length + 1);
  return {
    sql: `${pw.sql},
    pp AS MATERIALIZED (
      SELECT paper_id, MAX(CASE WHEN w = 0 THEN 1 ELSE 0 END) AS tw, SUM(CASE WHEN w > 0 THEN 1 ELSE 0 END) AS ew
      FROM pw GROUP BY paper_id),
    cand AS MATERIALIZED (
      SELECT pt.term_id AS term_id, CAST(COUNT(*) AS INTEGER) AS n
      FROM pp CROSS JOIN paper_terms pt
      WHERE pt.paper_id = pp.paper_id AND pp.tw = 1 GROUP BY pt.term_id HAVING COUNT(*) >= ${min}),
    earlier AS (
      SELECT pt.term_id AS term_id, CAST(SUM(pp.ew) AS INTEGER) AS n
      FROM pp CROSS JOIN paper_terms pt CROSS JOIN cand c
      WHERE pt.paper_id = pp.paper_id AND c.term_id = pt.term_id AND pp.ew > 0 GROUP BY pt.term_id)
    SELECT t.term AS term, c.n AS this_week, COALESCE(e.n, 0) AS earlier
    FROM cand c JOIN trend_terms t ON t.id = c.term_id LEFT JOIN earlier e ON e.term_id = c.term_id`,
    params: [...pw.params, minThisWeek],
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
