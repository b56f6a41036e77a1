/**
 * The term-heads worker thread's entry (see keep-term-heads.ts): opens the index file, computes
 * its heads in one read transaction and answers with them (Maps and typed arrays are copied by the
 * structured clone), then ends.
 */
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { computeTermHeads, type TermHeadsSpec } from './term-heads.js';

const { file, ...spec } = workerData as TermHeadsSpec & { file: string };
const db = new Database(file, { fileMustExist: true });
try {
  // Reads only; waits for a writer's commit rather than failing (WAL readers seldom wait at all).
  db.pragma('query_only = 1');
  db.pragma('busy_timeout = 5000');
  parentPort!.postMessage(computeTermHeads(db, spec));
} finally {
  db.close();
}
