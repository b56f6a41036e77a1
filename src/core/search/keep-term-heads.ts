import type { Logger } from '../logger.js';
import { startWorker } from '../worker-thread.js';
import type { SearchDb } from './search-db.js';
import type { MergeReport } from './merge-segments.js';
import { readStoredHeads } from './stored-term-heads.js';
import type { HeadsView, TermHeads, TermHeadsSpec } from './term-heads.js';

export interface TermHeadsKeeper {
  /** The heads of the index in `state` (indexState), when computed; undefined otherwise (the ranker then cuts). */
  at(state: string): TermHeads | undefined;
  /** Computes the heads of the index as it is now in a worker thread, unless those of `state` are there or under way. */
  refresh(state: string): void;
  /** Resolves once no worker runs: heads and merging done (the bench and tests wait for them with it). */
  settled(): Promise<void>;
  /** Stops a computation under way. */
  close(): Promise<void>;
}

/** What the worker says: the heads, then what it merged (or why not). */
type WorkerMessage = { heads: TermHeads; loaded: boolean } | { merged: MergeReport[] } | { mergeFailed: string };

/**
 * The index's term heads (term-heads.ts), computed in a worker thread after each change of the
 * index: 6.3 s of bm25 rankings at 100k papers, too long to hold the bot's thread. Until they are
 * there (and after the next digest, until they are again), queries past the newest-N cut are ranked
 * as before, among their newest matches. One computation at a time; a refresh asked for meanwhile
 * runs when it ends. A worker that fails is logged once per index state and the search goes on with the cut.
 */
export function keepTermHeads(o: { file: string; spec: TermHeadsSpec; log: Logger }): TermHeadsKeeper {
  let heads: TermHeads | undefined;
  let running: Promise<void> | undefined;
  let stop: (() => Promise<unknown>) | undefined;
  /** The state last asked for, and the last one a computation failed at (not tried again). */
  let wanted = '';
  let failedAt = '';
  let closed = false;

  function run(state: string): void {
    const worker = startWorker(import.meta.url, './term-heads-worker', { file: o.file, ...o.spec });
    stop = () => worker.terminate();
    running = new Promise<void>((resolve) => {
      let answered = false;
      const started = Date.now();
      worker.on('message', (m: WorkerMessage) => {
        if ('heads' in m) {
          answered = true;
          heads = m.heads;
          o.log.debug({ ms: Date.now() - started, terms: heads.heads.size }, m.loaded ? 'term heads loaded from the index file' : 'term heads computed');
        } else if ('merged' in m) {
          const merged = m.merged.filter((r) => r.calls);
          if (merged.length) o.log.debug({ ms: Date.now() - started, merged }, 'index segments merged');
        } else {
          o.log.warn({ err: m.mergeFailed }, 'merging the index segments failed; tried again after the next index change');
        }
      });
      worker.once('error', (err) => {
        if (closed) return;
        failedAt = state;
        o.log.warn({ err, state }, 'computing the term heads failed; searches rank their newest matches past the cut');
      });
      worker.once('exit', () => {
        running = undefined;
        stop = undefined;
        resolve();
        if (!answered || closed) return;
        // The index moved while they were computed: once more, for where it is now.
        if (heads!.state !== wanted && wanted !== failedAt) run(wanted);
      });
    });
  }

  return {
    at(state) {
      return heads?.state === state ? heads : undefined;
    },
    refresh(state) {
      wanted = state;
      if (closed || running || heads?.state === state || failedAt === state) return;
      run(state);
    },
    async settled() {
      while (running) await running;
    },
    async close() {
      closed = true;
      await stop?.();
      await this.settled();
    },
  };
}

/**
 * The heads a bot stored in the index file, read (never computed) for each state of the index the
 * first time a ranking asks: the `papers` CLI's one-shot commands, which would exit before a
 * computation ended.
 */
export function storedTermHeads(db: () => SearchDb, spec: TermHeadsSpec): { at(state: string): HeadsView | undefined } {
  let read: { state: string; heads?: HeadsView } | undefined;
  return {
    at(state) {
      if (read?.state !== state) read = { state, heads: readStoredHeads(db(), state, spec) };
      return read.heads;
    },
  };
}
