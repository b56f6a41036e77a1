/**
 * arxiv-sanity-lite's recommender, in TypeScript, as the anchor for bench:recommend.
 *
 * Features (compute.py): TfidfVectorizer over "title | abstract | authors", strip_accents unicode,
 * lowercase, English stop words, token_pattern [a-zA-Z_][a-zA-Z0-9_]+, ngram_range (1, 2),
 * max_features 20000, min_df 5, max_df 0.1, sublinear_tf, smooth idf, l2 norm. Differences: our
 * stop-word list (NLTK's, close to scikit-learn's) and features chosen by document frequency rather
 * than total term count.
 *
 * Ranking (serve.py svm_rank): LinearSVC(class_weight='balanced', C=0.01, tol=1e-6) fitted on every
 * paper, the reader's tagged ones labelled 1, and every paper ranked by its decision function.
 * LinearSVC is liblinear's L2-regularised squared-hinge SVM solved in the dual by coordinate descent
 * (Hsieh et al. 2008) with the bias as an extra feature of value 1 (intercept_scaling 1): done so here.
 */
import { foldAccents } from '../../src/core/search/text.js';
import { STOP_WORDS } from '../../src/core/search/stop-words.js';
import { SANITY_TFIDF, fitTfidf } from '../../src/core/recommend/tfidf.js';
import type { Csr } from '../../src/core/recommend/sparse.js';
import type { RecommendText } from '../../src/core/recommend/terms.js';

const TOKEN = /[a-zA-Z_][a-zA-Z0-9_]+/g;

function sanityTokens(p: RecommendText) {
  const text = foldAccents(`${p.title} | ${p.abstract} | ${p.authors.join(' ')}`);
  return (text.match(TOKEN) ?? []).filter((w) => !STOP_WORDS.has(w)).map((w) => ({ stem: w, surface: w }));
}

export function sanityFeatures(papers: RecommendText[]): Csr {
  return fitTfidf(papers.length, (i) => sanityTokens(papers[i]!), SANITY_TFIDF).matrix;
}

/** Decision values of a LinearSVC fitted with `positives` (row numbers) as class 1, all others as 0. */
export function svmScores(x: Csr, positives: number[], opts: { C?: number; tol?: number; maxIter?: number } = {}): Float64Array {
  const C = opts.C ?? 0.01;
  const n = x.rows;
  const isPos = new Uint8Array(n);
  for (const p of positives) isPos[p] = 1;
  const nPos = positives.length;
  // class_weight='balanced': n / (2 · count of the class).
  const cPos = (C * n) / (2 * nPos);
  const cNeg = (C * n) / (2 * (n - nPos));
  const w = new Float64Array(x.cols + 1); // last: the bias
  const alpha = new Float64Array(n);
  const qii = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 1; // the bias feature
    for (let p = x.ptr[i]!; p < x.ptr[i + 1]!; p++) s += x.values[p]! ** 2;
    qii[i] = s + 1 / (2 * (isPos[i] ? cPos : cNeg));
  }
  const order = Int32Array.from({ length: n }, (_, i) => i);
  let seed = 1;
  const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 4294967296);
  const maxIter = opts.maxIter ?? 1000;
  const tol = opts.tol ?? 1e-6;
  for (let it = 0; it < maxIter; it++) {
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let maxPg = -Infinity;
    let minPg = Infinity;
    for (const i of order) {
      const y = isPos[i] ? 1 : -1;
      const dii = 1 / (2 * (isPos[i] ? cPos : cNeg));
      let wx = w[x.cols]!;
      for (let p = x.ptr[i]!; p < x.ptr[i + 1]!; p++) wx += w[x.indices[p]!]! * x.values[p]!;
      const g = y * wx - 1 + dii * alpha[i]!;
      const pg = alpha[i] === 0 ? Math.min(g, 0) : g;
      maxPg = Math.max(maxPg, pg);
      minPg = Math.min(minPg, pg);
      if (Math.abs(pg) > 1e-12) {
        const old = alpha[i]!;
        alpha[i] = Math.max(old - g / qii[i]!, 0);
        const d = (alpha[i]! - old) * y;
        for (let p = x.ptr[i]!; p < x.ptr[i + 1]!; p++) w[x.indices[p]!]! += d * x.values[p]!;
        w[x.cols]! += d;
      }
    }
    if (maxPg - minPg < tol) break;
  }
  const scores = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = w[x.cols]!;
    for (let p = x.ptr[i]!; p < x.ptr[i + 1]!; p++) s += w[x.indices[p]!]! * x.values[p]!;
    scores[i] = s;
  }
  return scores;
}
