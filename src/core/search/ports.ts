import type { Source, StoredPaper } from '../paper.js';
import type { SnippetPart } from '../reply.js';

export interface SearchQuery {
  text: string;
  /** Digest date bounds, inclusive, YYYY-MM-DD. */
  since?: string;
  until?: string;
  hasCode?: boolean;
  minUpvotes?: number;
  source?: Source;
  /** Default 5, at most 25. */
  limit?: number;
  /** 1-based. */
  page?: number;
  /**
   * Rank every matching paper of the whole archive by bm25: no shard of the newest papers for a
   * broad topic, no newest-N cut. Slower on broad topics (up to ~0.2 s at 100k papers, ~1 s at 1M).
   */
  everyMatch?: boolean;
}

export interface SimilarOptions {
  limit?: number;
  page?: number;
  /** Rank every paper sharing its words, not only the newest (as SearchQuery.everyMatch). */
  everyMatch?: boolean;
}

export interface SearchHit {
  paper: StoredPaper;
  score: number;
  /** Abstract text around the matched words, the words marked. */
  snippet: SnippetPart[];
}

export interface SearchResult {
  hits: SearchHit[];
  /** How many papers matched in all (for "page 2 of 7"). */
  total: number;
  page: number;
  limit: number;
  /** Set when there is nothing to show and the person should be told why ("nothing matched", "say more"). */
  notice?: string;
  /**
   * Set when a broad topic (common words only) was matched and ranked among the newest this-many
   * papers, not the whole archive; `total` then counts matches among those.
   */
  newestOnly?: number;
  /**
   * Set when more papers matched than are ranked in a chat search and only the newest this-many
   * were (papers with every word, or with every word in the title, are ranked wherever they are);
   * `total` counts every match. SearchQuery.everyMatch ranks them all.
   */
  newestRanked?: number;
}

/** An index build following a store as it is filled (PaperSearch.followIngest, follow-store.ts). */
export interface StoreFollower {
  /** The store has more papers: they are indexed while the next input is stored. */
  moved(): void;
  /**
   * Indexes what is left and ends the load (its lookup indexes and merging back); `onProgress`
   * hears how far that last part is. Never rejects: a failed thread is logged, and the search's
   * own sync (which the caller runs next) indexes what it left.
   */
  end(onProgress?: (done: number, total: number) => void): Promise<void>;
}

/** Ranked paper search over the store. The index lives in DATA_DIR and follows the store by seq. */
export interface PaperSearch {
  search(q: SearchQuery): Promise<SearchResult>;
  /** Papers like the given one (by id), best first, the paper itself excluded. */
  similar(paperId: string, opts?: SimilarOptions): Promise<SearchResult>;
  /**
   * Bring the index up to date with the store (incremental: only papers with a higher seq).
   * `onProgress` hears after each batch how far this catch-up is (store seq numbers: ~papers).
   */
  sync(onProgress?: (done: number, total: number) => void): Promise<void>;
  /**
   * Resolves once the background work on the index as it is now is done (term heads, then merging
   * its segments when spread: benches and tests wait on it).
   */
  settled?(): Promise<void>;
  /**
   * An index build that follows the store while `papers ingest` fills it (tell it `moved()` after
   * each input, `end()` after the last, then sync); undefined where the index is not empty, no
   * other thread can open the store, or the store holds too few papers yet for it to pay (ask
   * again after the next input).
   */
  followIngest?(): Promise<StoreFollower | undefined>;
  close(): Promise<void>;
}
