import { tokenize } from '../search/text.js';
import { paperTokens, pinStems, type RecommendText } from './terms.js';
import { TfidfVocabulary, type VocabularyState } from './tfidf.js';
import type { SparseVec } from './sparse.js';
import { capacityFor, RaggedRows, resized } from './ragged.js';
import { ModelBuilder } from './model-builder.js';
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

const DAY = 86_400_000;
const dayNumber = (d: string) => Math.floor(Date.parse(`${d}T00:00:00Z`) / DAY);
const authorKey = (a: string) => tokenize(a).join(' ');

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

/**
 * A reader-independent model of the archive: each paper's tf-idf vector and its place in a concept
 * space (LSA) learned from the whole archive. A reader's profile is built per request from their
 * papers, so recommending costs one pass over the candidates, never a training run.
 */
export class RecommenderModel {
  private readonly rowOf = new Map<string, number>();
  private readonly ids: string[] = [];
  private vectors = new RaggedRows<Float32Array>(0, 0, (n) => new Float32Array(n));
  private dates = new RaggedRows<Int32Array>(0, 0, (n) => new Int32Array(n));
  /** Row capacity × dims: grown by doubling, so a model loaded from disk still takes new papers. */
  private embed: Float32Array;
  private readonly byAuthor = new Map<string, number[]>();
  /** Rows by digest day: a reader's last 7 days are a few hundred rows, not a scan of the archive. */
  private readonly byDay = new Map<number, Set<number>>();
  private readonly mean: Float64Array;
  private readonly scale: Float64Array;
  /** Papers the vocabulary and concept space were fitted on (the rest were folded in). */
  readonly fittedOn: number;

  private constructor(
    /** Scoring knobs may be changed between requests (bench:recommend tunes them); fitting knobs not. */
    public tuning: RecommenderTuning,
    private readonly vocab: TfidfVocabulary,
    private readonly components: Float32Array,
    private readonly singular: Float64Array,
    readonly dims: number,
    fittedOn: number,
  ) {
    this.fittedOn = fittedOn;
    this.embed = new Float32Array(capacityFor(fittedOn) * dims);
    this.mean = new Float64Array(dims);
    this.scale = Float64Array.from(singular, (s) => (s > 0 ? s ** (tuning.sigmaPower - 1) : 0));
  }

  /** Fits vocabulary and concept space on these papers. Seconds at 100k papers: do it off the hot path (fit-in-worker.ts). */
  static fit(papers: ModelPaper[], tuning: RecommenderTuning): RecommenderModel {
    const b = new ModelBuilder(tuning);
    b.add(papers);
    return b.finish();
  }

  /** @internal ModelBuilder's way in. */
  static fromParts(tuning: RecommenderTuning, vocab: TfidfVocabulary, svd: { components: Float32Array; singular: Float64Array; k: number }, fittedOn: number): RecommenderModel {
    return new RecommenderModel(tuning, vocab, svd.components, svd.singular, svd.k, fittedOn);
  }

  /**
   * The model as plain arrays. The large ones are views of the model's own (the fit worker would
   * otherwise hold the model twice at its peak): write or transfer the state before adding papers.
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
    const m = new RecommenderModel(s.tuning, TfidfVocabulary.fromState(s.vocab), s.components, s.singular, s.dims, s.fittedOn);
    // Exactly full arrays: put() grows them (to a capacity) when a paper is folded in after the load.
    m.embed = s.embed;
    m.vectors = RaggedRows.fromCompact(s.termPtr, s.terms, s.weights, (n) => new Float32Array(n));
    m.dates = RaggedRows.fromCompact(s.datePtr, s.days, new Int32Array(s.days.length), (n) => new Int32Array(n));
    s.ids.forEach((id, r) => {
      m.ids.push(id);
      m.rowOf.set(id, r);
      m.indexDays(r, m.dates.rowKeys(r));
    });
    s.authors.forEach((a, i) => m.byAuthor.set(a, Array.from(s.authorRows.subarray(s.authorPtr[i]!, s.authorPtr[i + 1]!))));
    m.recomputeMean();
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
    this.recomputeMean();
  }

  /** @internal Adds or replaces one paper from its full tf-idf vector. */
  put(id: string, authors: string[], digestDates: string[], vec: SparseVec): void {
    let r = this.rowOf.get(id);
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
    e.fill(0);
    for (let j = 0; j < vec.indices.length; j++) {
      const v = vec.values[j]!;
      const o = vec.indices[j]! * k;
      for (let c = 0; c < k; c++) e[c]! += v * this.components[o + c]!;
    }
    let norm = 0;
    for (let c = 0; c < k; c++) {
      e[c]! *= this.scale[c]!;
      norm += e[c]! ** 2;
    }
    norm = Math.sqrt(norm) || 1;
    for (let c = 0; c < k; c++) e[c]! /= norm;
  }

