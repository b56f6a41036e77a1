import type { Worker } from 'node:worker_threads';
import { startWorker } from '../worker-thread.js';
import type { FitJob, FitProgress, ToWorker } from './fit-worker.js';
import type { ModelFileRead } from './model-file.js';
import type { ModelPaper, ModelState } from './model-types.js';
import type { RecommenderTuning } from './tuning.js';

/** Starts the fit worker (see worker-thread.ts for how it runs from sources and from dist/). */
function startFitWorker(job: FitJob): Worker {
  return startWorker(import.meta.url, './fit-worker', job);
}

/** Messages from the worker until it answers with `done`, or its failure (an error, or an exit before answering). */
function talk<T>(worker: Worker, onMessage: (m: unknown, done: (v: T) => void) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const done = (v: T) => {
      settled = true;
      // Resolved once the worker is gone: its heap (the fit's transients) is freed before the caller builds on the result.
      worker.terminate().then(() => resolve(v), () => resolve(v));
    };
    worker.on('message', (m) => {
      try {
        onMessage(m, done);
      } catch (err) {
        settled = true;
        reject(err as Error);
        void worker.terminate();
      }
    });
    worker.on('error', (err) => {
      settled = true;
      reject(err);
      void worker.terminate();
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`recommender worker exited with code ${code} before answering`));
    });
  });
}

/**
 * Papers a message to the fit worker holds. A message's papers live until the worker has counted
 * them all: a store page of 5,000 (~1 s of counting) outlived the young generation's collections
 * and was promoted, and the old generation, collected lazily, grew to ~180 MB of dead pages and
 * tokens, the fit's peak memory at 100k papers. Slices of 500 die young.
 */
const SLICE = 500;

/**
 * Fits the model in a worker thread from pages of papers (fetched one at a time, each sent once the
 * worker has taken the last) and returns its state; written to `modelFile` first when given.
 */
export async function fitInWorker(opts: {
  tuning: RecommenderTuning;
  /** Yields pages of papers and returns the store seq they reach. */
  pages: AsyncGenerator<ModelPaper[], number, undefined>;
  modelFile?: string;
  /** A refit while the old model answers: it must not keep a finished CLI run alive. */
  background?: boolean;
  /** Each stage of the fit with the memory then (bench:recommend prints them). */
  onProgress?: (p: FitProgress) => void;
}): Promise<{ state: ModelState; seq: number; saveError?: string }> {
  const worker = startFitWorker({ task: 'fit', tuning: opts.tuning, modelFile: opts.modelFile });
  if (opts.background) worker.unref();
  const pages = opts.pages;
  let seq = 0;
  // A page is sent in slices of SLICE papers: see SLICE.
  let page: ModelPaper[] = [];
  let at = 0;
  const send = async () => {
    if (at >= page.length) {
      const next = await pages.next();
      if (next.done) {
        seq = next.value;
        worker.postMessage({ end: true, seq } satisfies ToWorker);
        return;
      }
      [page, at] = [next.value, 0];
    }
    worker.postMessage({ papers: page.slice(at, (at += SLICE)) } satisfies ToWorker);
  };
  const result = talk<{ state: ModelState; saveError?: string }>(worker, (m, done) => {
    const msg = m as { more?: true; progress?: FitProgress; state?: ModelState; saveError?: string };
    if (msg.progress) opts.onProgress?.(msg.progress);
    else if (msg.more) void send().catch((err: unknown) => worker.emit('error', err));
    else done({ state: msg.state!, saveError: msg.saveError });
  });
  void send().catch((err: unknown) => worker.emit('error', err));
  return { ...(await result), seq };
}

/** Reads the model file in a worker thread (hashing ~100 MB is no job for the event loop). */
export function loadInWorker(modelFile: string): Promise<ModelFileRead> {
  return talk<ModelFileRead>(startFitWorker({ task: 'load', modelFile }), (m, done) => done(m as ModelFileRead));
}
