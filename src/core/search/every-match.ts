import type { Worker } from 'node:worker_threads';
import { UserError } from '../errors.js';
import type { Logger } from '../logger.js';
import { startWorker } from '../worker-thread.js';
import { evaluateLevels } from './evaluate.js';
import type { Filters } from './filters.js';
import type { ColumnWeights, Ranked, Ranker } from './ranker.js';
import type { TermHeadsSpec } from './term-heads.js';

/** What the every-match worker opens (every-match-worker.ts). */
export interface EveryMatchJob {
  file: string;
  weights: ColumnWeights;
  /** The term heads' spec: those a bot stored in the file for the index's state are read and used. */
  heads?: TermHeadsSpec;
}

/** What the search asks: evaluateLevels' arguments, or a plain ranking's (a description's candidates, `similar`). */
export type EveryMatchAsk =
  | { kind: 'levels'; levels: string[]; filters: Filters; limit: number; offset: number; enough: number; unweighted: boolean; knownAllTotal?: number }
  | { kind: 'top'; match: string; filters: Filters; limit: number; offset: number };

/** A request to the worker: an ask, with the index file's generation and state (term-heads.ts stateOf) it is for. */
export type EveryMatchRequest = EveryMatchAsk & { id: number; generation: string; state: string };

/**
 * An ask answered on `ranker`, one that never cuts: what the thread answers, and what the bot's
 * thread answers itself when there is no thread or it failed.
 */
export function answerOn(ranker: Ranker, a: EveryMatchAsk): { ranked: Ranked[]; total: number } {
  if (a.kind === 'levels') return evaluateLevels(ranker, a.levels, a.filters, a.limit, a.offset, a.enough, a.unweighted, a.knownAllTotal);
  return { ranked: a.limit > 0 ? ranker.rank(a.match, a.filters, a.limit, a.offset) : [], total: ranker.count(a.match, a.filters) };
}

export interface EveryMatchThread {
  /** Every match ranked (evaluateLevels over the whole index, no cut): the page and the count. */
  ask(request: EveryMatchAsk & { generation: string; state: string }): Promise<{ ranked: Ranked[]; total: number }>;
  /** Stops the thread; requests under way are refused. */
  close(): Promise<void>;
}

/**
 * At most this many rankings of every match wait or run at once; more are refused with a message.
 * Each may take ~1 s at 1M papers: a burst of clicks on Rank every match is answered in turn
 * without a queue growing behind it.
 */
export const MAX_EVERY_MATCH = 4;

/**
 * The rankings of every match (SearchQuery.everyMatch), in a worker thread of their own: such a
 * ranking reads every matching paper's postings (up to ~0.2 s at 100k papers, ~1 s at 1M), which on
 * the bot's thread would hold every other reply, digest and gateway heartbeat for that long. The
 * thread starts with the first request and runs them one at a time. A thread that fails rejects
 * what it had (the caller ranks those itself) and the next request starts a new one.
 */
export function everyMatchThread(job: EveryMatchJob, log: Logger): EveryMatchThread {
  let worker: Worker | undefined;
  let nextId = 0;
  const pending = new Map<number, { resolve: (r: { ranked: Ranked[]; total: number }) => void; reject: (e: Error) => void }>();

  function failAll(err: Error): void {
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  }

  function started(): Worker {
    if (worker) return worker;
    const w = startWorker(import.meta.url, './every-match-worker', job);
    w.on('message', (m: { id: number; ranked?: Ranked[]; total?: number; error?: string }) => {
      const p = pending.get(m.id);
      if (!p) return;
      pending.delete(m.id);
      // Idle, the thread never keeps the process alive (the bot may be exiting).
      if (!pending.size) w.unref();
      if (m.error !== undefined) p.reject(new Error(m.error));
      else p.resolve({ ranked: m.ranked!, total: m.total! });
    });
    w.on('error', (err) => {
      log.warn({ err }, 'the every-match thread failed; its searches are ranked on the main thread');
      if (worker === w) worker = undefined;
      failAll(err);
    });
    w.on('exit', () => {
      if (worker === w) worker = undefined;
      failAll(new Error('the every-match thread stopped'));
    });
    worker = w;
    return w;
  }

  return {
    ask(request) {
      if (pending.size >= MAX_EVERY_MATCH) {
        return Promise.reject(new UserError(`${MAX_EVERY_MATCH} searches are already ranking every match here; try again in a few seconds, or search without --all.`));
      }
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        const w = started();
        w.ref();
        w.postMessage({ ...request, id });
      });
    },
    async close() {
      const w = worker;
      worker = undefined;
      failAll(new Error('the search is closed'));
      await w?.terminate();
    },
  };
}
