import type { Caller } from '../reply.js';
import type { Source } from '../paper.js';

/** Papers in one digest day of one source. */
export interface DailyCount {
  date: string;
  source: Source;
  /** Papers in that day's digest of that source. */
  count: number;
}

/**
 * The weeks the trends compare: "this week" is the seven days ending on `end`, and the `weeks`
 * weeks before it are the earlier ones (week k: the seven days ending 7k days before `end`).
 */
export interface TrendWindow {
  /** Last day of this week (YYYY-MM-DD). */
  end: string;
  /** Earlier weeks (1..26). */
  weeks: number;
}

/** One term's counts over a window: this week's papers with it, and the earlier weeks' (paper, week) pairs with it. */
export interface TermCount {
  term: string;
  thisWeek: number;
  earlier: number;
}

/** The term counts of a window. A paper counts once per week it appears in, however many digests list it. */
export interface TermCounts {
  /** Distinct papers of each week: [0] this week, [k] k weeks before (length weeks + 1). */
  papersPerWeek: number[];
  /** Terms with at least `minThisWeek` papers this week, in no particular order. */
  terms: TermCount[];
}

/** A paper and how many people of one workspace bookmarked it in a period. */
export interface BookmarkCount {
  paperId: string;
  title: string;
  count: number;
}

/**
 * The reads the trends picture needs, counted in the database: each paper's terms are stored at
 * ingest (trend_terms, paper_terms), so a 26-week window at 100k papers is a few aggregate queries
 * rather than 100k titles read and split. Both backends run the same portable SQL.
 */
export interface TrendsReader {
  /** Papers per (digest day, source) with a digest day in [fromDate, toDate], both inclusive; non-zero only. */
  dailyCounts(fromDate: string, toDate: string): Promise<DailyCount[]>;
  /** Distinct papers a week and the terms of this week's papers, over the window. */
  termCounts(window: TrendWindow, minThisWeek: number): Promise<TermCounts>;
  /** Papers bookmarked in [fromIso, toIso) in this workspace, most bookmarks first, then most recent. */
  mostBookmarked(workspace: Pick<Caller, 'platform' | 'workspaceId'>, fromIso: string, toIso: string, limit: number): Promise<BookmarkCount[]>;
}
