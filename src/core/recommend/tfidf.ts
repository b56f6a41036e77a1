import { PairCounts } from './pair-counts.js';
import type { Csr, SparseVec } from './sparse.js';

/** Knobs of the tf-idf vocabulary; the defaults are arxiv-sanity-lite's. */
export interface TfidfOptions {
  /** A feature must occur in at least this many papers. */
  minDf: number;
  /** …and in at most this fraction of them (common words say nothing about a reader's taste). */
  maxDf: number;
  /** Keep the most frequent this-many features. */
  maxFeatures: number;
  /** Word pairs as well as single words. */
  bigrams: boolean;
}

export const SANITY_TFIDF: TfidfOptions = { minDf: 5, maxDf: 0.1, maxFeatures: 20_000, bigrams: true };

/** A token as a stem (what is counted) and a surface form (what is shown). '' marks a break. */
export interface TokenLike {
  stem: string;
  surface: string;
}

// Word pair keys as plain numbers: (first + 1) · 2^21 + second never collides with a single word id.
const PAIR = 2 ** 21;
const pairKey = (a: number, b: number) => (a + 1) * PAIR + b;
// Past this many distinct word pairs, pairs seen once so far are forgotten: keeps counting bounded on
// a large archive; such a pair can then miss min_df by its first occurrence (an approximation).
// 1.5M (was 3M): the pair counts were the largest part of the fit's peak memory at 100k papers.
const MAX_PAIRS = 1_500_000;

/** The fitted vocabulary: stems to ids, features with their idf and a label to show. */
export class TfidfVocabulary {
  constructor(
    readonly words: Map<string, number>,
    readonly features: Map<number, number>,
    readonly idf: Float32Array,
    readonly labels: string[],
    readonly bigrams: boolean,
  ) {}

  get size(): number {
    return this.idf.length;
  }

  /** Feature ids of a sequence of stems: the single words, and their pairs when the model has pairs. */
  featureIds(stems: string[]): number[] {
    const ids = stems.map((s) => this.words.get(s) ?? -1);
    const out: number[] = [];
    ids.forEach((w, i) => {
      const f = w >= 0 ? this.features.get(w) : undefined;
      if (f !== undefined) out.push(f);
      const next = ids[i + 1];
      if (this.bigrams && w >= 0 && next !== undefined && next >= 0) {
        const p = this.features.get(pairKey(w, next));
        if (p !== undefined) out.push(p);
      }
    });
    return out;
  }

  /** Sublinear tf × idf, l2-normalised; unknown words are ignored. */
  vectorize(tokens: TokenLike[]): SparseVec {
    return this.vectorizeSeq(tokens.map((t) => (t.stem ? (this.words.get(t.stem) ?? -2) : -1)));
  }

  /** The same from word ids as the counter gave them (-1 a break, -2 a word outside the vocabulary). */
  vectorizeSeq(seq: ArrayLike<number>): SparseVec {
    return weigh(countFeatures(seq, this.features, this.bigrams), this.idf);
  }

  /** Plain arrays (for the model file and the fit worker's reply). */
  toState(): VocabularyState {
    const stems = [...this.words.keys()];
    const featureKeys = new Float64Array(this.features.size);
    for (const [k, f] of this.features) featureKeys[f] = k;
    return { stems, wordIds: Int32Array.from(stems, (s) => this.words.get(s)!), featureKeys, idf: this.idf, labels: this.labels, bigrams: this.bigrams };
  }

  static fromState(s: VocabularyState): TfidfVocabulary {
    const words = new Map<string, number>();
    s.stems.forEach((stem, i) => words.set(stem, s.wordIds[i]!));
    const features = new Map<number, number>();
    s.featureKeys.forEach((k, f) => features.set(k, f));
    return new TfidfVocabulary(words, features, s.idf, s.labels, s.bigrams);
  }
}

export interface VocabularyState {
  stems: string[];
  wordIds: Int32Array;
  /** Feature f's key: a word id, or a word pair's key. */
  featureKeys: Float64Array;
  idf: Float32Array;
  labels: string[];
  bigrams: boolean;
}

function countFeatures(seq: ArrayLike<number>, features: Map<number, number>, bigrams: boolean): Map<number, number> {
  const tf = new Map<number, number>();
  for (let i = 0; i < seq.length; i++) {
    const a = seq[i]!;
    if (a < 0) continue;
    const f = features.get(a);
    if (f !== undefined) tf.set(f, (tf.get(f) ?? 0) + 1);
    const b = seq[i + 1];
    if (bigrams && b !== undefined && b >= 0) {
      const p = features.get(pairKey(a, b));
      if (p !== undefined) tf.set(p, (tf.get(p) ?? 0) + 1);
    }
  }
  return tf;
}

function weigh(tf: Map<number, number>, idf: Float32Array): SparseVec {
  const indices = Int32Array.from([...tf.keys()].sort((x, y) => x - y));
  const values = new Float32Array(indices.length);
  let norm = 0;
  indices.forEach((f, j) => {
    const v = (1 + Math.log(tf.get(f)!)) * idf[f]!;
    values[j] = v;
    norm += v * v;
  });
  norm = Math.sqrt(norm) || 1;
  for (let j = 0; j < values.length; j++) values[j]! /= norm;
  return { indices, values };
}

/**
 * Counts document frequencies one document at a time (papers can arrive page by page) and keeps
 * each document as a word-id sequence (4 bytes a token), for vectorizing once the vocabulary is chosen.
 */
