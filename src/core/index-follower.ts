import type { Logger } from './logger.js';
import type { FollowerJob, FromFollower } from './index-follower-worker.js';
import { startWorker } from './start-worker.js';

export interface IndexFollower {
  /**
   * Waits until the follower has indexed everything the store holds now (the caller has stopped
   * writing), passing on its progress, and ends it. Never rejects: a follower that failed has left
   * the index at a consistent earlier point, and the caller's own `search.sync()` does the rest.
   */
  finish(onProgress?: (done: number, total: number) => void): Promise<{ ok: true } | { ok: false; error: string }>;
}

/**
 * Indexes for search in a worker thread while the caller ingests into the store: a large
 * `papers ingest` then costs about the longer of the two instead of their sum (the store and the
 * index each keep a core busy). The worker is an ordinary second writer of the index file, as a
 * `papers` command beside the running bot is; the caller's search reloads what it wrote on its next
 * sync.
 */
export function startIndexFollower(job: FollowerJob, logger: Logger): IndexFollower {
  const worker = startWorker(import.meta.url, 'index-follower-worker', job);
  let onProgress: ((done: number, total: number) => void) | undefined;
  const ended = new Promise<{ ok: true } | { ok: false; error: string }>((resolve) => {
    worker.on('message', (m: FromFollower) => {
      if ('progress' in m) onProgress?.(...m.progress);
      else if ('done' in m) resolve({ ok: true });
      else resolve({ ok: false, error: m.error });
    });
    worker.on('error', (err) => resolve({ ok: false, error: err.message }));
    worker.on('exit', (code) => resolve({ ok: false, error: `index follower exited with code ${code}` }));
  });
  return {
    async finish(progress) {
      onProgress = progress;
      worker.postMessage('finish');
      const outcome = await ended;
      await worker.terminate();
      if (!outcome.ok) logger.warn({ error: outcome.error }, 'the background indexer failed; indexing in the foreground');
      return outcome;
    },
  };
}
