import type { RecommendText } from './terms.js';
import type { VocabularyState } from './tfidf.js';
import type { RecommenderTuning } from './tuning.js';

/** What the model needs of a paper. */
export interface ModelPaper extends RecommendText {
  id: string;
  /** YYYY-MM-DD, ascending. */
  digestDates: string[];
}

export interface RecommendRequest {
  /** Papers the reader likes (bookmarks, or ids given on the command line). */
  positives: string[];
  /** Papers the reader does not want more of ("not interested", `--not`). */
  negatives?: string[];
  /** Only papers with a digest date in [since, until] (inclusive, YYYY-MM-DD). */
  since?: string;
  until?: string;
  /** Never recommend these (already bookmarked, dismissed, already sent). */
  exclude?: Iterable<string>;
  /** Rank only these papers (a channel's digest candidates); the date range still applies. */
  only?: Iterable<string>;
  /** Authors or keywords that lift matching papers. */
  pins?: string[];
  limit: number;
  offset?: number;
}

export interface Recommendation {
  id: string;
  score: number;
  /** The few words or phrases it shares most with the liked papers, strongest first. */
  because: string[];
  /** The pins it matches. */
  pins: string[];
}

export interface RecommendOutcome {
  items: Recommendation[];
  /** Papers that could have been recommended (in range, not excluded). */
  total: number;
  /** Given ids the model does not know. */
  unknown: string[];
}

/**
 * Everything a fitted model holds, as plain values and typed arrays: what the fit worker posts back
 * (the arrays transferred, not copied) and what the model file stores. Rows are compact here
 * (row r of a ragged field is [ptr[r], ptr[r+1])); the live model keeps room to grow.
 */
export interface ModelState {
  tuning: RecommenderTuning;
  dims: number;
  fittedOn: number;
  vocab: VocabularyState;
  components: Float32Array;
  singular: Float64Array;
  ids: string[];
  /** Each paper's tf-idf terms (its keepTerms heaviest). */
  termPtr: Int32Array;
  terms: Int32Array;
  weights: Float32Array;
  /** Each paper's digest days (days since 1970). */
  datePtr: Int32Array;
  days: Int32Array;
  /** Author keys and, for each, the rows of their papers. */
  authors: string[];
  authorPtr: Int32Array;
  authorRows: Int32Array;
  /** rows × dims. */
  embed: Float32Array;
}
