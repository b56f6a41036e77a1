import { tokenize } from '../search/text.js';
import { paperTokens, pinStems, type RecommendText } from './terms.js';
import { fitTfidf, type TfidfVocabulary } from './tfidf.js';
import { row, type SparseVec } from './sparse.js';
import { truncatedSvd } from './svd.js';
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

/**
 * A reader-independent model of the archive: each paper's tf-idf vector and its place in a concept
 * space (LSA) learned from the whole archive. A reader's profile is built per request from their
 * papers, so recommending costs one pass over the candidates, never a training run.
 */
export class RecommenderModel {
  private readonly rowOf = new Map<string, number>();
  private ids: string[] = [];
  private vectors: SparseVec[] = [];
  private dates: Int32Array[] = [];
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
    singular: Float64Array,
    readonly dims: number,
    fittedOn: number,
  ) {
    this.fittedOn = fittedOn;
    this.embed = new Float32Array(Math.max(16, fittedOn) * dims);
    this.mean = new Float64Array(dims);
    this.scale = Float64Array.from(singular, (s) => (s > 0 ? s ** (tuning.sigmaPower - 1) : 0));
  }

  /** Fits vocabulary and concept space on these papers. Seconds at 100k papers: do it off the hot path. */
  static fit(papers: ModelPaper[], tuning: RecommenderTuning): RecommenderModel {
    const { vocab, matrix } = fitTfidf(papers.length, (i) => paperTokens(papers[i]!), tuning.tfidf);
    const svd = truncatedSvd(matrix, Math.min(tuning.dims, Math.max(1, matrix.cols - 1), Math.max(1, papers.length - 1)), { power: tuning.power });
    const model = new RecommenderModel(tuning, vocab, svd.components, svd.singular, svd.k, papers.length);
    papers.forEach((p, i) => model.put(p, row(matrix, i)));
    model.recomputeMean();
    return model;
  }

  get size(): number {
    return this.ids.length;
  }

  has(id: string): boolean {
    return this.rowOf.has(id);
  }

  /** Adds or replaces papers with the fitted vocabulary and concept space (folding in). */
  add(papers: ModelPaper[]): void {
    for (const p of papers) this.put(p, this.vocab.vectorize(paperTokens(p)));
    this.recomputeMean();
  }

  private put(p: ModelPaper, vec: SparseVec): void {
    let r = this.rowOf.get(p.id);
    if (r === undefined) {
      r = this.ids.length;
      this.rowOf.set(p.id, r);
      this.ids.push(p.id);
      for (const a of p.authors) {
        const key = tokenize(a).join(' ');
        if (!key) continue;
        const list = this.byAuthor.get(key);
        if (list) list.push(r);
        else this.byAuthor.set(key, [r]);
      }
    }
    this.vectors[r] = heaviest(vec, this.tuning.keepTerms);
    const days = Int32Array.from(p.digestDates, dayNumber);
    for (const d of this.dates[r] ?? []) this.byDay.get(d)?.delete(r);
    for (const d of days) {
      const rows = this.byDay.get(d);
      if (rows) rows.add(r);
      else this.byDay.set(d, new Set([r]));
    }
    this.dates[r] = days;
    const k = this.dims;
    if ((r + 1) * k > this.embed.length) {
      const grown = new Float32Array(this.embed.length * 2);
      grown.set(this.embed);
      this.embed = grown;
    }
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

  private recomputeMean(): void {
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
        const v = this.vectors[r]!;
        for (let j = 0; j < v.indices.length; j++) words[v.indices[j]!]! += (w / rows.length) * v.values[j]!;
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
      for (const d of this.dates[r]!) if (d >= lo && d <= hi) return true;
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
        because: this.because(this.vectors[r]!, words),
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
      const v = this.vectors[r]!;
      let w = 0;
      if (ww !== 0) for (let j = 0; j < v.indices.length; j++) w += v.values[j]! * words[v.indices[j]!]!;
      top.offer(r, cw * s + ww * w + pinned[r]!);
    }
    return top;
  }

  /** A pin matches an author by full name, else a paper holding every feature the phrase makes. */
  private pinMatcher(pin: string): (r: number) => boolean {
    const authors = new Set(this.byAuthor.get(tokenize(pin).join(' ')) ?? []);
    const needed = this.vocab.featureIds(pinStems(pin));
    return (r) => {
      if (authors.has(r)) return true;
      if (!needed.length) return false;
      const v = this.vectors[r]!;
      return needed.every((f) => binaryHas(v.indices, f));
    };
  }

  /** The paper's terms weighing most in its overlap with the profile; a phrase hides its own words. */
  private because(v: SparseVec, profile: Float32Array): string[] {
    const shared: Array<[string, number]> = [];
    for (let j = 0; j < v.indices.length; j++) {
      const w = v.values[j]! * profile[v.indices[j]!]!;
      if (w > 0) shared.push([this.vocab.labels[v.indices[j]!]!, w]);
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

/** The `keep` heaviest terms of a vector, indices ascending (kept as a copy: the fitted matrix can go). */
function heaviest(v: SparseVec, keep: number): SparseVec {
  if (v.indices.length <= keep) return { indices: v.indices.slice(), values: v.values.slice() };
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
