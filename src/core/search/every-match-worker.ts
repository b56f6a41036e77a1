/**
 * The every-match worker thread's entry (see every-match.ts): ranks every match of a query over the
 * whole index, with no cut, on a read-only connection of its own, so that a long ranking (~1 s at
 * 1M papers) never holds the bot's thread. Messages in: a request with an id; out: its answer or
 * its error, with that id. The file is opened again when its generation changes (a rebuild
 * replaces it). The term heads the bot stored in the file for the request's state are read as a
 * query needs them (as `papers search` reads them): a page they prove costs no ranking here either.
 */
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { answerOn, type EveryMatchJob, type EveryMatchRequest } from './every-match.js';
import { storedTermHeads } from './keep-term-heads.js';
import { createRanker, type Ranker } from './ranker.js';
import { readGeneration } from './search-db.js';

const job = workerData as EveryMatchJob;
let open: { db: Database.Database; ranker: Ranker; generation: string } | undefined;
/** The index state of the request under way: the stored term heads of that state prove pages as on the bot's thread. */
let state = '';

/** The index file as it is now: the connection opened again when the file was replaced. */
function current(generation: string): Ranker {
  if (open && open.generation === generation) return open.ranker;
  open?.db.close();
  open = undefined;
  const db = new Database(job.file, { readonly: true, fileMustExist: true });
  // A writer's commit is waited for rather than failed on (WAL readers seldom wait at all).
  db.pragma('busy_timeout = 5000');
  db.pragma('cache_size = -65536');
  const found = readGeneration(db);
  if (found !== generation) {
    db.close();
    throw new Error(`the index file is of generation ${found}, not ${generation}`);
  }
  const stored = job.heads && storedTermHeads(() => db, job.heads);
  open = { db, ranker: createRanker(db, job.weights, 'fts', Infinity, stored && (() => stored.at(state))), generation };
  return open.ranker;
}

parentPort!.on('message', (r: EveryMatchRequest) => {
  try {
    state = r.state;
    parentPort!.postMessage({ id: r.id, ...answerOn(current(r.generation), r) });
  } catch (err) {
    parentPort!.postMessage({ id: r.id, error: (err as Error)?.message ?? String(err) });
  }
});
