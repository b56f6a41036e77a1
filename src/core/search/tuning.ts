import { LONG_QUERY_WORDS } from './evaluate.js';
import type { FeedbackOptions } from './feedback.js';
import { DEFAULT_WEIGHTS, MAX_RANKED, type ColumnWeights } from './ranker.js';
import { DEFAULT_RERANK, type RerankOptions } from './rerank.js';

/**
 * Every knob of the search, in one place: the bot runs the defaults; the relevance bench
 * (`bench:relevance -- --tune`, `--rerank`) and the tests set the others. The defaults were chosen on
 * the SciFact train split (relevance) and on the bench:search 100k corpus (speed).
 */
export interface SearchTuning {
  /** bm25 column weights. */
  weights?: ColumnWeights;
  /** Fewer all-words matches than this and some-words matches are listed after them; 0: plain OR. */
  minAllWordsHits?: number;
  /** Typo and prefix expansion through the vocabulary (on by default; off for the relevance grid). */
  expansion?: boolean;
  /** Pseudo-relevance feedback for long, descriptive queries; false (the default) turns it off. Bench only. */
  feedback?: FeedbackOptions | false;
  /** NEAR window for neighbouring words of long queries (0: off, the default). Bench only. */
  proximity?: number;
  /** Queries with more words than this are descriptions: plain bm25 over all words, numbers dropped. */
  longQueryWords?: number;
  /** Typo expansion in long queries too (default true). Bench only. */
  longQueryTypos?: boolean;
  /** Query words ignored in long queries on top of the stop words. Bench only. */
  longQueryStopWords?: ReadonlySet<string>;
  /** Papers in the index's shard of the newest papers (see RECENT_DOCS). */
  recentDocs?: number;
  /** A chat topic whose words hold more postings than this in all is ranked in that shard first. */
  broadPostings?: number;
  /**
   * A broad topic's page is proved over the whole index from the term heads when its phrases hold
   * at most this many postings in all (see PROVED_POSTINGS); 0: always the shard.
   */
  provedPostings?: number;
  /**
   * A broad topic whose shard matches, scaled to the archive, expect at most this many papers has
   * every match scored instead of its page proved from the term heads (see SCORE_EVERY_MATCH); 0: never.
   */
  scoreEveryMatch?: number;
  /** ...when its phrases hold at most this many postings in all (see SCORED_POSTINGS). */
  scoredPostings?: number;
  /** A long query's prefixed words also match hyphenated ("proinflammatory" = pro-inflammatory); default true. */
  splitPrefixed?: boolean;
  /** A chat topic's matches ranked by bm25 at most (the newest ones; see CHAT_RANKED). */
  chatRanked?: number;
  /**
   * A ranking cut above is made again over every match when its words hold at most this many
   * postings per paper of the archive (see EXACT_SHARE); 0: never.
   */
  exactShare?: number;
  /** A description's or `similar`'s matches ranked by bm25 at most (see MAX_RANKED; tests set it low). */
  maxRanked?: number;
  /** BM25F re-scoring of a long query's top FTS5 candidates; false: FTS5's bm25 order as it is. */
  rerank?: RerankOptions | false;
  /**
   * Term heads (term-heads.ts): each term in more than `minDf` papers keeps its best `size` papers,
   * computed in a worker thread after each change of the index, so that a ranking past the cuts
   * above is proved from them instead of cut; false: always cut.
   */
  termHeads?: TermHeadsSpecOptions | false;
}

export interface TermHeadsSpecOptions {
  minDf: number;
  size: number;
}

/**
 * Heads for terms in over 5,000 papers (689 terms at 100k papers, 6.3 s to compute here): a
 * rarer word's papers are read whole when a query needs them, at most 5,000 row numbers. 512
 * papers each: a page of 25 proved with room for filters that keep a tenth of them.
 */
const TERM_HEADS: TermHeadsSpecOptions = { minDf: 5000, size: 512 };

const MIN_ALL_WORDS_HITS = 20;
/** Papers in the fts_recent shard (see BROAD_POSTINGS). */
const RECENT_DOCS = 20_000;
/**
 * A chat topic ranks at most its newest this-many matches with bm25 (descriptions and `similar`:
 * MAX_RANKED, also 10,000). This is mostly the some-words tier of a topic that few papers match in
 * full, and those papers are still found anywhere in the archive and listed first. bm25 costs about
 * 0.45 µs a ranked paper here. The cuts drop old papers from a ranking, so they are as high as the
 * p99 target (25 ms at 100k papers) leaves room for: at 2,500 (and 5,000, and BROAD_POSTINGS
 * 40,000) p99 was 13-15 ms and 248 of bench:search's 500 first pages were those of a ranking of
 * every match; at 10,000 (and 150,000) p99 is 21-22 ms and 381 are (mean overlap 0.57 → 0.80).
 */
