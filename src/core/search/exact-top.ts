import type Database from 'better-sqlite3';
import type { Filters } from './filters.js';
import { quote } from './query-plan.js';
import type { Ranked } from './ranker.js';
import type { Head, HeadsView } from './term-heads.js';

/** What a ranked query of the whole index needs to try the heads first. */
export interface ExactTopContext {
  /** The ranker's prepared statements (one cache for both). */
  stmt: (sql: string) => Database.Statement;
  /** bm25's column weights as SQL arguments ("3, 1, 1, 2"): those the heads were computed with. */
  weights: string;
  /** The filters as SQL on fts.rowid (ranker.ts), or on another column holding index rows. */
  filterSql: (f: Filters, rowid?: string) => { sql: string; params: Record<string, unknown> };
  /** The heads of the index as it is now, if computed. */
  heads: () => HeadsView | undefined;
  /** At most this many papers are scored (or 4 heads' worth); a query needing more gives up (the caller cuts). */
  maxCandidates: number;
}

/** How a page and its count are proved over the whole index (ranker.ts, proved). */
export interface ProvedOptions {
  /**
   * Give up, before any FTS5 read, when the phrases' papers add up to more (bm25 reads each
   * phrase's whole posting list for its idf: that sum is the query's cost).
   */
  maxPostings: number;
  /** Papers matching this sort before the rest (the ranker's all-words-first order). */
  first?: string;
  /**
   * Score every match instead of proving the page from the heads: for a match the caller
   * expects few papers of (bm25 costs ~1 µs a matching paper on top of the postings' read).
   */
  every?: boolean;
}

/** The phrases of an FTS5 match expression: each double-quoted string, as planQuery's quote wrote it. */
export function phrasesOf(match: string): string[] {
  return [...match.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => m[1]!.replace(/""/g, '"'));
}

/**
 * The head of the one term every phrase of `match` is (`"model" OR "models"` is "model" twice),
 * with how many times; undefined for any other query.
 */
function singleTerm(match: string, phrases: string[], heads: HeadsView): { head: Head; times: number } | undefined {
  const terms = new Set(phrases.map((p) => heads.termOf.get(p)));
  const [term] = terms;
  const head = terms.size === 1 && term !== undefined ? heads.heads.get(term) : undefined;
  // Only a match of its phrases ORed or ANDed: a NOT, a NEAR or a column filter is not the term alone.
  return head && !/\bNOT\b|\bNEAR\b|[{}:]/.test(match.replace(/"(?:[^"]|"")*"/g, '')) ? { head, times: phrases.length } : undefined;
}

/**
 * The page of a ranking of every match of `match` in the whole index, from its common words' heads
 * and its rare words' papers alone (term-heads.ts says why that is enough when it is); undefined
 * when it cannot be proved that way (heads not computed for this state of the index, a page deeper
 * than the heads, filters that leave too few of their papers, too many candidates, a tie at the
 * bound), and the caller ranks as before. `first`: papers matching it sort before the rest (the
 * ranker's all-words-first order); they are few (under minAllWordsHits) and all candidates.
 */
