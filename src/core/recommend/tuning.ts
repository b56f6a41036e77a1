import type { TfidfOptions } from './tfidf.js';

/** Every knob of the recommender in one place, so bench:recommend can tune exactly what ships. */
export interface RecommenderTuning {
  tfidf: TfidfOptions;
  /** Dimensions of the concept space (latent semantic analysis over the tf-idf matrix). */
  dims: number;
  /**
   * Papers the concept space is learned from (evenly spread over the archive); every paper is then
   * placed in it. A sample of 30k keeps the fit's time and peak memory bounded on a large archive.
   */
  svdSample: number;
  /** Power iterations of the randomized SVD: more is closer to the exact SVD, each costs two passes. */
  power: number;
  /** Concept vectors are U·Σ^sigmaPower: 1 is classic LSA, 0 weighs every concept alike. */
  sigmaPower: number;
  /** Share of the concept-space similarity in the score; the rest is plain tf-idf word overlap. */
  conceptWeight: number;
  /** How strongly a "not interested" paper pushes its like away (1 = as strongly as a bookmark pulls). */
  negativeWeight: number;
  /** Subtract the archive's mean concept vector from the profile: what sets the reader apart, as an SVM against all papers learns. */
  center: number;
  /** Weight of pseudo-relevance feedback: the first pass's best papers added to the profile (0 = off). */
  feedback: number;
  /** How many of the first pass's best papers feed back. */
  feedbackDepth: number;
  /**
   * Each paper keeps only its this-many heaviest tf-idf terms (for "because" and keyword pins):
   * a third of the memory; the concept vector is computed from all of them first.
   */
  keepTerms: number;
  /** Added to the score of a paper that matches one of the reader's pins. */
  pinBoost: number;
}

/**
 * Tuned by `npm run bench:recommend -- --tune` on half of the arXiv categories (see the bench);
 * precision@10 is then reported on the other half.
 */
export const DEFAULT_TUNING: RecommenderTuning = {
  tfidf: { minDf: 2, maxDf: 0.1, maxFeatures: 40_000, bigrams: true },
  dims: 128,
  svdSample: 30_000,
  power: 2,
  sigmaPower: 1,
  conceptWeight: 1,
  negativeWeight: 0.5,
  center: 1,
  feedback: 1.5,
  feedbackDepth: 20,
  pinBoost: 0.5,
  keepTerms: 64,
};

/**
 * On a small archive a 10% document-frequency ceiling leaves almost no words to compare (a word in
 * 3 of 30 papers is already "too common"): below 200 papers it is raised to half the papers.
 */
export function tuningFor(papers: number, t: RecommenderTuning): RecommenderTuning {
  return papers >= 200 ? t : { ...t, tfidf: { ...t.tfidf, maxDf: Math.max(t.tfidf.maxDf, 0.5), minDf: Math.min(t.tfidf.minDf, 2) } };
}
