import { paperTokens } from './terms.js';
import { TfidfVocabulary } from './tfidf.js';
import type { SparseVec } from './sparse.js';
import { capacityFor, RaggedRows, resized, withRoom } from './ragged.js';
import { ModelBuilder } from './model-builder.js';
import { authorKey, conceptScale, dayNumber, heaviest, placeInConcepts } from './model-fold-in.js';
import { rank } from './model-ranking.js';
import type { ModelPaper, ModelState, RecommendOutcome, RecommendRequest } from './model-types.js';
import type { RecommenderTuning } from './tuning.js';

export type { ModelPaper, ModelState, Recommendation, RecommendOutcome, RecommendRequest } from './model-types.js';

/**
 * A reader-independent model of the archive: each paper's tf-idf vector and its place in a concept
 * space (LSA) learned from the whole archive. Ranking is model-ranking.ts, the placement of a paper
 * model-fold-in.ts, the fit model-builder.ts; this class holds the rows and keeps them current.
 * Fields marked internal are read by those files only.
 */
export class RecommenderModel {
  /** @internal */ readonly rowOf = new Map<string, number>();
  /** @internal */ readonly ids: string[] = [];
  /** @internal Each paper's keepTerms heaviest tf-idf terms. */ vectors = new RaggedRows<Float32Array>(0, 0, (n) => new Float32Array(n));
  /** @internal Each paper's digest days. */ dates = new RaggedRows<Int32Array>(0, 0, (n) => new Int32Array(n));
  /** @internal Row capacity × dims: room for the papers folded in until the refit (spareRows), grown by a quarter past it. */
  embed: Float32Array;
  /** @internal */ readonly byAuthor = new Map<string, number[]>();
  /** @internal Rows by digest day: a reader's last 7 days are a few hundred rows, not a scan of the archive. */
  readonly byDay = new Map<number, Set<number>>();
  /** @internal The archive's mean concept vector: `sum` over the rows, kept as rows are put. */ readonly mean: Float64Array;
  /** The rows' concept vectors summed (float64): a fold-in updates it by its own rows, never re-sums the archive. */
  private readonly sum: Float64Array;
  private readonly scale: Float64Array;
  /** Papers the vocabulary and concept space were fitted on (the rest were folded in). */
  readonly fittedOn: number;

  private constructor(
    /** Scoring knobs may be changed between requests (bench:recommend tunes them); fitting knobs not. */
    public tuning: RecommenderTuning,
    /** @internal */ readonly vocab: TfidfVocabulary,
    private readonly components: Float32Array,
    private readonly singular: Float64Array,
    readonly dims: number,
    fittedOn: number,
    rows = fittedOn,
  ) {
    this.fittedOn = fittedOn;
    this.embed = new Float32Array(capacityFor(rows) * dims);
    this.mean = new Float64Array(dims);
    this.sum = new Float64Array(dims);
    this.scale = conceptScale(singular, tuning.sigmaPower);
  }

  /** Fits vocabulary and concept space on these papers. Seconds at 100k papers: do it off the hot path (fit-in-worker.ts). */
  static fit(papers: ModelPaper[], tuning: RecommenderTuning): RecommenderModel {
    const b = new ModelBuilder(tuning);
    b.add(papers);
    return b.finish();
  }

  /** @internal An empty model over a fitted vocabulary and concept space, for papers to be folded in one by one (tests compare the fit with it). */
  static fromParts(tuning: RecommenderTuning, vocab: TfidfVocabulary, svd: { components: Float32Array; singular: Float64Array; k: number }, fittedOn: number): RecommenderModel {
    return new RecommenderModel(tuning, vocab, svd.components, svd.singular, svd.k, fittedOn);
  }

  /**
   * The model as plain arrays. The large ones are views of the model's own (no second copy): write
   * or transfer the state before adding papers.
   */
  toState(): ModelState {
    const n = this.ids.length;
    const v = this.vectors.compact(n);
    const d = this.dates.compact(n);
    const authors = [...this.byAuthor.keys()];
    const authorPtr = new Int32Array(authors.length + 1);
    authors.forEach((a, i) => (authorPtr[i + 1] = authorPtr[i]! + this.byAuthor.get(a)!.length));
    const authorRows = new Int32Array(authorPtr[authors.length]!);
    authors.forEach((a, i) => authorRows.set(this.byAuthor.get(a)!, authorPtr[i]!));
    return {
      tuning: this.tuning,
      dims: this.dims,
      fittedOn: this.fittedOn,
      vocab: this.vocab.toState(),
      components: this.components,
      singular: this.singular,
      ids: [...this.ids],
      termPtr: v.ptr,
      terms: v.keys,
      weights: v.values,
      datePtr: d.ptr,
      days: d.keys,
      authors,
      authorPtr,
      authorRows,
      embed: this.embed.subarray(0, n * this.dims),
    };
  }

