import { RecommenderModel, type ModelPaper } from './model.js';
import { paperTokens } from './terms.js';
import { TfidfCounter, toCsr } from './tfidf.js';
import { truncatedSvd } from './svd.js';
import type { RecommenderTuning } from './tuning.js';

/**
 * Fits a model on papers given page by page (the fit worker gets them from the store that way):
 * each page is tokenized and counted as it comes, and only word-id sequences are kept until the
 * vocabulary is chosen, never the papers' text. The concept space is learned from a sample of
 * rows (tuning.svdSample); every paper is then placed in it, its sequence freed as it goes.
 */
export class ModelBuilder {
  private counter: TfidfCounter | undefined;
  private seqs: Array<Int32Array | undefined> = [];
  private readonly meta: Array<{ id: string; authors: string[]; digestDates: string[] }> = [];

  constructor(private readonly tuning: RecommenderTuning) {
    this.counter = new TfidfCounter(tuning.tfidf);
  }

  get size(): number {
    return this.meta.length;
  }

  add(papers: ModelPaper[]): void {
    const counter = this.counter;
    if (!counter) throw new Error('ModelBuilder.add after finish');
    for (const p of papers) {
      this.seqs.push(counter.add(paperTokens(p)));
      this.meta.push({ id: p.id, authors: p.authors, digestDates: p.digestDates });
    }
  }

  /** `tuning`: the builder's own by default (a fit may adjust the vocabulary knobs to the archive's size, tuningFor). */
  finish(tuning: RecommenderTuning = this.tuning): RecommenderModel {
    const n = this.meta.length;
    const vocab = this.counter!.vocabulary(tuning.tfidf);
    // The counter's dictionaries (every stem and word pair seen) are the fit's largest: gone before the SVD.
    this.counter = undefined;
    const t = tuning;
    const sample = Math.min(n, Math.max(1, t.svdSample));
    // Evenly spread over the archive (it is in ingest order, so every period is represented).
    const rows = Array.from({ length: sample }, (_, i) => Math.floor((i * n) / sample));
    const matrix = toCsr(rows.map((r) => vocab.vectorizeSeq(this.seqs[r]!)), vocab.size);
    const svd = truncatedSvd(matrix, Math.min(t.dims, Math.max(1, matrix.cols - 1), Math.max(1, sample - 1)), { power: t.power });
    const model = RecommenderModel.fromParts(t, vocab, svd, n);
    for (let i = 0; i < n; i++) {
      const m = this.meta[i]!;
      model.put(m.id, m.authors, m.digestDates, vocab.vectorizeSeq(this.seqs[i]!));
      this.seqs[i] = undefined;
    }
    this.seqs = [];
    model.recomputeMean();
    return model;
  }
}
