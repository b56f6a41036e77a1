import { FTS_TABLES, type FtsTable } from './fts5-averages.js';
import type { SearchDb } from './search-db.js';

/**
 * A table is merged into one segment when more than this share of its leaf pages lies outside its
 * largest segment. A build leaves many segments of like size (19 at 100k papers, the largest with
 * an eighth of the pages); a digest adds a small one, which FTS5's own merging folds into others
 * of its size, so after a full merge the share grows by a tenth only once a tenth as many papers
 * again have come (1.4 s of merging at 100k papers, 12 s at 1M, in the background).
 */
export const SPREAD_SHARE = 0.1;

/**
 * Leaf pages merged per call, each call its own transaction: ~50 ms for most at 100k and 1M papers
 * (the longest ~250 ms at 100k, ~1.1 s at 1M), so that a digest written meanwhile waits that long at
 * most for the lock.
 */
export const MERGE_CHUNK_PAGES = 1000;

/**
 * Each segment's leaf pages, largest first, from the table's %_idx (a row per leaf page that
 * starts a new term; its highest page number is about the segment's size). 3 ms at 100k papers,
 * 13 ms at 1M.
 */
export function segmentPages(db: SearchDb, table: FtsTable): number[] {
  return db.prepare(`SELECT max(pgno) FROM ${table}_idx GROUP BY segid ORDER BY 1 DESC`).pluck().all() as number[];
}

/** Whether more than `share` of the pages lie outside the largest segment. */
export function isSpread(pages: readonly number[], share = SPREAD_SHARE): boolean {
  const total = pages.reduce((a, b) => a + b, 0);
  return pages.length > 1 && total - pages[0]! > share * total;
}

export interface MergeReport {
  table: FtsTable;
  /** Segments before, and after (the same when not spread). */
  before: number;
  after: number;
  /** Merge calls made (transactions). */
  calls: number;
}

/**
 * FTS5 tables whose postings are spread over many segments merged into one, in chunks. A query
 * reads each of its words' postings from every segment and merges them as it goes: on the 100k
 * bench index as `papers ingest` leaves it (19 segments), p50 / p99 were 5.1 / 21.1-21.5 ms
 * against 4.4 / 19.0-19.9 ms merged, single passes alternating (bench/search-history.md). Only
 * spread tables are merged: merging a digest's small segment into the rest would rewrite the
 * whole index after every digest. FTS5's 'merge' with a negative page count puts every segment
 * on one level and merges them whatever their number, a chunk per call; a call that changes
 * fewer than 2 rows found nothing left to merge (FTS5's documentation). A lock held past the
 * connection's busy_timeout throws SQLITE_BUSY; each call is its own transaction, so what was
 * merged before stays merged and the index stays whole.
 */
export function mergeSpreadSegments(db: SearchDb, o: { share?: number; chunkPages?: number } = {}): MergeReport[] {
  const chunk = Math.max(1, Math.floor(o.chunkPages ?? MERGE_CHUNK_PAGES));
  const changes = db.prepare('SELECT total_changes()').pluck();
  return FTS_TABLES.map((table) => {
    const pages = segmentPages(db, table);
    let calls = 0;
    if (isSpread(pages, o.share)) {
      // A literal: FTS5 refuses a bound value for its commands.
      const merge = db.prepare(`INSERT INTO ${table} (${table}, rank) VALUES ('merge', -${chunk})`);
      for (;;) {
        const before = changes.get() as number;
        merge.run();
        calls++;
        if ((changes.get() as number) - before < 2) break;
      }
    }
    return { table, before: pages.length, after: calls ? segmentPages(db, table).length : pages.length, calls };
  });
}