  private indexDays(r: number, days: ArrayLike<number>): void {
    for (let i = 0; i < days.length; i++) {
      const rows = this.byDay.get(days[i]!);
      if (rows) rows.add(r);
      else this.byDay.set(days[i]!, new Set([r]));
    }
  }

  /** @internal */
  recomputeMean(): void {
    const k = this.dims;
    this.mean.fill(0);
    for (let r = 0; r < this.ids.length; r++) for (let c = 0; c < k; c++) this.mean[c]! += this.embed[r * k + c]!;
    for (let c = 0; c < k; c++) this.mean[c]! /= Math.max(1, this.ids.length);
  }

  recommend(req: RecommendRequest): RecommendOutcome {
    const t = this.tuning;
    const k = this.dims;
    const unknown: string[] = [];
    const rowsOf = (ids: string[] = []) =>
      ids.flatMap((id) => {
        const r = this.rowOf.get(id);
        if (r === undefined) unknown.push(id);
        return r === undefined ? [] : [r];
      });
    const pos = rowsOf(req.positives);
    const neg = rowsOf(req.negatives);

    // The profile, in both spaces: mean of the liked papers minus a share of the disliked ones.
    const concept = new Float64Array(k);
    const words = new Float32Array(this.vocab.size);
    const addTo = (rows: number[], w: number) => {
      for (const r of rows) {
        for (let c = 0; c < k; c++) concept[c]! += (w / rows.length) * this.embed[r * k + c]!;
        const idx = this.vectors.rowKeys(r);
        const val = this.vectors.rowValues(r);
        for (let j = 0; j < idx.length; j++) words[idx[j]!]! += (w / rows.length) * val[j]!;
      }
    };
    addTo(pos, 1);
    addTo(neg, -t.negativeWeight);
    if (pos.length) for (let c = 0; c < k; c++) concept[c]! -= t.center * this.mean[c]!;

    const excluded = new Set<number>([...pos, ...neg]);
    for (const id of req.exclude ?? []) {
      const r = this.rowOf.get(id);
      if (r !== undefined) excluded.add(r);
    }
    const lo = req.since ? dayNumber(req.since) : -Infinity;
    const hi = req.until ? dayNumber(req.until) : Infinity;
    const inRange = (r: number) => {
      if (lo === -Infinity && hi === Infinity) return true;
      for (const d of this.dates.rowKeys(r)) if (d >= lo && d <= hi) return true;
      return false;
    };
    const pinMatchers = (req.pins ?? []).map((pin) => ({ pin, match: this.pinMatcher(pin) }));

    const want = (req.offset ?? 0) + req.limit;
    const candidates: number[] = [];
    if (req.only) {
      for (const id of new Set(req.only)) {
        const r = this.rowOf.get(id);
        if (r !== undefined && !excluded.has(r) && inRange(r)) candidates.push(r);
      }
    } else if (hi - lo <= 366) {
      const seen = new Set<number>();
      for (let d = lo; d <= hi; d++) for (const r of this.byDay.get(d) ?? []) if (!excluded.has(r) && !seen.has(r)) seen.add(r);
      candidates.push(...[...seen].sort((a, b) => a - b));
    } else for (let r = 0; r < this.ids.length; r++) if (!excluded.has(r) && inRange(r)) candidates.push(r);
    const pinned = new Float32Array(this.ids.length);
    if (pinMatchers.length) for (const r of candidates) for (const p of pinMatchers) if (p.match(r)) pinned[r]! += t.pinBoost;
    let top = this.scoreAll(candidates, concept, words, pinned, Math.max(want, t.feedbackDepth));
    if (t.feedback > 0 && pos.length && candidates.length > t.feedbackDepth) {
      // Pseudo-relevance feedback: the best candidates of the first pass widen the profile toward
      // the neighbourhood the reader's few papers sit in (eight bookmarks are a thin sample of a topic).
      const best = top.sorted().slice(0, t.feedbackDepth);
      const n = Math.hypot(...concept) || 1;
      for (const { row: r } of best) for (let c = 0; c < k; c++) concept[c]! += ((t.feedback * n) / best.length) * this.embed[r * k + c]!;
      top = this.scoreAll(candidates, concept, words, pinned, want);
    }
    const total = candidates.length;
    const items = top
      .sorted()
      .slice(req.offset ?? 0, want)
      .map(({ row: r, score }) => ({
        id: this.ids[r]!,
        score: Math.round(score * 1e4) / 1e4,
        because: this.because(r, words),
        pins: pinMatchers.filter((p) => p.match(r)).map((p) => p.pin),
      }));
    return { items, total, unknown };
  }

