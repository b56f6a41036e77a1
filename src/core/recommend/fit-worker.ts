/**
 * The fit-worker thread's entry (see fit-in-worker.ts): fitting the model takes minutes of CPU at
 * 100k papers, and loading the model file hashes ~100 MB; neither may stall the bot's event loop.
 *
 * `fit`: pages of papers arrive as messages (each acknowledged, so the main thread never queues the
 * whole archive), then `{ end }`; the model is fitted, written to the model file if one is given,
 * and posted back as its state with the arrays transferred. `load`: reads the model file.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { garbageCollector } from './collect-garbage.js';
import { ModelBuilder, type FitStage } from './model-builder.js';
import { readModelFile, transferList, writeModelFile } from './model-file.js';
import type { ModelPaper } from './model-types.js';
import { tuningFor, type RecommenderTuning } from './tuning.js';

export type FitJob = { task: 'fit'; tuning: RecommenderTuning; modelFile?: string } | { task: 'load'; modelFile: string };
export type ToWorker = { papers: ModelPaper[] } | { end: true; seq: number };
/** A stage of the fit reached, with this process's memory then (the worker's own heap; RSS and array buffers are the process's). */
export type FitProgress = { stage: FitStage | 'state written'; memory: NodeJS.MemoryUsage };

const port = parentPort!;
const job = workerData as FitJob;

if (job.task === 'load') {
  const read = readModelFile(job.modelFile);
  port.postMessage(read, read.ok ? transferList(read.state) : []);
} else {
  const progress = (stage: FitProgress['stage']) => port.postMessage({ progress: { stage, memory: process.memoryUsage() } satisfies FitProgress });
  const collect = garbageCollector();
  const builder = new ModelBuilder(job.tuning, progress, collect);
  port.on('message', (m: ToWorker) => {
    if ('papers' in m) {
      builder.add(m.papers);
      // The slice's papers and tokens, dead now: see collect-garbage.ts.
      collect();
      port.postMessage({ more: true });
      return;
    }
    // The state straight from the builder: no model (and none of its maps) is built in the worker.
    const state = builder.finishState(tuningFor(builder.size, job.tuning));
    let saveError: string | undefined;
    if (job.modelFile) {
      try {
        writeModelFile(job.modelFile, state, m.seq);
      } catch (err) {
        saveError = (err as Error).message;
      }
      progress('state written');
    }
    port.postMessage({ state, saveError }, transferList(state));
  });
}
