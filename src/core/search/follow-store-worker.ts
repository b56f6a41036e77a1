/**
 * The thread that indexes a store while it is being filled (see follow-store.ts): it reads the
 * store's file itself and writes the index file with a sync of its own, following the store in one
 * bulk load. Messages in: 'moved' (the store has more papers: catch up), 'end' (catch up a last
 * time, end the load, answer { done: seq }). Out: { progress }, { log }, { done }.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Logger } from '../logger.js';
import { openPaperReader } from '../store/paper-reader.js';
import type { FollowJob } from './follow-store.js';
import { createIndexSync, type IndexedStore } from './index-sync.js';

const port = parentPort!;
const job = workerData as FollowJob;

// Warnings and errors go to the caller's logger (follow-store.ts), the error as its message.
const forward = (level: 'warn' | 'error') => (obj: object, msg?: string) =>
  port.postMessage({ log: { level, msg, err: String((obj as { err?: Error }).err?.message ?? '') } });
const logger: Logger = { debug: () => {}, info: () => {}, warn: forward('warn'), error: forward('error'), child: () => logger };

const reader = openPaperReader(job.location);
// What an index sync reads of a store: the papers in seq order, the top seq, the count.
const store: IndexedStore = {
  papersSince: async (after, limit) => reader.papersSince(after, limit),
  maxSeq: async () => reader.maxSeq(),
  stats: async () => ({ papers: reader.count(), digests: 0 }),
};

const sync = createIndexSync({ file: job.file, store, log: logger, recentDocs: job.recentDocs, wordWorkerFrom: job.wordWorkerFrom, follow: true, onAttach: () => {} });
const progress = (done: number, total: number) => port.postMessage({ progress: [done, total] });

// A failure is the worker's: the caller's own sync goes on from where this one stopped.
const fail = (err: Error): void => {
  setImmediate(() => {
    throw err;
  });
};

// Catch-ups one after the other: a 'moved' during one asks for one more.
let running: Promise<void> = sync.open();
running.catch(fail);
let again = false;
const catchUp = (): void => {
  if (again) return;
  again = true;
  running = running.then(() => {
    again = false;
    return sync.sync(progress);
  });
  running.catch(fail);
};

port.on('message', (m: 'moved' | 'end') => {
  if (m === 'moved') return catchUp();
  void (async () => {
    await running;
    await sync.sync(progress);
    await sync.endFollowing();
    const seq = sync.index.seq;
    await sync.close();
    reader.close();
    port.postMessage({ done: seq });
  })().catch(fail);
});
