import { RecommenderModel } from './model.js';
import { authorKey, conceptScale, dayNumber, heaviest, placeInConcepts } from './model-fold-in.js';
import type { ModelPaper, ModelState } from './model-types.js';
import { Int32List, spareRows } from './ragged.js';
import type { Csr } from './sparse.js';
import { paperTokens } from './terms.js';
import { TfidfCounter, type TfidfVocabulary } from './tfidf.js';
import { truncatedSvd } from './svd.js';
import type { RecommenderTuning } from './tuning.js';
import { WordSeqs } from './word-seqs.js';

/** Rows placed between two collections (each row's vectorizing leaves a map and arrays behind). */
const PLACE_BATCH = 5000;

/** Where a fit is (the fit worker reports each stage with the memory it holds, for bench:recommend). */
export type FitStage = 'papers counted' | 'vocabulary chosen' | 'sample matrix built' | 'concept space fitted' | 'papers placed';

/**
 * Fits a model on papers given page by page (the fit worker gets them from the store that way):
 * each page is tokenized and counted as it comes, and only word-id sequences (word-seqs.ts, ~1.8
 * bytes a token) are kept until the vocabulary is chosen, never the papers' text; authors and dates
 * are kept as integers. The concept space is learned from a sample of rows (tuning.svdSample);
 * every paper is then placed in it, straight into the flat arrays of a ModelState (no per-paper
 * objects, no arrays grown by doubling), which the worker transfers to the bot. The state's large
 * arrays are views of buffers with room for a quarter more rows (spareRows), so the papers folded
 * in until the next refit never copy them. The rows are those RecommenderModel.put gives when the
 * papers are folded in one by one.
 */
export class ModelBuilder {
  private counter: TfidfCounter | undefined;
  private seqs = new WordSeqs();
  /** Rows are papers by first appearance; an id given twice keeps its first authors and its last text and dates (as put does). */
  private readonly rowOf = new Map<string, number>();
  private readonly ids: string[] = [];
  /** For each row, the last paper given (occurrence) with its id. */
  private readonly lastOcc = new Int32List();
  /** Each occurrence's digest days (days since 1970), flat. */
  private readonly datePtr = new Int32List();
  private readonly days = new Int32List();
  /** Author keys by first appearance, and each row's authors as indices into them, flat. */
  private readonly authorIndex = new Map<string, number>();
  private readonly rowAuthorPtr = new Int32List();
  private readonly rowAuthors = new Int32List();

  /**
   * `collect`: frees garbage now; called between the fit's stages and every PLACE_BATCH rows (the
   * fit worker's full collection, see collect-garbage.ts; inline fits leave it to V8).
   */
  constructor(
    private readonly tuning: RecommenderTuning,
    private readonly onStage?: (stage: FitStage) => void,
    private readonly collect: () => void = () => {},
  ) {
    this.counter = new TfidfCounter(tuning.tfidf);
    this.datePtr.push(0);
    this.rowAuthorPtr.push(0);
  }

  /** Papers given so far (an id given twice counts twice, as the vocabulary's document counts do). */
  get size(): number {
    return this.seqs.size;
  }

  add(papers: ModelPaper[]): void {
    const counter = this.counter;
    if (!counter) throw new Error('ModelBuilder.add after finish');
    for (const p of papers) {
      this.seqs.push(counter.add(paperTokens(p)));
      let r = this.rowOf.get(p.id);
      if (r === undefined) {
        r = this.ids.length;
        this.rowOf.set(p.id, r);
        this.ids.push(p.id);
        this.lastOcc.push(0);
        for (const a of p.authors) {
          const key = authorKey(a);
          if (!key) continue;
          let ai = this.authorIndex.get(key);
          if (ai === undefined) this.authorIndex.set(key, (ai = this.authorIndex.size));
          this.rowAuthors.push(ai);
        }
        this.rowAuthorPtr.push(this.rowAuthors.length);
      }
      this.lastOcc.set(r, this.seqs.size - 1);
      for (const d of p.digestDates) this.days.push(dayNumber(d));
      this.datePtr.push(this.days.length);
    }
  }

  /** `tuning`: the builder's own by default (a fit may adjust the vocabulary knobs to the archive's size, tuningFor). */
  finish(tuning: RecommenderTuning = this.tuning): RecommenderModel {
    return RecommenderModel.fromState(this.finishState(tuning));
  }

