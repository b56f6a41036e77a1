import type { Source } from '../paper.js';

/** Which papers may be returned at all. */
export interface Filters {
  since?: string;
  until?: string;
  hasCode?: boolean;
  minUpvotes?: number;
  source?: Source;
  /** An index row left out (the paper `similar` starts from). */
  excludeRowid?: number;
  /** Index rows already listed above a ranking (the known-item tier): not ranked again. */
  excludeRowids?: number[];
}

/**
 * The filters as SQL conditions on `rowid` (a column expression: `fts.rowid`, `docs.rowid`), each
 * starting with " AND ", and their named parameters.
 *
 * Each is a look-up per row the query has found (EXISTS on the row), never a list of rows: SQLite
 * handed a list (`fts.rowid IN (SELECT doc FROM doc_dates ...)`) to FTS5 one row at a time, and
 * FTS5 set bm25 up again for each, reading every word's posting list once per row. At 100k papers,
 * "diffusion models" with a `since` took 15 s that way (a five-word topic 114 s); it takes 29 ms now.
 * Dates, code and upvotes are one look-up in doc_facts (search-db.ts), whose narrow rows halve it.
 */
export function filterSql(f: Filters, rowid: string): { sql: string; params: Record<string, unknown> } {
  const parts: string[] = [];
  const params: Record<string, unknown> = {};
  const facts: string[] = [];
  if (f.since || f.until) {
    // Some digest date within the range: the first or the last is, or one between them (doc_dates),
    // asked only when the range lies strictly inside the two.
    facts.push(
      'facts.last_date >= @since AND facts.first_date <= @until AND (facts.first_date >= @since OR facts.last_date <= @until' +
        ' OR EXISTS (SELECT 1 FROM doc_dates WHERE doc = facts.doc AND date >= @since AND date <= @until))',
    );
    params.since = f.since ?? '0000-00-00';
    params.until = f.until ?? '9999-99-99';
  }
  if (f.hasCode) facts.push('facts.has_code = 1');
  if (f.minUpvotes !== undefined) {
    facts.push('facts.upvotes >= @minUpvotes');
    params.minUpvotes = f.minUpvotes;
  }
  if (facts.length) parts.push(`EXISTS (SELECT 1 FROM doc_facts AS facts WHERE facts.doc = ${rowid} AND ${facts.join(' AND ')})`);
  if (f.source) {
    parts.push(`EXISTS (SELECT 1 FROM docs AS filtered WHERE filtered.rowid = ${rowid} AND instr(filtered.sources, ',' || @source || ',') > 0)`);
    params.source = f.source;
  }
  if (f.excludeRowid !== undefined) {
    parts.push(`${rowid} <> @exclude`);
    params.exclude = f.excludeRowid;
  }
  if (f.excludeRowids?.length) {
    parts.push(`${rowid} NOT IN (SELECT value FROM json_each(@excluded))`);
    params.excluded = JSON.stringify(f.excludeRowids);
  }
  return { sql: parts.map((p) => ` AND ${p}`).join(''), params };
}
