import { join } from 'node:path';
import { UserError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { PaperStore } from '../store/ports.js';
import { broadTopic, groupPostings } from './broad-topics.js';
import { evaluateLevels, matchLevels } from './evaluate.js';
import { answerOn, everyMatchThread, type EveryMatchAsk } from './every-match.js';
import { feedbackWords } from './feedback.js';
import { followStore } from './follow-store.js';
import type { Filters } from './filters.js';
import { createHitReader, type PapersByRow } from './hits.js';
import { createIndexReads, type IndexReads } from './index-reads.js';
import { createIndexSync, type IndexHandle } from './index-sync.js';
import { keepTermHeads, storedTermHeads, type TermHeadsKeeper } from './keep-term-heads.js';
import { createKnownItemFinder, type KnownItemFinder } from './known-items.js';
import { parseQuery, type ParsedQuery } from './parse-query.js';
import type { PaperSearch, SearchQuery, SearchResult, SimilarOptions } from './ports.js';
import { groupMatch, phraseMatch, planQuery, type QueryPlan } from './query-plan.js';
import { createRanker, type Ranked, type Ranker } from './ranker.js';
import { rerank, type FieldStats, type RerankOptions } from './rerank.js';
import { readGeneration, readSeq } from './search-db.js';
import { similarQuery } from './similar-query.js';
import { stateOf } from './term-heads.js';
import { stem, tokenize } from './text.js';
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

/** A page of ranked rows and the number of matches. */
type Page = { ranked: Ranked[]; total: number };

/** The rows of one query below its known-item tier, and what its snippets mark. */
interface Ranking {
  ranked: Ranked[];
  total: number;
  hitStems: Set<string>;
  newestOnly?: number;
  /** Only the newest this-many matches were ranked (SearchResult.newestRanked). */
  newestRanked?: number;
  /** Papers already read from the store for this query (the re-scored candidates). */
  papers?: PapersByRow;
}

/**
 * Paper search: FTS5 postings on disk (search.db in DATA_DIR) ranked with bm25, and the index's
 * vocabulary in memory for typo and prefix expansion. A query runs as: the papers it names
 * (known-items.ts), then a description's re-scored candidates, a broad topic's tiers
 * (broad-topics.ts) or a chat topic's all-words-first levels (evaluate.ts). The index follows the
 * store by seq (index-sync.ts); hits are read from the store once (hits.ts).
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

  /**
   * A match expression's page and count: every match ranked (`every`), or on the ranker with its
   * newest-N cut, named when made. `keep`: papers ranked past the cut too.
   */
  async function topPage(every: boolean, match: string, f: Filters, limit: number, offset: number, keep?: string): Promise<Page & { newestRanked?: number }> {
    if (every) return rankEveryMatch({ kind: 'top', match, filters: f, limit, offset });
    return guarded(() => {
      let newestRanked: number | undefined;
      const total = ranker.count(match, f);
      const onCut = (newest: number) => (newestRanked = newest);
      const ranked = limit > 0 ? ranker.rank(match, f, limit, offset, { matched: total, keep, onCut }) : [];
      return { ranked, total, ...(newestRanked ? { newestRanked } : {}) };
    });
  }

  // Counts that change only with the index: read once per seq.
  let counted = { seq: -1, n: 0 };
  function docCount(): number {
    if (counted.seq !== index.seq) counted = { seq: index.seq, n: reads.docCount() };
    return counted.n;
  }
  let fieldStats: { seq: number; stats?: FieldStats } = { seq: -1 };
  /**
   * Papers holding any alternative of a typed word: an upper bound from the in-memory vocabulary
   * (fts5vocab would count by reading the whole posting list: milliseconds for a common word).
   */
  const dfOfGroup = (group: string[]): number => group.reduce((n, w) => n + index.vocab.df(w), 0);

  /**
   * A description's best FTS5 matches re-scored with BM25F (own k1/b per field, tuned on SciFact
   * train): FTS5's bm25 picks the candidates, the texts come from the store, read once (the page's
   * hits reuse them).
   */
  async function rescored(every: boolean, groups: string[][], match: string, f: Filters, o: RerankOptions, limit: number, offset: number) {
    // No room left on the page (the named papers fill it): the count is all that is wanted.
    const want = limit <= 0 ? 0 : Math.max(o.candidates, offset + limit);
    // Past the newest MAX_RANKED matches, a paper whose title has every word is still ranked: a
    // pasted title (one word changed, or a version's other title) finds an old paper too.
    const keep = `{title} : (${groups.map(groupMatch).join(' AND ')})`;
    const { ranked: candidates, total, newestRanked } = await topPage(every, match, f, want, 0, keep);
    const cut = newestRanked ? { newestRanked } : {};
    if (!candidates.length) return { ranked: [], total, ...cut };
    const papers = await hits.papersOf(candidates.map((c) => c.rowid));
    // FTS5's order; candidates gone from the store since the last catch-up are left out.
    const docs = candidates.flatMap((c) => {
      const p = papers.get(c.rowid);
      return p ? [{ rowid: c.rowid, title: p.title, abstract: p.abstract }] : [];
    });
    if (!docs.length) return { ranked: [], total, ...cut };
    if (fieldStats.seq !== index.seq) fieldStats = { seq: index.seq, stats: reads.fieldStats() };
    const stats = fieldStats.stats ?? {
      docs: docCount(),
      avgTitle: docs.reduce((n, d) => n + tokenize(d.title).length, 0) / docs.length,
      avgAbstract: docs.reduce((n, d) => n + tokenize(d.abstract).length, 0) / docs.length,
    };
    const terms = groups.map((g) => {
      const stems = new Set(g.map(stem));
      return { stems, df: Math.max(0, ...[...stems].map(reads.stemDf)) };
    });
    return { ranked: rerank(docs, terms, stats, o).slice(offset, offset + limit), total, papers, ...cut };
  }

  function paging(limit?: number, page?: number): { limit: number; page: number; offset: number } {
    const l = Math.min(MAX_LIMIT, Math.max(1, Math.floor(Number.isFinite(limit) ? limit! : DEFAULT_LIMIT)));
    const p = Math.max(1, Math.floor(Number.isFinite(page) ? page! : 1));
    return { limit: l, page: p, offset: (p - 1) * l };
  }

  /**
   * The ranked rows of one query below its known-item tier: the search proper. `limit` may be 0
   * (the named papers fill the page; only the count is wanted). `every`: every match ranked over the
   * whole index, whatever it costs (no shard, no newest-N cut). A page the cuts made from the
   * newest papers only is made again over every match when that reads few postings (EXACT_SHARE
   * in tuning.ts), once the term heads are there: the cut page only where ranking every match
   * costs too much.
   */
  async function ranking(parsed: ParsedQuery, filters: Filters, limit: number, offset: number, every = false): Promise<Ranking> {
    const r = await rankingAs(parsed, filters, limit, offset, every);
    if (every || !(r.newestOnly || r.newestRanked) || !r.plan) return r;
    // Term heads not computed yet for this state of the index (a start, a digest): the cut answers
    // meanwhile, as it did before the heads, rather than every such query ranking every match (the
    // first answer of a bot on 1M papers: 150 ms, 630 ms ranked again).
    if (heads && !heads()) return r;
    const allowed = t.exactShare * docCount();
    if (postingsOf(r.plan, allowed) > allowed) return r;
    try {
      // The same plan: its typo and prefix expansion is not walked again.
      return await rankingAs(parsed, filters, limit, offset, true, r.plan);
    } catch (err) {
      // The every-match thread is full (a burst of such searches): the cut page, which says so, will do.
      if (err instanceof UserError) return r;
      throw err;
    }
  }

  /** What ranking every match of `plan` reads: its words' postings (an upper bound), counted up to just past `cap`. */
  const postingsOf = (plan: QueryPlan, cap: number): number => index.vocab.matchPostings([...plan.groups, ...plan.phrases].flat(), cap);

  /** One ranking of `parsed` (see ranking), with the plan it was made from (or `given`: made before, for these words). */
  async function rankingAs(
    parsed: ParsedQuery,
    filters: Filters,
    limit: number,
    offset: number,
    every: boolean,
    given?: QueryPlan,
  ): Promise<Ranking & { plan?: QueryPlan }> {
    // Typed words, not index words: "real-time open-vocabulary detection" is a three-word topic.
    const long = parsed.typedWords > t.longQueryWords;
    if (long && !given) {
      // In a description, bare numbers ("5%", "1,000") match unrelated papers; tuned on SciFact train.
      const kept = parsed.words.filter((w) => !/^\d+$/.test(w) && !t.longQueryStopWords?.has(w));
      if (kept.length) parsed.words = kept;
    }
    const { vocab } = index;
    // Typo tolerance is for chat topics; in a description an unknown word is a rare term, not a typo.
    const plan = given ?? planQuery(parsed, vocab, t.expansion && !(long && !t.longQueryTypos), long && t.splitPrefixed);
    const hitStems = plan.hitStems;
    if (plan.unknownWords.length === plan.groups.length && !plan.phrases.length) return { ranked: [], total: 0, hitStems };
    const n = docCount();
    const levels = matchLevels(plan, n, dfOfGroup, t.minAllWordsHits > 0, t.proximity, long);
    const unweighted = !plan.phrases.length && plan.groups.every((g) => g.every((w) => vocab.df(w) > n / 2));
    const fb = t.feedback;
    if (t.rerank && long && !fb && !unweighted) {
      return { ...(await rescored(every, plan.groups, levels[levels.length - 1]!, filters, t.rerank, limit, offset)), hitStems, plan };
    }
    let knownAllTotal: number | undefined;
    const broad = { ...t, vocab, docCount: n, chatRanker, recentRanker };
    const postings = !every && !long && !unweighted && n > t.recentDocs ? groupPostings(plan, broad) : undefined;
    if (postings && postings.reduce((a, b) => a + b, 0) > t.broadPostings) {
      const r = await guarded(() => broadTopic(broad, plan, postings, levels, filters, limit, offset));
      if (r && 'allTotal' in r) knownAllTotal = r.allTotal;
      else if (r) return { ranked: r.ranked, total: r.total, hitStems, plan, ...(r.newestOnly ? { newestOnly: t.recentDocs } : {}) };
    }
    const enough = t.minAllWordsHits;
    let { ranked, total, newestRanked }: Page & { newestRanked?: number } = every
      ? await rankEveryMatch({ kind: 'levels', levels, filters, limit, offset, enough, unweighted, knownAllTotal })
      : await guarded(() => evaluateLevels(long ? ranker : chatRanker, levels, filters, limit, offset, enough, unweighted, knownAllTotal));
    if (fb && long && total > 0) {
      // A long description: read the best first-pass papers for the words they share, search again.
      const first = ranker.rank(levels[levels.length - 1]!, filters, fb.docs, 0, { matched: total });
      const read = await hits.papersOf(first.map((r) => r.rowid));
      const firstPass = first.flatMap((r) => read.get(r.rowid) ?? []);
      const extra = feedbackWords(firstPass, plan.hitStems, reads.stemDf, n, fb.terms);
      if (extra.length) {
        const own = plan.groups.map(groupMatch);
        const match = [...Array.from({ length: fb.originalWeight }, () => own).flat(), ...extra.map((w) => groupMatch([w]))].join(' OR ');
        const phrases = plan.phrases.map(phraseMatch);
        const full = phrases.length ? `${phrases.join(' AND ')} AND (${match})` : match;
        ({ ranked, total, newestRanked } = await guarded(() => evaluateLevels(ranker, [full], filters, limit, offset, t.minAllWordsHits)));
      }
    }
    return { ranked, total, hitStems, plan, ...(newestRanked ? { newestRanked } : {}) };
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
