import type { Logger } from '../logger.js';
import type { StoredPaper } from '../paper.js';
import type { PaperStore } from '../store/ports.js';
import { RecommenderModel, type ModelPaper, type RecommendOutcome, type RecommendRequest } from './model.js';
import { DEFAULT_TUNING, type RecommenderTuning } from './tuning.js';

/** Papers like a reader's, from the papers in the store. The model is derived: rebuilt from the store. */
export interface Recommender {
  /** Ids must be store ids (resolve versioned ids and links with the store first). */
  recommend(req: RecommendRequest): Promise<RecommendOutcome>;
  /** Catch up with the store: new and changed papers are folded in, or the model refitted. */
  sync(): Promise<void>;
}

export interface RecommenderOptions {
  store: PaperStore;
  logger: Logger;
  tuning?: RecommenderTuning;
  /** Refit once the archive has grown by this factor since the last fit (default 1.25). */
  refitGrowth?: number;
}

const PAGE = 5000;

const toModel = (p: StoredPaper): ModelPaper => ({ id: p.id, title: p.title, abstract: p.abstract, authors: p.authors, digestDates: p.digestDates });

/**
 * On a small archive a 10% document-frequency ceiling leaves almost no words to compare (a word in
 * 3 of 30 papers is already "too common"): below 200 papers it is raised to half the papers.
 */
export function tuningFor(papers: number, t: RecommenderTuning): RecommenderTuning {
  return papers >= 200 ? t : { ...t, tfidf: { ...t.tfidf, maxDf: Math.max(t.tfidf.maxDf, 0.5), minDf: Math.min(t.tfidf.minDf, 2) } };
}

/**
 * The recommender following the store by seq, as the search index does. The model is kept in
 * memory (about 1.3 KB a paper) and fitted on first use; papers that arrive later are folded into
 * the fitted concept space, and the whole model is refitted when the archive has grown by a quarter,
 * so new words get into the vocabulary.
 */
export function createRecommender(opts: RecommenderOptions): Recommender {
  const tuning = opts.tuning ?? DEFAULT_TUNING;
  const growth = opts.refitGrowth ?? 1.25;
  let model: RecommenderModel | undefined;
  let seq = 0;
  let running: Promise<void> | undefined;

  async function loadSince(after: number): Promise<{ papers: StoredPaper[]; seq: number }> {
    const papers: StoredPaper[] = [];
    let at = after;
    for (;;) {
      const batch = await opts.store.papersSince(at, PAGE);
      papers.push(...batch);
      if (batch.length < PAGE) break;
      at = batch[batch.length - 1]!.seq;
    }
    return { papers, seq: papers.length ? papers[papers.length - 1]!.seq : after };
  }

  async function fitAll(): Promise<void> {
    const { papers, seq: top } = await loadSince(0);
    const started = Date.now();
    model = RecommenderModel.fit(papers.map(toModel), tuningFor(papers.length, tuning));
    seq = top;
    opts.logger.info({ papers: papers.length, ms: Date.now() - started }, 'recommender model fitted');
  }

  async function catchUp(): Promise<void> {
    if (!model) return fitAll();
    const { papers, seq: top } = await loadSince(seq);
    if (!papers.length) return;
    const grown = papers.filter((p) => !model!.has(p.id)).length + model.size;
    if (grown >= model.fittedOn * growth && grown - model.fittedOn >= 50) return fitAll();
    model.add(papers.map(toModel));
    seq = top;
  }

  const sync = () => {
    // One catch-up at a time: two ingests finishing together must not fit twice.
    running ??= catchUp().finally(() => (running = undefined));
    return running;
  };

  return {
    sync,
    async recommend(req) {
      await sync();
      return model!.recommend(req);
    },
  };
}
