/**
 * The term-heads worker thread's entry (see keep-term-heads.ts): opens the index file and answers
 * with the heads of its state now, the stored ones when they are of that state, else computed in
 * one read transaction and then stored for the next start (stored-term-heads.ts). Maps and typed
 * arrays are copied by the structured clone. Then it ends.
 */
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { readAllStoredHeads, storeHeads } from './stored-term-heads.js';
import { computeTermHeads, indexState, type TermHeadsSpec } from './term-heads.js';

const { file, ...spec } = workerData as TermHeadsSpec & { file: string };
const db = new Database(file, { fileMustExist: true });
try {
  // A writer's commit is waited for rather than failed on (WAL readers seldom wait at all).
  db.pragma('busy_timeout = 5000');
  const stored = readAllStoredHeads(db, indexState(db), spec);
  if (stored) {
    parentPort!.postMessage({ heads: stored, loaded: true });
  } else {
    const heads = computeTermHeads(db, spec);
    parentPort!.postMessage({ heads, loaded: false });
    try {
      storeHeads(db, heads, spec);
    } catch {
      // The file stayed locked past busy_timeout (a long `papers ingest`): computed again next start.
    }
  }
} finally {
  db.close();
}
