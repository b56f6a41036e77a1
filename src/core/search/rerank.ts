import { stem, tokenize } from './text.js';

/**
 * BM25F parameters for re-scoring a long query's candidates. FTS5's bm25 has k1 = 1.2, b = 0.75
 * built in and scores each column apart; here the title and abstract term counts are merged first
 * (BM25F), each normalised by its own length. Chosen on the SciFact train split.
 */
export interface RerankOptions {
  /** Candidates read from FTS5's own bm25 order and re-scored. */
  candidates: number;
  k1: number;
  /** Length normalisation of the title and of the abstract (0: none, 1: full). */
  bTitle: number;
  bAbstract: number;
  /** A title occurrence counts this many abstract occurrences. */
  titleWeight: number;
  /**
   * 'bm25': log((N - df + 0.5) / (df + 0.5)), floored near 0 as FTS5 does (common words weigh
   * nothing); 'plus1': log(1 + that ratio) as Lucene does (they weigh a little).
   */
  idf: 'bm25' | 'plus1';
  /** Score × (1 + coverage × share of the query's words the paper has). 0: plain BM25F. */
  coverage: number;
  /**
   * Weight of the abstract's best passage: the BM25 (no length normalisation) of the best window of
   * `passageWords` tokens. A claim is usually backed by one or two sentences of an abstract, and
   * the whole-abstract score cannot tell its words gathered in one place from words scattered. 0: off.
   */
  passage: number;
  passageWords: number;
  /**
   * Weight of term proximity (the full-dependence variant of the sequential dependence model):
   * for every pair of distinct query words, the occurrences closer than `proximityWindow` tokens,
   * saturated, weighted by the rarer word's idf. The title and abstract are one sequence with a
   * gap between them. 0: off.
   */
  proximity: number;
  proximityWindow: number;
  /**
   * A word whose stem shares its first `variantPrefix` letters with a longer query stem counts as
   * `variantWeight` of an occurrence: Porter leaves "metastases"/"metastatic" or
   * "immunization"/"immunity" apart, which a pasted claim and its paper often differ by. 0: off.
   */
  variantPrefix: number;
  variantWeight: number;
}

export const DEFAULT_RERANK: RerankOptions = {
  candidates: 200,
  k1: 1.2,
  bTitle: 0.75,
  bAbstract: 0.75,
  titleWeight: 3,
  idf: 'plus1',
  coverage: 0,
  passage: 0.5,
  passageWords: 15,
  proximity: 0.1,
  proximityWindow: 8,
  variantPrefix: 7,
  variantWeight: 0.3,
};

/** What the re-scorer reads of one candidate. */
export interface RerankDoc {
  rowid: number;
  title: string;
  abstract: string;
}

/** One typed word of the query: the stems of its alternatives (any counts) and its document count. */
export interface RerankTerm {
  stems: Set<string>;
  df: number;
}

/** Average tokens per column over the whole index, and the number of rows. */
export interface FieldStats {
  docs: number;
  avgTitle: number;
  avgAbstract: number;
}

/** A text as the query words it holds: per token, the word's index (-1: none) and how much it counts. */
interface Matches {
  term: Int32Array;
  weight: Float64Array;
}

/**
 * Scores of `docs` for `terms`, best first (ties keep the given order: FTS5's): BM25F over title
 * and abstract, plus the best abstract passage and term proximity when their weights are set.
 */