export function createExactTop(c: ExactTopContext) {
  const { stmt } = c;
  const rowidsOf = (match: string, limit: number): number[] =>
    stmt('SELECT rowid FROM fts WHERE fts MATCH ? LIMIT ?').pluck().all(match, limit) as number[];

  /**
   * A query of one common term and no filter: the head is its ranking (same scores, same
   * newest-first tie-break), read without FTS5, whose bm25 would read the term's whole posting
   * list for its idf (~9 ms for a term in 93k of 100k papers, ten times that at 1M). Its papers
   * scoring strictly above the head's last score are the ranking's first ones; the last score's
   * ties may go on past the head, so they are not used.
   */
  function fromHead(h: { head: Head; times: number }, want: number, offset: number): Ranked[] | undefined {
    const { rowids, scores, bound } = h.head;
    if (want > rowids.length || !(scores[want - 1]! > bound)) return undefined;
    const out: Ranked[] = [];
    for (let i = offset; i < want; i++) out.push({ rowid: rowids[i]!, score: scores[i]! * h.times });
    return out;
  }

  /**
   * The same with filters: the head's papers that pass them, in the head's order, are the filtered
   * ranking's first ones as far as they score strictly above the head's last score (a paper outside
   * the head scores at most that). Checking the head's papers is one look-up each; ranking every
   * match with the filters read the term's whole posting list and looked each match up (`llms` with
   * code at 100k papers: 24 ms).
   */
  function fromFilteredHead(h: { head: Head; times: number }, f: Filters, want: number, offset: number): Ranked[] | undefined {
    const { rowids, scores, bound } = h.head;
    const { sql, params } = c.filterSql(f, 'value');
    const passing = new Set(
      stmt(`SELECT value FROM json_each(@rows) WHERE true${sql}`).pluck().all({ ...params, rows: JSON.stringify(Array.from(rowids)) }) as number[],
    );
    const at: number[] = [];
    for (let i = 0; i < rowids.length && at.length < want; i++) if (passing.has(rowids[i]!)) at.push(i);
    if (at.length < want || !(scores[at[want - 1]!]! > bound)) return undefined;
    return at.slice(offset).map((i) => ({ rowid: rowids[i]!, score: scores[i]! * h.times }));
  }

  /**
   * Whether the page can pass the check below at all, from the heads alone: a candidate scores at
   * most its head scores plus the bounds of the phrases whose head it is not in, so when fewer than
   * `want` candidates could score above the bound, FTS5 need not be asked (a query of many typo
   * alternatives, each adding its bound, fails that way). Only for phrases that all have heads: a
   * rare phrase's scores are not known before FTS5 gives them.
   */
  function canPass(used: Head[], bound: number, want: number): boolean {
    const upper = new Map<number, number>();
    for (const h of used) {
      for (let i = 0; i < h.rowids.length; i++) {
        const r = h.rowids[i]!;
        upper.set(r, (upper.get(r) ?? bound) + h.scores[i]! - h.bound);
      }
    }
    if (upper.size < want) return false;
    const best = Float64Array.from(upper.values()).sort();
    // Looser than the check by its margin, so that rounding in these sums never refuses a page that passes.
    return best[best.length - want]! > bound - 1e-9 * Math.abs(bound);
  }

  return {
    /**
     * The page of a query of one common term from its head alone, filtered or not, whatever the
     * number of matches; undefined for any other query or when the head cannot prove the page.
     */
    headPage(match: string, f: Filters, limit: number, offset: number): Ranked[] | undefined {
      const heads = c.heads();
      const want = offset + limit;
      if (!heads || want > heads.size || limit <= 0) return undefined;
      const single = singleTerm(match, phrasesOf(match), heads);
      if (!single) return undefined;
      return c.filterSql(f).sql ? fromFilteredHead(single, f, want, offset) : fromHead(single, want, offset);
    },
    /** The number of papers matching a query of one common term and no filter (the head's df); undefined otherwise. */
    count(match: string, f: Filters): number | undefined {
      const heads = c.heads();
      if (!heads || c.filterSql(f).sql) return undefined;
      return singleTerm(match, phrasesOf(match), heads)?.head.df;
    },
    /** The page, for a ranker that has counted the matches already. */
    top: (match: string, f: Filters, limit: number, offset: number, first?: string): Ranked[] | undefined =>
      exactTop(match, f, limit, offset, { first })?.ranked,
    /**
     * The page and the number of papers matching, counted in the same pass over the match (a
     * count of its own reads the posting lists again: 2-5 ms of a broad topic at 100k papers);
     * see ProvedOptions.
     */
    counted: (match: string, f: Filters, limit: number, offset: number, o: ProvedOptions) =>
      exactTop(match, f, limit, offset, { ...o, counted: true }) as { ranked: Ranked[]; total: number } | undefined,
  };

  function exactTop(
    match: string,
    f: Filters,
    limit: number,
    offset: number,
    o: Partial<ProvedOptions> & { counted?: boolean },
  ): { ranked: Ranked[]; total?: number } | undefined {
    const { first, counted, maxPostings = Infinity, every } = o;
    const heads = c.heads();
    const want = offset + limit;
    if (!heads || (!every && want > heads.size) || limit <= 0) return undefined;
    const phrases = phrasesOf(match);
    const { sql, params } = c.filterSql(f);
    if (!first && !sql) {
      const single = singleTerm(match, phrases, heads);
      if (single) {
        const ranked = fromHead(single, want, offset);
        // A head that cannot prove the page: the caller cuts, or, asked to, every match is scored below.
        if (ranked || !every) return ranked && { ranked, total: single.head.df };
      }
    }
    const cap = Math.max(c.maxCandidates, 4 * heads.size);
    const candidates = new Set<number>();
    const used: Head[] = [];
    // The most any paper outside the candidates can score: the sum of its common phrases' bounds.
    let bound = 0;
    let postings = 0;
    let rare = false;
    for (const phrase of phrases) {
      const term = heads.termOf.get(phrase);
      const head = term === undefined ? undefined : heads.heads.get(term);
      if (head) {
        bound += head.bound;
        postings += head.df;
        used.push(head);
        for (const r of head.rowids) candidates.add(r);
      } else {
        // A rare phrase (every index word in more than minDf papers has a head): all its papers.
        const rows = rowidsOf(quote(phrase), heads.minDf + 1);
        if (rows.length > heads.minDf) return undefined;
        rare = true;
        postings += rows.length;
        for (const r of rows) candidates.add(r);
      }
      if ((!every && candidates.size > cap) || postings > maxPostings) return undefined;
    }
    if (every) {
      // Every match scored, and counted, in one pass (the window counts the rows before the LIMIT;
      // the subquery's LIMIT keeps bm25 out of the window's own pass): no bound to beat.
      const rows = stmt(
        `SELECT rowid, s, count(*) OVER () AS n FROM (
           SELECT fts.rowid AS rowid, bm25(fts, ${c.weights}) AS s FROM fts WHERE fts MATCH @match${sql} LIMIT -1)
         ORDER BY s, rowid DESC LIMIT @want`,
      ).all({ ...params, match, want }) as Array<{ rowid: number; s: number; n: number }>;
      return { ranked: rows.slice(offset).map((r) => ({ rowid: r.rowid, score: -r.s })), total: rows[0]?.n ?? 0 };
    }
    if (!first && !rare && !canPass(used, bound, want)) return undefined;
    let firstRows: Set<number> | undefined;
    if (first) {
      const rows = rowidsOf(first, cap + 1);
      if (rows.length > cap) return undefined;
      for (const r of rows) candidates.add(r);
      firstRows = new Set(rows);
    }
    const ids = JSON.stringify([...candidates]);
    let rows: Array<{ rowid: number; s: number; a?: number }>;
    let total: number | undefined;
    if (counted) {
      // Every match counted, the candidates among them scored, in one pass. bm25 may not be called
      // inside an aggregate: the subquery's LIMIT keeps SQLite from flattening it into this one.
      const r = stmt(
        `SELECT count(*) AS n, json_group_array(json_array(rowid, s)) FILTER (WHERE s IS NOT NULL) AS j FROM (
           SELECT fts.rowid AS rowid, CASE WHEN +fts.rowid IN (SELECT value FROM json_each(@candidates)) THEN bm25(fts, ${c.weights}) END AS s
           FROM fts WHERE fts MATCH @match${sql} LIMIT -1)`,
      ).get({ ...params, match, candidates: ids }) as { n: number; j: string };
      total = r.n;
      // SQLite writes a REAL in JSON with the digits that read back as the same double.
      rows = (JSON.parse(r.j) as Array<[number, number]>).map(([rowid, s]) => ({ rowid, s, a: firstRows?.has(rowid) ? 1 : 0 }));
      // The ranker's order: papers matching `first` before the rest, then by score, newest first.
      rows.sort((a, b) => b.a! - a.a! || a.s - b.s || b.rowid - a.rowid);
    } else {
      const firstCol = first ? ', fts.rowid IN (SELECT rowid FROM fts WHERE fts MATCH @first) AS a' : '';
      // `+`: one pass over the match with the candidates as a filter, bm25 set up once (see rankAmong).
      rows = stmt(
        `SELECT fts.rowid AS rowid, bm25(fts, ${c.weights}) AS s${firstCol} FROM fts
         WHERE fts MATCH @match AND +fts.rowid IN (SELECT value FROM json_each(@candidates))${sql}
         ORDER BY ${first ? 'a DESC, ' : ''}s, fts.rowid DESC LIMIT @want`,
      ).all({ ...params, match, candidates: ids, want, ...(first ? { first } : {}) }) as typeof rows;
    }
    if (rows.length < want) return undefined;
    const last = rows[want - 1]!;
    // Strictly above the bound (with room for the order FTS5 adds in): a paper outside the
    // candidates scoring the same could come first by the newest-first tie-break.
    if (!last.a && !(-last.s > bound + 1e-9 * Math.abs(bound))) return undefined;
    return { ranked: rows.slice(offset, want).map((r) => ({ rowid: r.rowid, score: -r.s })), total };
  }
}
