import type Database from 'better-sqlite3';
import { createExactTop, type ProvedOptions } from './exact-top.js';
import { filterSql as filterSqlOn, type Filters } from './filters.js';
import type { SearchDb } from './search-db.js';
import type { HeadsView } from './term-heads.js';

export type { Filters };

/** bm25 column weights (title, abstract, authors, keywords), chosen on the SciFact train split. */
export interface ColumnWeights {
  title: number;
  abstract: number;
  authors: number;
  keywords: number;
}

export const DEFAULT_WEIGHTS: ColumnWeights = { title: 3, abstract: 1, authors: 1, keywords: 2 };

/**
 * bm25 costs about 0.45 µs per matching paper here (FTS5 reads each one's column sizes and hits: a
 * word in 93k of 100k papers ranks in ~43 ms), on top of reading each word's posting list, so a
 * query matching most of a large archive costs too much to rank in full. Past this many matches
 * only the newest this-many are ranked; a ranker may be given another cut (chat topics: see
 * CHAT_RANKED in tuning.ts, where the size is argued).
 */
export const MAX_RANKED = 10_000;

export interface Ranked {
  rowid: number;
  /** Higher is better (FTS5's bm25 negated). */
  score: number;
}

/** What a ranking may know beyond its match expression (Ranker.rank). */
export interface RankOptions {
  /** The number of matches, when counted: past the ranker's cut the page is proved or cut. */
  matched?: number;
  /** Papers matching this (every word) sort before the rest, and are ranked wherever they are. */
  first?: string;
  /** Papers matching this (a subset: a title with every word) are ranked past the cut too. */
  keep?: string;
  /** Told when the page was cut: only the newest this-many matches (and `first`, `keep`) were ranked. */
  onCut?: (newest: number) => void;
}

/**
 * Runs FTS5 MATCH expressions with bm25 ranking and the filters, all inside SQLite: postings are
 * read from disk pages (cached), never loaded whole into the JS heap. `table`: the whole index, or
 * its shard of the newest papers (same columns, same tokenizer).
 */