  /** The model over a state's arrays, adopted, not copied (the state must not be used afterwards): a load costs no second copy. */
  static fromState(s: ModelState): RecommenderModel {
    const m = new RecommenderModel(s.tuning, TfidfVocabulary.fromState(s.vocab), s.components, s.singular, s.dims, s.fittedOn, 0);
    // The arrays' room past the rows (a fit's state, a file read: see spareRows) takes the papers folded in.
    const embed = withRoom(s.embed);
    m.embed = embed.subarray(0, embed.length - (embed.length % s.dims));
    m.vectors = RaggedRows.fromCompact(s.termPtr, s.terms, s.weights, (n) => new Float32Array(n));
    m.dates = RaggedRows.fromCompact(s.datePtr, s.days, new Int32Array(0), (n) => new Int32Array(n));
    s.ids.forEach((id, r) => {
      m.ids.push(id);
      m.rowOf.set(id, r);
      m.indexDays(r, m.dates.rowKeys(r));
    });
    s.authors.forEach((a, i) => m.byAuthor.set(a, Array.from(s.authorRows.subarray(s.authorPtr[i]!, s.authorPtr[i + 1]!))));
    m.sumRows();
    return m;
  }

  get size(): number {
    return this.ids.length;
  }

  has(id: string): boolean {
    return this.rowOf.has(id);
  }

  /** Adds or replaces papers with the fitted vocabulary and concept space (folding in). */
  add(papers: ModelPaper[]): void {
    for (const p of papers) this.put(p.id, p.authors, p.digestDates, this.vocab.vectorize(paperTokens(p)));
  }

  /** @internal Adds or replaces one paper from its full tf-idf vector. */
  put(id: string, authors: string[], digestDates: string[], vec: SparseVec): void {
    let r = this.rowOf.get(id);
    const replaced = r !== undefined;
    if (r === undefined) {
      r = this.ids.length;
      this.rowOf.set(id, r);
      this.ids.push(id);
      for (const a of authors) {
        const key = authorKey(a);
        if (!key) continue;
        const list = this.byAuthor.get(key);
        if (list) list.push(r);
        else this.byAuthor.set(key, [r]);
      }
    }
    const kept = heaviest(vec, this.tuning.keepTerms);
    this.vectors.set(r, kept.indices, kept.values);
    const days = Int32Array.from(digestDates, dayNumber);
    for (const d of this.dates.rowKeys(r)) this.byDay.get(d)?.delete(r);
    this.indexDays(r, days);
    this.dates.set(r, days);
    const k = this.dims;
    this.embed = resized(this.embed, capacityFor(r + 1, this.embed.length / k) * k);
    const e = this.embed.subarray(r * k, (r + 1) * k);
    if (replaced) for (let c = 0; c < k; c++) this.sum[c]! -= e[c]!;
    placeInConcepts(vec, this.components, this.scale, e);
    for (let c = 0; c < k; c++) this.sum[c]! += e[c]!;
    this.refreshMean();
  }

  private indexDays(r: number, days: ArrayLike<number>): void {
    for (let i = 0; i < days.length; i++) {
      const rows = this.byDay.get(days[i]!);
      if (rows) rows.add(r);
      else this.byDay.set(days[i]!, new Set([r]));
    }
  }

  /** The sum over every row from scratch (a model adopted from a state), and the mean from it. */
  private sumRows(): void {
    const k = this.dims;
    this.sum.fill(0);
    for (let r = 0; r < this.ids.length; r++) for (let c = 0; c < k; c++) this.sum[c]! += this.embed[r * k + c]!;
    this.refreshMean();
  }

  private refreshMean(): void {
    for (let c = 0; c < this.dims; c++) this.mean[c] = this.sum[c]! / Math.max(1, this.ids.length);
  }

  /** @internal The mean summed afresh over every row, as each fold-in once did (tests hold the running mean to it). */
  meanFromScratch(): Float64Array {
    const k = this.dims;
    const mean = new Float64Array(k);
    for (let r = 0; r < this.ids.length; r++) for (let c = 0; c < k; c++) mean[c]! += this.embed[r * k + c]!;
    for (let c = 0; c < k; c++) mean[c]! /= Math.max(1, this.ids.length);
    return mean;
  }

  recommend(req: RecommendRequest): RecommendOutcome {
    return rank(this, req);
  }
}