export function rerank(docs: RerankDoc[], terms: RerankTerm[], stats: FieldStats, o: RerankOptions): Array<{ rowid: number; score: number }> {
  const n = Math.max(stats.docs, 1);
  const ratio = (df: number) => (n - df + 0.5) / (df + 0.5);
  const idf = terms.map((t) => (o.idf === 'bm25' ? Math.max(1e-6, Math.log(ratio(t.df))) : Math.log(1 + ratio(t.df))));
  const termOf = new Map<string, number>();
  terms.forEach((t, i) => {
    for (const s of t.stems) if (!termOf.has(s)) termOf.set(s, i);
  });
  const k = o.variantPrefix;
  const variantOf = new Map<string, number>();
  if (o.variantWeight > 0 && k > 0) {
    terms.forEach((t, i) => {
      // Numbers and codes ("b12", "p53") are exact tokens: a shared prefix says nothing about them.
      for (const s of t.stems) if (s.length > k && /^[a-z]+$/.test(s) && !variantOf.has(s.slice(0, k))) variantOf.set(s.slice(0, k), i);
    });
  }
  // A query word's hyphenated form ("pro inflammatory" for proinflammatory): its two stems in a row.
  const pairOf = new Map<string, number>();
  terms.forEach((t, i) => {
    for (const s of t.stems) {
      const two = s.split(' ');
      const key = two.map(stem).join(' ');
      if (two.length === 2 && !pairOf.has(key)) pairOf.set(key, i);
    }
  });
  const matches = (text: string): Matches => {
    const words = tokenize(text);
    const term = new Int32Array(words.length).fill(-1);
    const weight = new Float64Array(words.length);
    words.forEach((w, j) => {
      const s = stem(w);
      if (pairOf.size && j + 1 < words.length) {
        const pair = pairOf.get(`${s} ${stem(words[j + 1]!)}`);
        if (pair !== undefined) {
          term[j] = pair;
          weight[j] = 1;
          return;
        }
      }
      const i = termOf.get(s);
      if (i !== undefined) {
        term[j] = i;
        weight[j] = 1;
      } else if (variantOf.size && s.length >= k) {
        const v = variantOf.get(s.slice(0, k));
        if (v !== undefined) {
          term[j] = v;
          weight[j] = o.variantWeight;
        }
      }
    });
    return { term, weight };
  };
  const saturated = (i: number, tf: number) => (idf[i]! * tf * (o.k1 + 1)) / (o.k1 + tf);
  const scored = docs.map((d, order) => {
    const title = matches(d.title);
    const abstract = matches(d.abstract);
    const tfTitle = new Float64Array(terms.length);
    const tfAbstract = new Float64Array(terms.length);
    title.term.forEach((i, j) => {
      if (i >= 0) tfTitle[i]! += title.weight[j]!;
    });
    abstract.term.forEach((i, j) => {
      if (i >= 0) tfAbstract[i]! += abstract.weight[j]!;
    });
    const normTitle = 1 - o.bTitle + o.bTitle * (title.term.length / (stats.avgTitle || 1));
    const normAbstract = 1 - o.bAbstract + o.bAbstract * (abstract.term.length / (stats.avgAbstract || 1));
    let score = 0;
    let matched = 0;
    terms.forEach((_, i) => {
      const tf = (o.titleWeight * tfTitle[i]!) / normTitle + tfAbstract[i]! / normAbstract;
      if (tf > 0) {
        score += saturated(i, tf);
        matched++;
      }
    });
    if (o.coverage && terms.length) score *= 1 + (o.coverage * matched) / terms.length;
    if (o.passage) score += o.passage * bestPassage(abstract, terms.length, o.passageWords, saturated);
    if (o.proximity) score += o.proximity * proximity(title, abstract, idf, o.proximityWindow);
    return { rowid: d.rowid, score, order };
  });
  scored.sort((a, b) => b.score - a.score || a.order - b.order);
  return scored.map(({ rowid, score }) => ({ rowid, score }));
}

/** BM25 of the best window of `size` tokens (windows overlap by half, so a sentence is rarely cut). */
function bestPassage(m: Matches, nTerms: number, size: number, saturated: (i: number, tf: number) => number): number {
  const width = Math.max(1, Math.floor(size));
  const stride = Math.max(1, Math.floor(width / 2));
  const tf = new Float64Array(nTerms);
  let best = 0;
  for (let start = 0; start === 0 || start + width - stride < m.term.length; start += stride) {
    tf.fill(0);
    const end = Math.min(m.term.length, start + width);
    for (let j = start; j < end; j++) if (m.term[j]! >= 0) tf[m.term[j]!]! += m.weight[j]!;
    let s = 0;
    for (let i = 0; i < nTerms; i++) if (tf[i]! > 0) s += saturated(i, tf[i]!);
    if (s > best) best = s;
  }
  return best;
}

/**
 * Σ over pairs of distinct query words of min(idf) × c / (1 + c) × 2, c being how many of their
 * occurrences lie closer than `window` tokens (a saturated count: one close pair says most of it).
 */
function proximity(title: Matches, abstract: Matches, idf: number[], window: number): number {
  const nTerms = idf.length;
  // The title and abstract are one sequence; the gap keeps a title word from pairing with the
  // abstract's first words.
  const gap = Math.max(0, Math.floor(window));
  const len = title.term.length + gap + abstract.term.length;
  const term = new Int32Array(len).fill(-1);
  const weight = new Float64Array(len);
  term.set(title.term, 0);
  weight.set(title.weight, 0);
  term.set(abstract.term, title.term.length + gap);
  weight.set(abstract.weight, title.term.length + gap);
  const count = new Float64Array(nTerms * nTerms);
  for (let j = 0; j < len; j++) {
    const x = term[j]!;
    if (x < 0) continue;
    for (let back = j - 1; back > j - window && back >= 0; back--) {
      const y = term[back]!;
      if (y < 0 || y === x) continue;
      count[Math.min(x, y) * nTerms + Math.max(x, y)]! += weight[j]! * weight[back]!;
    }
  }
  let s = 0;
  for (let x = 0; x < nTerms; x++) {
    for (let y = x + 1; y < nTerms; y++) {
      const c = count[x * nTerms + y]!;
      if (c > 0) s += (Math.min(idf[x]!, idf[y]!) * c * 2) / (1 + c);
    }
  }
  return s;
}
