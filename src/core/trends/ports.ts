import type { Caller } from '../reply.js';
import type { Source } from '../paper.js';

/** One paper's place in one digest day: what the trends are counted from. */
export interface DigestAppearance {
  paperId: string;
  title: string;
  /** Hugging Face `ai_keywords` when the paper has them, else []. */
  keywords: string[];
  /** The digest day (YYYY-MM-DD). */
  date: string;
  source: Source;
}

/** A paper and how many people of one workspace bookmarked it in a period. */
export interface BookmarkCount {
  paperId: string;
  title: string;
  count: number;
}

/**
 * The reads the trends picture needs. SQLite implements it (store/sqlite/trends-reader.ts) with
 * portable SQL (joins, GROUP BY, BETWEEN), so a PostgreSQL backend can run the same statements.
 */
export interface TrendsReader {
  /** Every (paper, digest day, source) with a digest day in [fromDate, toDate], both inclusive. */
  appearances(fromDate: string, toDate: string): Promise<DigestAppearance[]>;
  /** Papers bookmarked in [fromIso, toIso) in this workspace, most bookmarks first, then most recent. */
  mostBookmarked(workspace: Pick<Caller, 'platform' | 'workspaceId'>, fromIso: string, toIso: string, limit: number): Promise<BookmarkCount[]>;
}
