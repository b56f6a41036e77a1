/**
 * The term-heads worker thread's entry (see keep-term-heads.ts): opens the index file and answers
 * with the heads of its state now, the stored ones when they are of that state, else computed in
 * one read transaction and then stored for the next start (stored-term-heads.ts). Maps and typed
 * arrays are copied by the structured clone. Then, the heads answered, it merges the index's
 * segments when a build or many digests left them spread (merge-segments.ts: faster queries, same
 * answers, the same index state, so the heads stay good), says what it merged, and ends.
 */
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { mergeSpreadSegments } from './merge-segments.js';
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
  try {
    parentPort!.postMessage({ merged: mergeSpreadSegments(db) });
  } catch (err) {
    // Locked past busy_timeout, or the file went away: what was merged stays, the rest waits for the next refresh.
    parentPort!.postMessage({ mergeFailed: (err as Error).message });
  }
} finally {
  db.close();
}