export class TfidfCounter {
  private readonly words = new Map<string, number>();
  private readonly surfaces: string[] = [];
  private wordDf = new Int32Array(1024);
  private readonly pairDf = new PairCounts();
  private readonly seen = new Set<number>();
  docs = 0;

  /** `maxPairs`: lowered by tests of the forgetting only. */
  constructor(
    private readonly opts: TfidfOptions,
    private readonly maxPairs = MAX_PAIRS,
  ) {}

  /** Counts one document; returns its word-id sequence. */
  add(toks: TokenLike[]): Int32Array {
    const { words, surfaces, seen, pairDf } = this;
    const seq = new Int32Array(toks.length);
    seen.clear();
    toks.forEach((t, j) => {
      if (!t.stem) {
        seq[j] = -1;
        return;
      }
      let w = words.get(t.stem);
      if (w === undefined) {
        w = words.size;
        words.set(t.stem, w);
        surfaces.push(t.surface);
        if (w >= this.wordDf.length) {
          const grown = new Int32Array(this.wordDf.length * 2);
          grown.set(this.wordDf);
          this.wordDf = grown;
        }
      } else if (t.surface.length < surfaces[w]!.length) surfaces[w] = t.surface;
      seq[j] = w;
      if (!seen.has(w)) {
        seen.add(w);
        this.wordDf[w]!++;
      }
    });
    if (this.opts.bigrams) {
      for (let j = 0; j + 1 < seq.length; j++) {
        if (seq[j]! < 0 || seq[j + 1]! < 0) continue;
        const k = pairKey(seq[j]!, seq[j + 1]!);
        if (seen.has(k)) continue;
        seen.add(k);
        pairDf.increment(k);
      }
      if (pairDf.size > this.maxPairs) pairDf.prune(2);
    }
    this.docs++;
    return seq;
  }

  /** The vocabulary of the documents counted so far. Drop the counter afterwards: its dictionaries are the fit's largest. */
  vocabulary(opts: TfidfOptions = this.opts): TfidfVocabulary {
    const { words, surfaces, wordDf, pairDf } = this;
    const n = this.docs;
    const maxDocs = opts.maxDf * n;
    // Candidates as two typed arrays sorted through an index: up to 1.5M [key, df] pairs as small
    // JS arrays were ~70 MB at the fit's peak (100k papers).
    const ok = (df: number) => df >= opts.minDf && df <= maxDocs;
    let m = 0;
    for (let w = 0; w < words.size; w++) if (ok(wordDf[w]!)) m++;
    for (const [, df] of pairDf.entries()) if (ok(df)) m++;
    const keys = new Float64Array(m);
    const dfs = new Int32Array(m);
    m = 0;
    const take = (k: number, df: number) => {
      keys[m] = k;
      dfs[m++] = df;
    };
    for (let w = 0; w < words.size; w++) if (ok(wordDf[w]!)) take(w, wordDf[w]!);
    for (const [k, df] of pairDf.entries()) if (ok(df)) take(k, df);
    // Most frequent first, ties by key so the same archive always gives the same vocabulary.
    const order = new Uint32Array(m).map((_, i) => i).sort((x, y) => dfs[y]! - dfs[x]! || keys[x]! - keys[y]!);
    const chosen = Array.from(order.subarray(0, opts.maxFeatures), (i) => [keys[i]!, dfs[i]!] as const);

    const features = new Map<number, number>();
    const idf = new Float32Array(chosen.length);
    const labels: string[] = [];
    const usedWords = new Set<number>();
    chosen.forEach(([k, df], f) => {
      features.set(k, f);
      idf[f] = Math.log((1 + n) / (1 + df)) + 1;
      if (k < PAIR) {
        labels.push(surfaces[k]!);
        usedWords.add(k);
      } else {
        const a = Math.floor(k / PAIR) - 1;
        const b = k % PAIR;
        labels.push(`${surfaces[a]} ${surfaces[b]}`);
        usedWords.add(a).add(b);
      }
    });
    // Only words some feature uses are needed to vectorize later papers; word ids stay as counted.
    const kept = new Map<string, number>();
    for (const [s, w] of words) if (usedWords.has(w)) kept.set(s, w);
    return new TfidfVocabulary(kept, features, idf, labels, opts.bigrams);
  }
}

/** Rows of a vocabulary's vectors as one sparse matrix. */
export function toCsr(rows: SparseVec[], cols: number): Csr {
  const n = rows.length;
  const ptr = new Int32Array(n + 1);
  rows.forEach((r, i) => (ptr[i + 1] = ptr[i]! + r.indices.length));
  const indices = new Int32Array(ptr[n]!);
  const values = new Float32Array(ptr[n]!);
  rows.forEach((r, i) => {
    indices.set(r.indices, ptr[i]!);
    values.set(r.values, ptr[i]!);
  });
  return { rows: n, cols, ptr, indices, values };
}

/** Fits the vocabulary on `n` documents and returns it with their tf-idf rows (small archives, tests). */
export function fitTfidf(n: number, tokensOf: (i: number) => TokenLike[], opts: TfidfOptions): { vocab: TfidfVocabulary; matrix: Csr } {
  const counter = new TfidfCounter(opts);
  const docs = Array.from({ length: n }, (_, i) => counter.add(tokensOf(i)));
  const vocab = counter.vocabulary();
  return { vocab, matrix: toCsr(docs.map((d) => vocab.vectorizeSeq(d)), vocab.size) };
}
