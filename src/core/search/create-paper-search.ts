import { join } from 'node:path';
import { UserError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { PaperStore } from '../store/ports.js';
import { answerOn, everyMatchThread, type EveryMatchAsk } from './every-match.js';
import { followStore } from './follow-store.js';
import type { Filters } from './filters.js';
import { createHitReader } from './hits.js';
import { createIndexReads, type IndexReads } from './index-reads.js';
import { createIndexSync, type IndexHandle } from './index-sync.js';
import { keepTermHeads, storedTermHeads, type TermHeadsKeeper } from './keep-term-heads.js';
import { createKnownItemFinder, type KnownItemFinder } from './known-items.js';
import { parseQuery } from './parse-query.js';
import type { PaperSearch, SearchQuery, SearchResult, SimilarOptions } from './ports.js';
import { createQueryRanking, type Page, type Ranking } from './query-ranking.js';
import { createRanker, type Ranker } from './ranker.js';
import { readGeneration, readSeq } from './search-db.js';
import { similarQuery } from './similar-query.js';
import { stateOf } from './term-heads.js';
import { resolveTuning, type SearchTuning } from './tuning.js';

export type { SearchTuning };

/** Papers in the store before `papers ingest` has the index follow it (see followIngest). */
const FOLLOW_FROM = 20_000;

export interface PaperSearchOptions extends SearchTuning {
  dataDir: string;
  store: PaperStore;
  logger: Logger;
  /** Index file name inside dataDir (tests and benches may keep several). */
  fileName?: string;
  /** A build from empty of at least this many papers counts words in a worker thread (index-sync.ts; tests set 1). */
  wordWorkerFrom?: number;
  /** followIngest follows a store from this many papers (FOLLOW_FROM; tests set 0). */
  followFrom?: number;
  /**
   * A one-shot command (the `papers` CLI), which answers and exits: term heads are only read from
   * the index file where a bot stored them, never computed (the process would exit before a
   * computation ended), and the vocabulary is read a word at a time, not whole (Vocabulary.onDemand).
   */
  oneShot?: boolean;
}

const DEFAULT_LIMIT = 5;
const MAX_LIMIT = 25;

const NOTHING = 'Nothing matched. Try fewer or other words, or a broader filter.';

/**
 * Paper search: FTS5 postings on disk (search.db in DATA_DIR) ranked with bm25, and the index's
 * vocabulary in memory for typo and prefix expansion. A query runs as: the papers it names
 * (known-items.ts), then the ranking of the rest (query-ranking.ts: a description's re-scored
 * candidates, a broad topic's tiers or a chat topic's all-words-first levels). This file holds the
 * index's lifecycle and what hangs on it: the index follows the store by seq (index-sync.ts), the
 * rankers are prepared for each index handle, every match is ranked in its own thread
 * (every-match.ts), and hits are read from the store once (hits.ts).
 */
export async function createPaperSearch(opts: PaperSearchOptions): Promise<PaperSearch> {
  const { store } = opts;
  const t = resolveTuning(opts);
  const file = join(opts.dataDir, opts.fileName ?? 'search.db');

  // Prepared for each index handle (onAttach): the file may be rebuilt or reloaded under a search.
  let index!: IndexHandle;
  let reads!: IndexReads;
  /** Descriptions and `similar`. */
  let ranker!: Ranker;
  /** Chat topics: the whole index, and its shard of the newest papers. */
  let chatRanker!: Ranker;
  let recentRanker!: Ranker;
  /** A search asked to rank every match (SearchQuery.everyMatch): the whole index, no cut. */
  let everyRanker!: Ranker;
  let knownItems!: KnownItemFinder;
  /** The file's generation (with index.seq, the state term heads are kept for). */
  let generation = '';
  const state = () => stateOf(generation, index.seq);
  const log = opts.logger.child({ component: 'search' });
  const spec = t.termHeads ? { weights: t.weights, ...t.termHeads } : undefined;
  const keeper: TermHeadsKeeper | undefined = spec && !opts.oneShot ? keepTermHeads({ file, spec, log }) : undefined;
  const stored = spec && !keeper ? storedTermHeads(() => index.db, spec) : undefined;
  const heads = spec && (() => (keeper ?? stored)!.at(state()));
  const indexSync = createIndexSync({
    file,
    store,
    log,
    recentDocs: t.recentDocs,
    wordWorkerFrom: opts.wordWorkerFrom,
    wordsOnDemand: opts.oneShot,
    onAttach(i) {
      index = i;
      generation = readGeneration(i.db);
      reads = createIndexReads(i.db);
      ranker = createRanker(i.db, t.weights, 'fts', t.maxRanked, heads);
      chatRanker = createRanker(i.db, t.weights, 'fts', t.chatRanked, heads);
      recentRanker = createRanker(i.db, t.weights, 'fts_recent', t.chatRanked);
      everyRanker = createRanker(i.db, t.weights, 'fts', Infinity, heads);
      knownItems = createKnownItemFinder(i.db, (w) => i.vocab.df(w));
    },
  });
  const { guarded } = indexSync;
  /** The index as it is now, caught up with the store, and its term heads asked for. */
  async function fresh(): Promise<void> {
    await indexSync.fresh();
    keeper?.refresh(state());
  }
  const hits = createHitReader(() => reads, store);
  // A one-shot command has no other work to hold up: it ranks every match on its own thread.
  const everyThread = opts.oneShot ? undefined : everyMatchThread({ file, weights: t.weights, heads: spec }, log);

  /**
   * Every match ranked: in the every-match thread (every-match.ts) as the file is now, or on this
   * thread when there is none or it failed. Too many such rankings at once are refused (UserError).
   */
  async function rankEveryMatch(ask: EveryMatchAsk): Promise<Page> {
    if (everyThread) {
      try {
        return await everyThread.ask({ ...ask, generation, state: state() });
      } catch (err) {
        if (err instanceof UserError) throw err;
        log.warn({ err }, 'ranking every match in its thread failed; ranked on this one');
      }
    }
    return guarded(() => answerOn(everyRanker, ask));
  }

  // Counts that change only with the index: read once per seq.
  let counted = { seq: -1, n: 0 };
  function docCount(): number {
    if (counted.seq !== index.seq) counted = { seq: index.seq, n: reads.docCount() };
    return counted.n;
  }

  const { ranking, topPage } = createQueryRanking({
    tuning: t,
    index: () => index,
    reads: () => reads,
    rankers: () => ({ ranker, chatRanker, recentRanker }),
    heads,
    hits,
    guarded,
    rankEveryMatch,
    docCount,
  });

  function paging(limit?: number, page?: number): { limit: number; page: number; offset: number } {
    const l = Math.min(MAX_LIMIT, Math.max(1, Math.floor(Number.isFinite(limit) ? limit! : DEFAULT_LIMIT)));
    const p = Math.max(1, Math.floor(Number.isFinite(page) ? page! : 1));
    return { limit: l, page: p, offset: (p - 1) * l };
  }

  async function search(q: SearchQuery): Promise<SearchResult> {
    const { limit, page, offset } = paging(q.limit, q.page);
    const empty = (notice: string): SearchResult => ({ hits: [], total: 0, page, limit, notice });
    const text = typeof q.text === 'string' ? q.text : '';
    const parsed = parseQuery(text);
    if (!text.trim()) return empty(parsed.notice!);
    await fresh();
    const filters: Filters = { since: q.since, until: q.until, hasCode: q.hasCode, minUpvotes: q.minUpvotes, source: q.source };
    // Papers the text names come first, then the ranking of everything else (see known-items.ts).
    const known = await guarded(() => knownItems.find(text, filters));
    if (parsed.notice && !known.length) return empty(parsed.notice);
    const shown = known.slice(offset, offset + limit);
    const rest: Ranking = parsed.notice
      ? { ranked: [], total: 0, hitStems: new Set() }
      : await ranking(parsed, known.length ? { ...filters, excludeRowids: known } : filters, limit - shown.length, Math.max(0, offset - known.length), q.everyMatch === true);
    const total = known.length + rest.total;
    // Named papers score above the best of the rest, in their own order.
    const top = rest.ranked[0]?.score ?? 0;
    const ranked = [...shown.map((rowid, i) => ({ rowid, score: top + shown.length - i })), ...rest.ranked];
    const found = await hits.toHits(ranked, rest.hitStems, rest.papers);
    const base: SearchResult = {
      hits: found,
      total,
      page,
      limit,
      ...(rest.newestOnly ? { newestOnly: rest.newestOnly } : {}),
      ...(rest.newestRanked ? { newestRanked: rest.newestRanked } : {}),
    };
    if (found.length) return base;
    return { ...base, notice: total ? `No results on page ${page}; there are ${total} in all.` : NOTHING };
  }

  async function similar(paperId: string, o: SimilarOptions = {}): Promise<SearchResult> {
    const { limit, page, offset } = paging(o.limit, o.page);
    const paper = await store.getPaper(String(paperId ?? ''));
    if (!paper) return { hits: [], total: 0, page, limit, notice: `No paper with id "${String(paperId).slice(0, 80)}".` };
    await fresh();
    const sq = similarQuery(paper, (w) => index.vocab.df(w), docCount());
    if (!sq) return { hits: [], total: 0, page, limit, notice: 'That paper has too little text to find similar ones.' };
    const f: Filters = { excludeRowid: reads.rowidOf(paper.id) };
    const { ranked, total, newestRanked } = await topPage(o.everyMatch === true, sq.match, f, limit, offset);
    const found = await hits.toHits(ranked, sq.hitStems);
    const base: SearchResult = { hits: found, total, page, limit, ...(newestRanked ? { newestRanked } : {}) };
    return found.length ? base : { ...base, notice: 'No similar papers found.' };
  }

  await indexSync.open();
  keeper?.refresh(state());

  return {
    search,
    similar,
    async sync(onProgress) {
      await indexSync.sync(onProgress);
      keeper?.refresh(state());
    },
    async settled() {
      await keeper?.settled();
    },
    async followIngest() {
      // From an empty index only (a build, not a catch-up), and a store another thread can open.
      if (!store.location || index.seq !== 0 || readSeq(index.db) !== 0) return undefined;
      // Below this, starting the threads costs more than the overlap saves (10k papers: ~0.8 s more).
      if ((await store.stats()).papers < (opts.followFrom ?? FOLLOW_FROM)) return undefined;
      return followStore({ file, location: store.location, recentDocs: t.recentDocs, wordWorkerFrom: opts.wordWorkerFrom }, log);
    },
    async close() {
      await everyThread?.close();
      await keeper?.close();
      await indexSync.close();
    },
  };
}