const CHAT_RANKED = 10_000;
/**
 * FTS5's bm25 reads each query word's whole posting list (for its idf) whatever the LIMIT: about
 * 0.1 µs a posting here, so a topic of common words ("reasoning large language", ~150k postings at
 * 100k papers) costs 15-20 ms, and ten times that at 1M. Above this many postings a chat topic is
 * ranked among the newest RECENT_DOCS papers instead (the fts_recent shard): the best of the recent
 * papers, as a daily-papers chat wants, at a cost that does not grow with the archive (broad-topics.ts).
 */
const BROAD_POSTINGS = 150_000;

/**
 * A broad topic (above) is first tried over the whole index, from the term heads (exact-top.ts).
 * FTS5's bm25 still reads its phrases' whole posting lists for their idf: at 100k papers the
 * bench's broad topics hold 78k-257k postings and were proved in 4-17 ms (their matches counted in
 * the same pass). Past this many the shard answers as before: at 1M papers, where most broad topics
 * hold more, the ones tried kept p99 at 89 ms against the 150 ms target (374 of 500 first pages
 * those of ranking every match, 261 with the shard alone).
 */
const PROVED_POSTINGS = 1_000_000;

/**
 * A broad topic (above) expected to match at most this many papers of the archive has every match
 * scored, in one pass with its count, rather than its page proved from the term heads: bm25 costs
 * ~1 µs a matching paper on top of the posting lists' read that both pay, and the heads' bound is
 * loosest on topics of several common words: "capabilities multimodal llms video" (2,505 papers at
 * 100k) is scored in ~10 ms, where the heads could not prove its page and the shard answered.
 */
const SCORE_EVERY_MATCH = 4000;
/**
 * Such a topic may read more postings than a proof (PROVED_POSTINGS): scoring every match always
 * gives the page, where a proof that fails has read them for nothing. At 1M papers, 3,000,000
 * postings are read in 70-85 ms: 14 more of bench:search's 500 first pages are those of ranking
 * every match (405 → 419), p99 unchanged (72.4 / 72.5 ms best of three, alternating), p50 13.2 →
 * 15.2 ms. At 100k papers no chat topic holds that many.
 */
const SCORED_POSTINGS = 3_000_000;

/**
 * A page the cuts above made from the newest papers only (the proof from the term heads failed) is
 * made again over every match, in the every-match thread, when the query's words hold at most this
 * many postings per paper of the archive (Vocabulary.matchPostings: an upper bound, each stem with
 * the words spelled from it): 30,000 at 100k papers, 300,000 at 1M. Ranking every match costs
 * ~0.1 µs a posting and ~0.6 µs a matching paper here, so the allowance grows with the archive as
 * the cost of its broad topics and the p99 targets do (25 ms at 100k papers, 150 ms at 1M): at 1M
 * the cut topics under it take 12-56 ms more, and 425 of bench:search's 500 first pages are those
 * of ranking every match (419 before), p99 unchanged (77 ms, single passes alternating). An
 * absolute 300,000 was tried: at 100k it also took in the four cut topics there (`spe`, `con`,
 * `diffusion mod`, `benchmarking world mod`: 61k-291k postings, 38-117 ms instead of 13-48 ms), and
 * with four more queries above the rest p99 rose to 25.3-31.8 ms in bench:search (above FTS5 AND's
 * in one run). Past the allowance, or when the every-match thread is full, the cut page stays, and
 * says so.
 */
const EXACT_SHARE = 0.3;

export type ResolvedTuning = Required<Omit<SearchTuning, 'longQueryStopWords'>> & Pick<SearchTuning, 'longQueryStopWords'>;

export function resolveTuning(t: SearchTuning): ResolvedTuning {
  return {
    weights: t.weights ?? DEFAULT_WEIGHTS,
    minAllWordsHits: t.minAllWordsHits ?? MIN_ALL_WORDS_HITS,
    expansion: t.expansion ?? true,
    feedback: t.feedback ?? false,
    proximity: t.proximity ?? 0,
    longQueryWords: t.longQueryWords ?? LONG_QUERY_WORDS,
    longQueryTypos: t.longQueryTypos ?? true,
    longQueryStopWords: t.longQueryStopWords,
    recentDocs: Math.max(0, t.recentDocs ?? RECENT_DOCS),
    broadPostings: t.broadPostings ?? BROAD_POSTINGS,
    provedPostings: t.provedPostings ?? PROVED_POSTINGS,
    scoreEveryMatch: t.scoreEveryMatch ?? SCORE_EVERY_MATCH,
    scoredPostings: t.scoredPostings ?? SCORED_POSTINGS,
    splitPrefixed: t.splitPrefixed ?? true,
    chatRanked: t.chatRanked ?? CHAT_RANKED,
    exactShare: t.exactShare ?? EXACT_SHARE,
    maxRanked: t.maxRanked ?? MAX_RANKED,
    rerank: t.rerank ?? DEFAULT_RERANK,
    termHeads: t.termHeads ?? TERM_HEADS,
  };
}
