/**
 * The index follower's thread (see index-follower.ts): it opens the storage and the search index
 * of its own and catches the index up with the store while the main thread keeps ingesting, then,
 * told `finish`, catches up once more (reporting progress) and says `done`.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { silentLogger } from './logger.js';
import { createPaperSearch } from './search/create-paper-search.js';
import { openStorage } from './store/open-storage.js';
import type { StorageConfig } from './store/storage.js';

export type FollowerJob = Pick<StorageConfig, 'dataDir' | 'databaseUrl'>;
export type FromFollower = { progress: [done: number, total: number] } | { done: true } | { error: string };

/** How often a caught-up follower looks at the store again. */
const POLL_MS = 50;

const port = parentPort!;
const job = workerData as FollowerJob;
let finishing = false;
port.on('message', (m) => {
  if (m === 'finish') finishing = true;
});

const post = (m: FromFollower) => port.postMessage(m);
try {
  const storage = await openStorage({ dataDir: job.dataDir, databaseUrl: job.databaseUrl });
  try {
    const search = await createPaperSearch({ dataDir: job.dataDir, store: storage.papers, logger: silentLogger });
    try {
      while (!finishing) {
        await search.sync();
        await sleep(POLL_MS);
      }
      // The main thread has stopped writing: this catch-up is the last, and the one a user watches.
      await search.sync((done, total) => post({ progress: [done, total] }));
      post({ done: true });
    } finally {
      await search.close();
    }
  } finally {
    await storage.close();
  }
} catch (err) {
  post({ error: (err as Error).message });
}
port.close();
