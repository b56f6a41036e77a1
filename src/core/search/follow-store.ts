import type { Logger } from '../logger.js';
import type { StoreLocation } from '../store/ports.js';
import { startWorker } from '../worker-thread.js';
import type { StoreFollower } from './ports.js';

/** What the following thread is given (follow-store-worker.ts). */
export interface FollowJob {
  /** The index file, and the store the thread reads. */
  file: string;
  location: StoreLocation;
  recentDocs: number;
  wordWorkerFrom?: number;
}

/**
 * Indexes a store while `papers ingest` fills it, in a worker thread writing the index file (SQLite
 * has one writer per file, and the store and the index are two files): the store's ingest and the
 * index build, one after the other before, overlap. The thread keeps one bulk load going from input
 * to input (index-sync's follow), with the word counting in a worker thread of its own.
 */
export function followStore(job: FollowJob, log: Logger): StoreFollower {
  const worker = startWorker(import.meta.url, './follow-store-worker', job);
  let onProgress: ((done: number, total: number) => void) | undefined;
  let finished: () => void;
  const over = new Promise<void>((resolve) => (finished = resolve));
  let done = false;
  worker.on('message', (m: { progress?: [number, number]; log?: { level: 'warn' | 'error'; msg: string; err: string }; done?: number }) => {
    if (m.progress) onProgress?.(...m.progress);
    else if (m.log) log[m.log.level]({ err: m.log.err }, m.log.msg);
    else if (m.done !== undefined) {
      done = true;
      finished();
    }
  });
  worker.on('error', (err) => {
    log.warn({ err }, 'the index build following the ingest failed; the index catches up once the ingest is done');
    finished();
  });
  worker.on('exit', () => {
    if (!done) finished();
  });
  return {
    moved() {
      worker.postMessage('moved');
    },
    async end(progress) {
      onProgress = progress;
      worker.postMessage('end');
      await over;
      await worker.terminate();
    },
  };
}