export function createRanker(
  db: SearchDb,
  weights: ColumnWeights = DEFAULT_WEIGHTS,
  table: 'fts' | 'fts_recent' = 'fts',
  maxRanked = MAX_RANKED,
  /** The whole index's term heads for its state now, if computed (exact-top.ts); not for the shard. */
  heads?: () => HeadsView | undefined,
) {
  const cache = new Map<string, Database.Statement>();
  const w = [weights.title, weights.abstract, weights.authors, weights.keywords].join(', ');

  const filterSql = (f: Filters, rowid = `${table}.rowid`) => filterSqlOn(f, rowid);

  function stmt(sql: string): Database.Statement {
    let s = cache.get(sql);
    if (!s) {
      s = db.prepare(sql);
      cache.set(sql, s);
    }
    return s;
  }
  const exactTop = heads && table === 'fts' ? createExactTop({ stmt, weights: w, filterSql, heads, maxCandidates: maxRanked }) : undefined;

  return {
    /**
     * The best `limit` matches after skipping `offset`, best first (ties: newest index row first).
     * `o.matched` (the count, when known) above `maxRanked`: the page is proved from the term heads
     * when they can (exact-top.ts), else ranking is limited to the newest matches (and `o.onCut`
     * told); papers matching `o.first`, or `o.keep`, are ranked wherever they are in the archive.
     */
    rank(match: string, f: Filters, limit: number, offset = 0, o: RankOptions = {}): Ranked[] {
      const { matched = 0, first, keep } = o;
      // One common term: its head proves most pages, with filters too, however few papers match
      // them (FTS5's bm25 would read the term's whole posting list).
      const fromHead = first ? undefined : exactTop?.headPage(match, f, limit, offset);
      if (fromHead) return fromHead;
      const { sql, params } = filterSql(f);
      const p: Record<string, unknown> = { ...params, match, limit, offset };
      let cut = '';
      if (matched > maxRanked) {
        // Every match ranked: `keep` (a subset kept past the cut) has nothing to add.
        const exact = exactTop?.top(match, f, limit, offset, first);
        if (exact) return exact;
        const row = stmt(
          `SELECT ${table}.rowid AS rowid FROM ${table} WHERE ${table} MATCH @match${sql} ORDER BY ${table}.rowid DESC LIMIT 1 OFFSET ${maxRanked - 1}`,
        ).get(p) as { rowid: number } | undefined;
        if (row) {
          p.minRowid = row.rowid;
          const kept = [first ? 'a' : '', keep ? `${table}.rowid IN (SELECT rowid FROM ${table} WHERE ${table} MATCH @keep)` : ''].filter(Boolean);
          cut = ` AND (${[`${table}.rowid >= @minRowid`, ...kept].join(' OR ')})`;
          if (keep) p.keep = keep;
          o.onCut?.(maxRanked);
        }
      }
      // `first`: papers matching it (all the words) sort before the rest, whatever their score.
      if (first) p.first = first;
      const firstCol = first ? `, ${table}.rowid IN (SELECT rowid FROM ${table} WHERE ${table} MATCH @first) AS a` : '';
      const rows = stmt(
        `SELECT ${table}.rowid AS rowid, bm25(${table}, ${w}) AS s${firstCol} FROM ${table} WHERE ${table} MATCH @match${sql}${cut}
         ORDER BY ${first ? 'a DESC, ' : ''}s, ${table}.rowid DESC LIMIT @limit OFFSET @offset`,
      ).all(p) as Array<{ rowid: number; s: number }>;
      return rows.map((r) => ({ rowid: r.rowid, score: -r.s }));
    },
    /**
     * The page of a ranking of every match and the number of matches, when the term heads prove
     * the page (or `o.every`: every match scored) without reading more than `o.maxPostings`
     * postings (exact-top.ts); undefined otherwise (and always for the shard).
     */
    proved(match: string, f: Filters, limit: number, offset: number, o: ProvedOptions): { ranked: Ranked[]; total: number } | undefined {
      return exactTop?.counted(match, f, limit, offset, o);
    },
    /**
     * The papers matching `rows`, ranked by bm25 over `score` alone, for a small set whose common
     * words would cost more than they tell: FTS5 reads every ranked word's whole posting list for its
     * idf, and "model" or "language" (tens of thousands of postings) weigh next to nothing in bm25.
     * Every paper of `rows` must match `score` (its rare words, say) or it is left out. The `+` keeps
     * SQLite from handing each row of `rows` to FTS5 as a lookup of its own: each would set up bm25
     * again, reading the posting lists once per row.
     */
    rankAmong(score: string, rows: string, f: Filters, limit: number, offset = 0): Ranked[] {
      const { sql, params } = filterSql(f);
      const out = stmt(
        `SELECT ${table}.rowid AS rowid, bm25(${table}, ${w}) AS s FROM ${table} WHERE ${table} MATCH @score
           AND +${table}.rowid IN (SELECT rowid FROM ${table} WHERE ${table} MATCH @rows)${sql}
         ORDER BY s, ${table}.rowid DESC LIMIT @limit OFFSET @offset`,
      ).all({ ...params, score, rows, limit, offset }) as Array<{ rowid: number; s: number }>;
      return out.map((r) => ({ rowid: r.rowid, score: -r.s }));
    },
    /**
     * Newest first, unscored: for queries whose every word is in over half the papers, where bm25
     * has no signal to give (FTS5 clamps such a word's idf to ~0) and only costs a read of each
     * word's whole posting list.
     */
    newest(match: string, f: Filters, limit: number, offset = 0): Ranked[] {
      const { sql, params } = filterSql(f);
      const rows = stmt(
        `SELECT ${table}.rowid AS rowid FROM ${table} WHERE ${table} MATCH @match${sql} ORDER BY ${table}.rowid DESC LIMIT @limit OFFSET @offset`,
      ).all({ ...params, match, limit, offset }) as Array<{ rowid: number }>;
      return rows.map((r) => ({ rowid: r.rowid, score: 0 }));
    },
    count(match: string, f: Filters): number {
      // A common term alone, unfiltered: its head knows (FTS5 would read its whole posting list).
      const known = exactTop?.count(match, f);
      if (known !== undefined) return known;
      const { sql, params } = filterSql(f);
      const row = stmt(`SELECT count(*) AS n FROM ${table} WHERE ${table} MATCH @match${sql}`).get({ ...params, match }) as { n: number };
      return row.n;
    },
  };
}

export type Ranker = ReturnType<typeof createRanker>;
