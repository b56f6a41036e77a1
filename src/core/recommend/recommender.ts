import { RecommenderNotReady } from '../errors.js';
import type { Logger } from '../logger.js';
import type { StoredPaper } from '../paper.js';
import type { PaperStore } from '../store/ports.js';
import { fitInWorker, loadInWorker } from './fit-in-worker.js';
import { ModelBuilder } from './model-builder.js';
import { readModelFile, writeModelFile, type ModelFileRead } from './model-file.js';
import { RecommenderModel, type ModelPaper, type RecommendOutcome, type RecommendRequest } from './model.js';
import { DEFAULT_TUNING, tuningFor, type RecommenderTuning } from './tuning.js';

export { tuningFor };

/** Papers like a reader's, from the papers in the store. The model is derived: rebuilt from the store. */
export interface Recommender {
  /**
   * Ids must be store ids (resolve versioned ids and links with the store first). While the first
   * model is being fitted this waits for it, or throws RecommenderNotReady (`whileFitting: 'throw'`).
   */
  recommend(req: RecommendRequest): Promise<RecommendOutcome>;
  /** Catch up with the store: load or fit the first model (waiting for it), fold in new and changed papers, start a refit when due. */
  sync(): Promise<void>;
  /** Resolves when no fit is running (tests, benches, shutdown). */
  idle(): Promise<void>;
}

export interface RecommenderOptions {
  store: PaperStore;
  logger: Logger;
  tuning?: RecommenderTuning;
  /** Refit once the archive has grown by this factor since the last fit (default 1.25). */
  refitGrowth?: number;
  /** Where the fitted model is kept across restarts (DATA_DIR/recommender.model); none: fitted every run. */
  modelFile?: string;
  /** 'worker' (default): fits and model-file reads run in a worker thread; 'inline': on this thread (benches comparing both). */
  fitIn?: 'worker' | 'inline';
  /** While the first model is fitted: 'wait' (CLI, default) or 'throw' RecommenderNotReady (the bot: a chat reply cannot wait minutes). */
  whileFitting?: 'wait' | 'throw';
}

const PAGE = 5000;

const toModel = (p: StoredPaper): ModelPaper => ({ id: p.id, title: p.title, abstract: p.abstract, authors: p.authors, digestDates: p.digestDates });

/**
 * The recommender following the store by seq, as the search index does. The model (about 1.3 KB a
 * paper) is loaded from the model file, or fitted on first use in a worker thread; papers that
 * arrive later are folded into the fitted concept space, and the whole model is refitted (in the
 * background, the old one answering meanwhile) when the archive has grown by a quarter, so new
 * words get into the vocabulary.
 */
export function createRecommender(opts: RecommenderOptions): Recommender {
  const tuning = opts.tuning ?? DEFAULT_TUNING;
  const growth = opts.refitGrowth ?? 1.25;
  const log = opts.logger;
  let model: RecommenderModel | undefined;
  let seq = 0;
  let loading: Promise<void> | undefined;
  let fitting: Promise<void> | undefined;
  let running: Promise<void> | undefined;

  async function* pagesSince(after: number): AsyncGenerator<ModelPaper[], number, undefined> {
    let at = after;
    for (;;) {
      const batch = await opts.store.papersSince(at, PAGE);
      if (batch.length) {
        at = batch[batch.length - 1]!.seq;
        yield batch.map(toModel);
      }
      if (batch.length < PAGE) return at;
    }
  }

  /** Hands every page since `after` to `onPage`; resolves to the store seq the pages reach. */
  async function eachPageSince(after: number, onPage: (papers: ModelPaper[]) => void): Promise<number> {
    const pages = pagesSince(after);
    for (;;) {
      const next = await pages.next();
      if (next.done) return next.value;
      onPage(next.value);
    }
  }

  async function loadSince(after: number): Promise<{ papers: ModelPaper[]; seq: number }> {
    const papers: ModelPaper[] = [];
    const seq = await eachPageSince(after, (page) => papers.push(...page));
    return { papers, seq };
  }

  /** The model file, once per process: a bad one is logged and left for the next fit to replace. */
  function load(): Promise<void> {
    loading ??= (async () => {
      if (!opts.modelFile) return;
      const started = Date.now();
      let read: ModelFileRead;
      try {
        read = opts.fitIn === 'inline' ? readModelFile(opts.modelFile) : await loadInWorker(opts.modelFile);
      } catch (err) {
        read = { ok: false, missing: false, reason: (err as Error).message };
      }
      if (!read.ok) {
        if (!read.missing) log.warn({ file: opts.modelFile, reason: read.reason }, 'recommender model file ignored: refitting');
        return;
      }
      if (model) return;
      model = RecommenderModel.fromState(read.state);
      seq = read.seq;
      log.info({ papers: model.size, seq, ms: Date.now() - started }, 'recommender model loaded');
    })();
    return loading;
  }

  async function fitAll(): Promise<void> {
    const started = Date.now();
    if (opts.fitIn === 'inline') {
      const builder = new ModelBuilder(tuning);
      const top = await eachPageSince(0, (page) => builder.add(page));
      model = builder.finish(tuningFor(builder.size, tuning));
      seq = top;
      if (opts.modelFile) save(model, top);
    } else {
      const r = await fitInWorker({ tuning, pages: pagesSince(0), modelFile: opts.modelFile, background: model !== undefined });
      if (r.saveError) log.warn({ file: opts.modelFile, err: r.saveError }, 'recommender model file not written');
      model = RecommenderModel.fromState(r.state);
      seq = r.seq;
    }
    log.info({ papers: model.size, ms: Date.now() - started, in: opts.fitIn ?? 'worker' }, 'recommender model fitted');
  }

  function save(m: RecommenderModel, at: number): void {
    try {
      writeModelFile(opts.modelFile!, m.toState(), at);
    } catch (err) {
      log.warn({ file: opts.modelFile, err: (err as Error).message }, 'recommender model file not written');
    }
  }

  /** One fit at a time; a failed fit is logged and the next use tries again. */
  function startFit(): Promise<void> {
    fitting ??= fitAll()
      .catch((err: unknown) => log.error({ err }, 'recommender fit failed'))
      .finally(() => (fitting = undefined));
    return fitting;
  }

  async function catchUp(): Promise<void> {
    await load();
    if (!model) await startFit();
    const base = model;
    if (!base) throw new Error('the recommender model could not be fitted (see the log)');
    const { papers, seq: top } = await loadSince(seq);
    // A refit finished meanwhile: its model has its own seq; the next sync folds in from there.
    if (model !== base || !papers.length) return;
    const grown = papers.filter((p) => !base.has(p.id)).length + base.size;
    if (grown >= base.fittedOn * growth && grown - base.fittedOn >= 50) void startFit();
    base.add(papers);
    seq = top;
  }

  const sync = () => {
    // One catch-up at a time: two ingests finishing together must not fold in twice.
    running ??= catchUp().finally(() => (running = undefined));
    return running;
  };

  return {
    sync,
    async idle() {
      await loading;
      while (fitting) await fitting;
    },
    async recommend(req) {
      if (!model && opts.whileFitting === 'throw') {
        await load();
        if (!model) {
          void startFit();
          throw new RecommenderNotReady();
        }
      }
      await sync();
      return model!.recommend(req);
    },
  };
}
