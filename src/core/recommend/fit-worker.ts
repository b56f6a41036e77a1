/**
 * The fit-worker thread's entry (see fit-in-worker.ts): fitting the model takes minutes of CPU at
 * 100k papers, and loading the model file hashes ~100 MB; neither may stall the bot's event loop.
 *
 * `fit`: pages of papers arrive as messages (each acknowledged, so the main thread never queues the
 * whole archive), then `{ end }`; the model is fitted, written to the model file if one is given,
 * and posted back as its state with the arrays transferred. `load`: reads the model file.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ModelBuilder } from './model-builder.js';
import { readModelFile, transferList, writeModelFile } from './model-file.js';
import type { ModelPaper } from './model.js';
import { tuningFor, type RecommenderTuning } from './tuning.js';

export type FitJob = { task: 'fit'; tuning: RecommenderTuning; modelFile?: string } | { task: 'load'; modelFile: string };
export type ToWorker = { papers: ModelPaper[] } | { end: true; seq: number };

const port = parentPort!;
const job = workerData as FitJob;

if (job.task === 'load') {
  const read = readModelFile(job.modelFile);
  port.postMessage(read, read.ok ? transferList(read.state) : []);
} else {
  const builder = new ModelBuilder(job.tuning);
  port.on('message', (m: ToWorker) => {
    if ('papers' in m) {
      builder.add(m.papers);
      port.postMessage({ more: true });
      return;
    }
    const model = builder.finish(tuningFor(builder.size, job.tuning));
    const state = model.toState();
    let saveError: string | undefined;
    if (job.modelFile) {
      try {
        writeModelFile(job.modelFile, state, m.seq);
      } catch (err) {
        saveError = (err as Error).message;
      }
    }
    port.postMessage({ state, saveError }, transferList(state));
  });
}