  /** The fitted model as a state (what the fit worker transfers and writes); the builder is spent. */
  finishState(tuning: RecommenderTuning = this.tuning): ModelState {
    const t = tuning;
    this.onStage?.('papers counted');
    const vocab = this.counter!.vocabulary(t.tfidf);
    // The counter's dictionaries (every stem and word pair seen) are the fit's largest: gone before the SVD.
    this.counter = undefined;
    this.collect();
    this.onStage?.('vocabulary chosen');
    const n = this.seqs.size;
    const sample = Math.min(n, Math.max(1, t.svdSample));
    // Evenly spread over the archive (it is in ingest order, so every period is represented).
    let matrix: Csr | undefined = this.sampleMatrix(vocab, Array.from({ length: sample }, (_, i) => Math.floor((i * n) / sample)));
    this.collect();
    this.onStage?.('sample matrix built');
    const svd = truncatedSvd(matrix, Math.min(t.dims, Math.max(1, matrix.cols - 1), Math.max(1, sample - 1)), { power: t.power });
    matrix = undefined;
    // The SVD's two dense blocks (~80 MB at 100k papers) are garbage now: gone before the papers are placed.
    this.collect();
    this.onStage?.('concept space fitted');
    const placed = this.place(vocab, svd, t);
    this.seqs.clear();
    this.collect();
    this.onStage?.('papers placed');
    return {
      tuning: t,
      dims: svd.k,
      fittedOn: n,
      vocab: vocab.toState(),
      components: svd.components,
      singular: svd.singular,
      ids: this.ids,
      ...placed,
      ...this.dateRows(),
      ...this.authorRows(),
    };
  }

  /** The tf-idf rows of these occurrences as one matrix, sized exactly (a first pass counts the entries). */
  private sampleMatrix(vocab: TfidfVocabulary, occ: number[]): Csr {
    const ptr = new Int32Array(occ.length + 1);
    occ.forEach((o, i) => (ptr[i + 1] = ptr[i]! + vocab.vectorizeSeq(this.seqs.get(o)).indices.length));
    const indices = new Int32Array(ptr[occ.length]!);
    const values = new Float32Array(ptr[occ.length]!);
    occ.forEach((o, i) => {
      const v = vocab.vectorizeSeq(this.seqs.get(o));
      indices.set(v.indices, ptr[i]!);
      values.set(v.values, ptr[i]!);
    });
    return { rows: occ.length, cols: vocab.size, ptr, indices, values };
  }

  /**
   * Each row's concept vector and kept terms, from its last occurrence's full tf-idf vector. The
   * arrays are views of buffers sized for spareRows(rows) rows of keepTerms terms: the room past
   * the rows is never written, so it costs address space, not memory, until papers are folded in.
   */
  private place(vocab: TfidfVocabulary, svd: { k: number; components: Float32Array; singular: Float64Array }, t: RecommenderTuning) {
    const rows = this.ids.length;
    const k = svd.k;
    const scale = conceptScale(svd.singular, t.sigmaPower);
    const room = spareRows(rows);
    const embed = new Float32Array(room * k);
    const termPtr = new Int32Array(rows + 1);
    // At most keepTerms a row: the used part ends at termPtr[rows].
    const terms = new Int32Array(room * t.keepTerms);
    const weights = new Float32Array(room * t.keepTerms);
    for (let r = 0; r < rows; r++) {
      // Each vector is a few short-lived maps and arrays: collected as they go, not in one heap of 100k.
      if (r % PLACE_BATCH === PLACE_BATCH - 1) this.collect();
      const vec = vocab.vectorizeSeq(this.seqs.get(this.lastOcc.get(r)));
      const kept = heaviest(vec, t.keepTerms);
      terms.set(kept.indices, termPtr[r]!);
      weights.set(kept.values, termPtr[r]!);
      termPtr[r + 1] = termPtr[r]! + kept.indices.length;
      placeInConcepts(vec, svd.components, scale, embed.subarray(r * k, (r + 1) * k));
    }
    const used = termPtr[rows]!;
    // Views, not trimmed copies: a copy of the terms and weights was ~50 MB more at the fit's peak.
    return { embed: embed.subarray(0, rows * k), termPtr, terms: terms.subarray(0, used), weights: weights.subarray(0, used) };
  }

  private dateRows(): { datePtr: Int32Array; days: Int32Array } {
    const rows = this.ids.length;
    const datePtr = new Int32Array(rows + 1);
    for (let r = 0; r < rows; r++) {
      const o = this.lastOcc.get(r);
      datePtr[r + 1] = datePtr[r]! + this.datePtr.get(o + 1) - this.datePtr.get(o);
    }
    const days = new Int32Array(datePtr[rows]!);
    for (let r = 0; r < rows; r++) {
      const o = this.lastOcc.get(r);
      for (let j = this.datePtr.get(o), at = datePtr[r]!; j < this.datePtr.get(o + 1); j++) days[at++] = this.days.get(j);
    }
    return { datePtr, days };
  }

  /** Author keys by first appearance with the rows of their papers, ascending (as the model's author index lists them). */
  private authorRows(): { authors: string[]; authorPtr: Int32Array; authorRows: Int32Array } {
    const authors = [...this.authorIndex.keys()];
    const authorPtr = new Int32Array(authors.length + 1);
    for (let j = 0; j < this.rowAuthors.length; j++) authorPtr[this.rowAuthors.get(j) + 1]!++;
    for (let a = 0; a < authors.length; a++) authorPtr[a + 1]! += authorPtr[a]!;
    const fill = authorPtr.slice(0, authors.length);
    const authorRows = new Int32Array(authorPtr[authors.length]!);
    for (let r = 0; r < this.ids.length; r++) for (let j = this.rowAuthorPtr.get(r); j < this.rowAuthorPtr.get(r + 1); j++) authorRows[fill[this.rowAuthors.get(j)]!++] = r;
    return { authors, authorPtr, authorRows };
  }
}