  private scoreAll(candidates: number[], concept: Float64Array, words: Float32Array, pinned: Float32Array, size: number): TopK {
    const t = this.tuning;
    const k = this.dims;
    const cw = t.conceptWeight / (Math.hypot(...concept) || 1);
    let ww = 0;
    if (t.conceptWeight < 1) {
      let wn = 0;
      for (let f = 0; f < words.length; f++) wn += words[f]! ** 2;
      ww = (1 - t.conceptWeight) / (Math.sqrt(wn) || 1);
    }
    const top = new TopK(size);
    for (const r of candidates) {
      let s = 0;
      const o = r * k;
      for (let c = 0; c < k; c++) s += concept[c]! * this.embed[o + c]!;
      let w = 0;
      if (ww !== 0) {
        const idx = this.vectors.rowKeys(r);
        const val = this.vectors.rowValues(r);
        for (let j = 0; j < idx.length; j++) w += val[j]! * words[idx[j]!]!;
      }
      top.offer(r, cw * s + ww * w + pinned[r]!);
    }
    return top;
  }

  /** A pin matches an author by full name, else a paper holding every feature the phrase makes. */
  private pinMatcher(pin: string): (r: number) => boolean {
    const authors = new Set(this.byAuthor.get(authorKey(pin)) ?? []);
    const needed = this.vocab.featureIds(pinStems(pin));
    return (r) => {
      if (authors.has(r)) return true;
      if (!needed.length) return false;
      const idx = this.vectors.rowKeys(r);
      return needed.every((f) => binaryHas(idx, f));
    };
  }

  /** The paper's terms weighing most in its overlap with the profile; a phrase hides its own words. */
  private because(r: number, profile: Float32Array): string[] {
    const idx = this.vectors.rowKeys(r);
    const val = this.vectors.rowValues(r);
    const shared: Array<[string, number]> = [];
    for (let j = 0; j < idx.length; j++) {
      const w = val[j]! * profile[idx[j]!]!;
      if (w > 0) shared.push([this.vocab.labels[idx[j]!]!, w]);
    }
    shared.sort((a, b) => b[1] - a[1]);
    const out: string[] = [];
    for (const [label] of shared) {
      if (out.length === 3) break;
      const parts = label.split(' ');
      if (out.some((o) => o.split(' ').some((w) => parts.includes(w)))) continue;
      out.push(label);
    }
    return out;
  }
}

/** The `keep` heaviest terms of a vector, indices ascending. */
function heaviest(v: SparseVec, keep: number): SparseVec {
  if (v.indices.length <= keep) return v;
  const order = [...v.values.keys()].sort((a, b) => v.values[b]! - v.values[a]!).slice(0, keep).sort((a, b) => a - b);
  return { indices: Int32Array.from(order, (j) => v.indices[j]!), values: Float32Array.from(order, (j) => v.values[j]!) };
}

function binaryHas(a: Int32Array, x: number): boolean {
  let lo = 0;
  let hi = a.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid] === x) return true;
    if (a[mid]! < x) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** The k best (row, score) pairs seen, by a min-heap: no sort of every candidate. */
class TopK {
  private readonly heap: Array<{ row: number; score: number }> = [];
  constructor(private readonly k: number) {}

  offer(row: number, score: number): void {
    const h = this.heap;
    if (h.length < this.k) {
      h.push({ row, score });
      let i = h.length - 1;
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (h[p]!.score <= h[i]!.score) break;
        [h[p], h[i]] = [h[i]!, h[p]!];
        i = p;
      }
    } else if (this.k > 0 && score > h[0]!.score) {
      h[0] = { row, score };
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && h[l]!.score < h[m]!.score) m = l;
        if (r < h.length && h[r]!.score < h[m]!.score) m = r;
        if (m === i) break;
        [h[m], h[i]] = [h[i]!, h[m]!];
        i = m;
      }
    }
  }

  sorted(): Array<{ row: number; score: number }> {
    return [...this.heap].sort((a, b) => b.score - a.score || a.row - b.row);
  }
}
