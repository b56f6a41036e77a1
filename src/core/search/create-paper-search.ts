import { join } from 'node:path';
import type { Logger } from '../logger.js';
import type { StoredPaper } from '../paper.js';
import type { PaperStore } from '../store/ports.js';
import { createIndexWriter } from './index-writer.js';
import { parseQuery } from './parse-query.js';
import type { PaperSearch, SearchHit, SearchQuery, SearchResult } from './ports.js';
import { COMMON_SHARE, evaluateLevels, LONG_QUERY_WORDS, matchLevels } from './evaluate.js';
import { feedbackWords, type FeedbackOptions } from './feedback.js';
import { groupMatch, phraseMatch, planQuery, type QueryPlan } from './query-plan.js';
import { createRanker, DEFAULT_WEIGHTS, type ColumnWeights, type Filters, type Ranked, type Ranker } from './ranker.js';
import { readFieldStats, rerank, DEFAULT_RERANK, type FieldStats, type RerankOptions } from './rerank.js';
import { isVocabularyWord, stem, tokenize } from './text.js';
import { createSearchDb, isCorruption, openSearchDb, readSeq, readVocabulary, type SearchDb } from './search-db.js';
import { similarQuery } from './similar-query.js';
import { makeSnippet } from './snippet.js';
import type { Vocabulary } from './vocabulary.js';

export interface PaperSearchOptions {
  dataDir: string;
  store: PaperStore;
  logger: Logger;
  /** Index file name inside dataDir (tests and benches may keep several). */
  fileName?: string;
  /** bm25 column weights; the defaults were chosen on the SciFact train split. */
  weights?: ColumnWeights;
  /** Fewer all-words matches than this and some-words matches are listed after them; 0: plain OR. */
  minAllWordsHits?: number;
  /** Typo and prefix expansion through the vocabulary (on by default; off for the relevance grid). */
  expansion?: boolean;
  /** Pseudo-relevance feedback for long, descriptive queries; false turns it off. */
  feedback?: FeedbackOptions | false;
  /** NEAR window for neighbouring words of long queries (0: off). */
  proximity?: number;
  /** Queries with more words than this are descriptions: plain bm25 over all words, numbers dropped. */
  longQueryWords?: number;
  /** Typo expansion in long queries too (tuning). */
  longQueryTypos?: boolean;
  /** Query words ignored in long queries on top of the stop words (tuning). */
  longQueryStopWords?: ReadonlySet<string>;
  /** Papers in the index's shard of the newest papers (default 20,000; see BROAD_POSTINGS). */
  recentDocs?: number;
  /** A chat topic whose words hold more postings than this in all is ranked in that shard first. */
  broadPostings?: number;
  /** A long query's prefixed words also match hyphenated ("proinflammatory" = pro-inflammatory); default true. */
  splitPrefixed?: boolean;
  /** A chat topic's matches ranked by bm25 at most (the newest ones; see CHAT_RANKED). */
  chatRanked?: number;
  /** BM25F re-scoring of a long query's top FTS5 candidates; false: FTS5's bm25 order as it is. */
  rerank?: RerankOptions | false;
}

const DEFAULT_LIMIT = 5;
const MAX_LIMIT = 25;
const MIN_ALL_WORDS_HITS = 20;
const SYNC_BATCH = 2000;
const DEFAULT_PROXIMITY = 0;
const RECENT_DOCS = 20_000;
/**
 * A chat topic ranks at most its newest this-many matches with bm25 (descriptions and `similar`:
 * MAX_RANKED, 5,000). This is mostly the some-words tier of a topic that few papers match in full,
 * and those papers are still found anywhere in the archive and listed first. Ranking 2,500 papers
 * instead of 5,000 takes about 5 ms off such a query at 100k papers: p99 24.7 → 19.4 ms there
 * (best of two passes over the bench's 500 queries).
 */
const CHAT_RANKED = 2500;
/**
 * FTS5's bm25 reads each query word's whole posting list (for its idf) whatever the LIMIT: about
 * 0.1 µs a posting here, so a topic of common words ("reasoning large language", 150k postings at
 * 100k papers) costs 15-20 ms, and ten times that at 1M. Above this many postings a chat topic is
 * ranked among the newest RECENT_DOCS papers instead (the fts_recent shard): the best of the recent
 * papers, as a daily-papers chat wants, at a cost that does not grow with the archive (broadTopic).
 */
const BROAD_POSTINGS = 40_000;

const NOTHING = 'Nothing matched. Try fewer or other words, or a broader filter.';

/**
 * Paper search: FTS5 postings on disk (search.db in DATA_DIR) ranked with bm25, and the index's
 * vocabulary in memory for typo and prefix expansion. It follows the store by seq: every search first
 * catches up with papers the store got since (usually none; a digest is a small transaction).
 */
export async function createPaperSearch(opts: PaperSearchOptions): Promise<PaperSearch> {
  const { store } = opts;
  const log = opts.logger.child({ component: 'search' });
  const file = join(opts.dataDir, opts.fileName ?? 'search.db');
  const minAll = opts.minAllWordsHits ?? MIN_ALL_WORDS_HITS;

  let db!: SearchDb;
  let vocab!: Vocabulary;
  let writer!: ReturnType<typeof createIndexWriter>;
  /** Descriptions and `similar`. */
  let ranker!: Ranker;
  /** Chat topics: the whole index, and its shard of the newest papers. */
  let chatRanker!: Ranker;
  let recentRanker!: Ranker;
  let seq = 0;
  const recentDocs = Math.max(0, opts.recentDocs ?? RECENT_DOCS);
  const broadPostings = opts.broadPostings ?? BROAD_POSTINGS;
  // A word with this few postings is cheap to look up anywhere, and tells the most about a topic.
  const rarePostings = Math.floor(broadPostings / 8);

  function attach(d: SearchDb): void {
    db = d;
    vocab = readVocabulary(db);
    writer = createIndexWriter(db, vocab, recentDocs);
    const weights = opts.weights ?? DEFAULT_WEIGHTS;
    const chatRanked = opts.chatRanked ?? CHAT_RANKED;
    ranker = createRanker(db, weights);
    chatRanker = createRanker(db, weights, 'fts', chatRanked);
    recentRanker = createRanker(db, weights, 'fts_recent', chatRanked);
    seq = readSeq(db);
  }

  function startFresh(reason: string, replace = true): void {
    log.info({ file, reason }, 'building the search index from the store');
    try {
      if (db?.open) db.close();
    } catch {
      /* a damaged handle may refuse to close cleanly */
    }
    attach(createSearchDb(file, replace));
  }

  async function catchUp(): Promise<void> {
    // Another process (`papers ingest` beside the bot) indexed papers into this file: its words
    // are in the file's vocabulary, not in ours, and its rows are already there. Reload.
    if (readSeq(db) > seq) attach(db);
    const storeSeq = await store.maxSeq();
    // A store behind the index is another store (restored, replaced): the index cannot be trusted.
    if (storeSeq < seq) startFresh(`store seq ${storeSeq} is behind the index's ${seq}`);
    const started = Date.now();
    let added = 0;
    if (seq === 0) writer.expect((await store.stats()).papers);
    for (;;) {
      const papers = await store.papersSince(seq, SYNC_BATCH);
      if (!papers.length) break;
      const top = papers[papers.length - 1]!.seq;
      writer.write(papers, top);
      seq = top;
      added += papers.length;
    }
    if (added) log.debug({ added, ms: Date.now() - started, seq }, 'search index caught up');
  }

  // One catch-up at a time; searches wait for the one running so they never see a half-read store.
  let syncing: Promise<void> | undefined;
  function sync(): Promise<void> {
    syncing ??= (async () => {
      try {
        await catchUp();
      } catch (err) {
        if (!isCorruption(err)) throw err;
        startFresh(`damaged: ${(err as Error).message}`);
        await catchUp();
      } finally {
        syncing = undefined;
      }
    })();
    return syncing;
  }

  async function fresh(): Promise<void> {
    if (syncing) await syncing;
    if ((await store.maxSeq()) !== seq) await sync();
  }

  /** Runs a read; a damaged index is rebuilt once and the read tried again. */
  async function guarded<T>(read: () => T): Promise<T> {
    try {
      return read();
    } catch (err) {
      if (!isCorruption(err)) throw err;
      startFresh(`damaged: ${(err as Error).message}`);
      await catchUp();
      return read();
    }
  }

  async function toPapers(ranked: Ranked[]): Promise<StoredPaper[]> {
    return (await toHits(ranked, new Set(), false)).map((h) => h.paper);
  }

  async function toHits(ranked: Ranked[], hitStems: Set<string>, snippets = true): Promise<SearchHit[]> {
    if (!ranked.length) return [];
    const ids = db
      .prepare(`SELECT rowid, id FROM docs WHERE rowid IN (${ranked.map(() => '?').join(',')})`)
      .all(...ranked.map((r) => r.rowid)) as Array<{ rowid: number; id: string }>;
    const idOf = new Map(ids.map((r) => [r.rowid, r.id]));
    const papers = await store.getPapers(ranked.map((r) => idOf.get(r.rowid)).filter((x): x is string => !!x));
    const byId = new Map<string, StoredPaper>(papers.map((p) => [p.id, p]));
    const hits: SearchHit[] = [];
    for (const r of ranked) {
      const paper = byId.get(idOf.get(r.rowid) ?? '');
      if (!paper) continue; // gone from the store since the last catch-up
      hits.push({ paper, score: Math.round(r.score * 1000) / 1000, snippet: snippets ? makeSnippet(paper.abstract || paper.title, hitStems) : [] });
    }
    return hits;
  }

  let counted = { seq: -1, n: 0 };
  function docCount(): number {
    if (counted.seq !== seq) counted = { seq, n: (db.prepare('SELECT count(*) AS n FROM docs').get() as { n: number }).n };
    return counted.n;
  }
  const dfOfStem = (s: string): number =>
    db.prepare<[string], { doc: number }>('SELECT doc FROM fts_vocab WHERE term = ?').get(s)?.doc ?? 0;
  /**
   * Papers holding any alternative of a typed word: an upper bound from the in-memory vocabulary
   * (fts5vocab would count by reading the whole posting list: milliseconds for a common word).
   */
  const dfOfGroup = (group: string[]): number => group.reduce((n, w) => n + vocab.df(w), 0);

  let fieldStats: { seq: number; stats?: FieldStats } = { seq: -1 };
  /**
   * A description's best FTS5 matches re-scored with BM25F (own k1/b per field, tuned on SciFact
   * train): FTS5's bm25 picks the candidates, the texts come from the store.
   */
  async function rescored(groups: string[][], match: string, f: Filters, o: RerankOptions, limit: number, offset: number) {
    const { candidates, total } = await guarded(() => {
      const n = ranker.count(match, f);
      return { candidates: ranker.rank(match, f, Math.max(o.candidates, offset + limit), 0, n), total: n };
    });
    if (!candidates.length) return { ranked: [], total };
    const ids = db
      .prepare(`SELECT rowid, id FROM docs WHERE rowid IN (${candidates.map(() => '?').join(',')})`)
      .all(...candidates.map((r) => r.rowid)) as Array<{ rowid: number; id: string }>;
    const papers = new Map((await store.getPapers(ids.map((r) => r.id))).map((p) => [p.id, p]));
    const docs = ids.flatMap((r) => {
      const p = papers.get(r.id);
      return p ? [{ rowid: r.rowid, title: p.title, abstract: p.abstract }] : [];
    });
    const order = new Map(candidates.map((c, i) => [c.rowid, i]));
    docs.sort((a, b) => order.get(a.rowid)! - order.get(b.rowid)!);
    if (fieldStats.seq !== seq) fieldStats = { seq, stats: readFieldStats(db) };
    const stats = fieldStats.stats ?? {
      docs: docCount(),
      avgTitle: docs.reduce((n, d) => n + tokenize(d.title).length, 0) / docs.length,
      avgAbstract: docs.reduce((n, d) => n + tokenize(d.abstract).length, 0) / docs.length,
    };
    const terms = groups.map((g) => {
      const stems = new Set(g.map(stem));
      return { stems, df: Math.max(0, ...[...stems].map(dfOfStem)) };
    });
    return { ranked: rerank(docs, terms, stats, o).slice(offset, offset + limit), total };
  }

  /**
   * Each group's postings, walked once for the broad-topic test and its tiers. A walk stops once
   * its sum passes the cap, so one cap above every threshold compared with (broadPostings, the
   * informative share; rarePostings is smaller) answers each comparison as its own cap would.
   */
  function groupPostings(plan: QueryPlan): number[] {
    const cap = Math.max(broadPostings, COMMON_SHARE * docCount());
    return plan.groups.map((g) => g.reduce((n, w) => n + vocab.postings(w, cap), 0));
  }

  /**
   * A chat topic of common words (see BROAD_POSTINGS), undefined when the whole index should answer:
   * - enough of the newest papers have every word → those, ranked in the shard;
   * - enough papers of the archive have every word → undefined (they are found there cheaply);
   * - few anywhere → those few first (from the whole archive), then the archive's papers with the
   *   topic's rare words (short posting lists: cheap anywhere), then the newest papers with some
   *   of its other words. Over the whole archive that last tier is the costliest query there is.
   */
  function broadTopic(
    plan: QueryPlan,
    /** Each group's postings (groupPostings). */
    postings: number[],
    levels: string[],
    f: Filters,
    limit: number,
    offset: number,
  ): { ranked: Ranked[]; total: number } | { allTotal: number } | undefined {
    const [all, loosest] = levels as [string, string | undefined];
    const inShard = recentRanker.count(all, f);
    if (inShard >= minAll) return { ranked: recentRanker.rank(all, f, limit, offset, inShard), total: inShard };
    if (!loosest) return undefined;
    const allTotal = chatRanker.count(all, f);
    // The whole index answers; it gets the count so as not to read those postings again.
    if (allTotal >= minAll) return { allTotal };
    const phrases = plan.phrases.map(phraseMatch);
    // Numbers and single letters are not in the vocabulary: their postings are unknown, not few.
    const under = (cap: number) => plan.groups.filter((g, i) => g.every(isVocabularyWord) && postings[i]! <= cap);
    const rareGroups = under(rarePostings);
    const rare = rareGroups.length ? [...phrases, `(${rareGroups.map(groupMatch).join(' OR ')})`].join(' AND ') : undefined;
    // The few papers with every word are ranked by the words in at most a fifth of the papers (as
    // in the some-words tier): bm25 would otherwise read the commonest words' long posting lists
    // for their idf, 10-15 ms of a 25 ms query at 100k papers, for words that weigh next to nothing.
    const informative = under(COMMON_SHARE * docCount());
    const score = informative.length && informative.length < plan.groups.length ? `(${informative.map(groupMatch).join(' OR ')})` : undefined;
    const tiers: Array<{ ranker: Ranker; match: string; score?: string }> = [{ ranker: chatRanker, match: all, score }];
    if (rare) tiers.push({ ranker: chatRanker, match: `(${rare}) NOT (${all})` });
    tiers.push({ ranker: recentRanker, match: rare ? `((${loosest}) NOT (${all})) NOT (${rare})` : `(${loosest}) NOT (${all})` });
    const ranked: Ranked[] = [];
    let total = 0;
    for (const t of tiers) {
      const n = t === tiers[0] ? allTotal : t.ranker.count(t.match, f);
      // This tier's share of the page: what is left of `limit` once `offset` is past the tiers before.
      const skip = Math.max(0, offset - total);
      const want = limit - ranked.length;
      if (n > skip && want > 0) {
        ranked.push(...(t.score ? t.ranker.rankAmong(t.score, t.match, f, want, skip) : t.ranker.rank(t.match, f, want, skip, n)));
      }
      total += n;
    }
    return { ranked, total };
  }

  function paging(limit?: number, page?: number): { limit: number; page: number; offset: number } {
    const l = Math.min(MAX_LIMIT, Math.max(1, Math.floor(Number.isFinite(limit) ? limit! : DEFAULT_LIMIT)));
    const p = Math.max(1, Math.floor(Number.isFinite(page) ? page! : 1));
    return { limit: l, page: p, offset: (p - 1) * l };
  }

  async function search(q: SearchQuery): Promise<SearchResult> {
    const { limit, page, offset } = paging(q.limit, q.page);
    const empty = (notice: string): SearchResult => ({ hits: [], total: 0, page, limit, notice });
    const parsed = parseQuery(typeof q.text === 'string' ? q.text : '');
    if (parsed.notice) return empty(parsed.notice);
    await fresh();
    const longWords = opts.longQueryWords ?? LONG_QUERY_WORDS;
    // Typed words, not index words: "real-time open-vocabulary detection" is a three-word topic.
    const long = parsed.typedWords > longWords;
    if (long) {
      // In a description, bare numbers ("5%", "1,000") match unrelated papers; tuned on SciFact train.
      const kept = parsed.words.filter((w) => !/^\d+$/.test(w) && !opts.longQueryStopWords?.has(w));
      if (kept.length) parsed.words = kept;
    }
    // Typo tolerance is for chat topics; in a description an unknown word is a rare term, not a typo.
    const plan = planQuery(parsed, vocab, (opts.expansion ?? true) && !(long && opts.longQueryTypos === false), long && (opts.splitPrefixed ?? true));
    if (plan.unknownWords.length === plan.groups.length && !plan.phrases.length) return empty(NOTHING);
    const filters: Filters = { since: q.since, until: q.until, hasCode: q.hasCode, minUpvotes: q.minUpvotes, source: q.source };
    const levels = matchLevels(plan, docCount(), dfOfGroup, minAll > 0, opts.proximity ?? DEFAULT_PROXIMITY, long);
    const n = docCount();
    const unweighted = !plan.phrases.length && plan.groups.every((g) => g.every((w) => vocab.df(w) > n / 2));
    const fb = opts.feedback === undefined ? false : opts.feedback;
    const rr = opts.rerank === undefined ? DEFAULT_RERANK : opts.rerank;
    if (rr && long && !fb && !unweighted) {
      const r = await rescored(plan.groups, levels[levels.length - 1]!, filters, rr, limit, offset);
      const hits = await toHits(r.ranked, plan.hitStems);
      if (!hits.length) return { hits, total: r.total, page, limit, notice: r.total ? `No results on page ${page}; there are ${r.total} in all.` : NOTHING };
      return { hits, total: r.total, page, limit };
    }
    let knownAllTotal: number | undefined;
    const postings = !long && !unweighted && docCount() > recentDocs ? groupPostings(plan) : undefined;
    if (postings && postings.reduce((a, b) => a + b, 0) > broadPostings) {
      const broad = await guarded(() => broadTopic(plan, postings, levels, filters, limit, offset));
      if (broad && 'allTotal' in broad) knownAllTotal = broad.allTotal;
      else if (broad) {
        const hits = await toHits(broad.ranked, plan.hitStems);
        const base = { hits, total: broad.total, page, limit, newestOnly: recentDocs };
        return hits.length ? base : { ...base, notice: `No results on page ${page}; there are ${broad.total} in all.` };
      }
    }
    let { ranked, total } = await guarded(() =>
      evaluateLevels(long ? ranker : chatRanker, levels, filters, limit, offset, minAll, unweighted, knownAllTotal),
    );
    if (fb && long && total > 0) {
      // A long description: read the best first-pass papers for the words they share, search again.
      const firstPass = await toPapers(ranker.rank(levels[levels.length - 1]!, filters, fb.docs, 0, total));
      const extra = feedbackWords(firstPass, plan.hitStems, dfOfStem, docCount(), fb.terms);
      if (extra.length) {
        const own = plan.groups.map(groupMatch);
        const match = [...Array.from({ length: fb.originalWeight }, () => own).flat(), ...extra.map((w) => groupMatch([w]))].join(' OR ');
        const phrases = plan.phrases.map(phraseMatch);
        const full = phrases.length ? `${phrases.join(' AND ')} AND (${match})` : match;
        ({ ranked, total } = await guarded(() => evaluateLevels(ranker, [full], filters, limit, offset, minAll)));
      }
    }
    const hits = await toHits(ranked, plan.hitStems);
    if (!hits.length) return { hits, total, page, limit, notice: total ? `No results on page ${page}; there are ${total} in all.` : NOTHING };
    return { hits, total, page, limit };
  }

  async function similar(paperId: string, o: { limit?: number; page?: number } = {}): Promise<SearchResult> {
    const { limit, page, offset } = paging(o.limit, o.page);
    const paper = await store.getPaper(String(paperId ?? ''));
    if (!paper) return { hits: [], total: 0, page, limit, notice: `No paper with id "${String(paperId).slice(0, 80)}".` };
    await fresh();
    const row = db.prepare<[string], { rowid: number }>('SELECT rowid FROM docs WHERE id = ?').get(paper.id);
    const sq = similarQuery(paper, (w) => vocab.df(w), docCount());
    if (!sq) return { hits: [], total: 0, page, limit, notice: 'That paper has too little text to find similar ones.' };
    const f: Filters = { excludeRowid: row?.rowid };
    const { ranked, total } = await guarded(() => {
      const n = ranker.count(sq.match, f);
      return { ranked: ranker.rank(sq.match, f, limit, offset, n), total: n };
    });
    const hits = await toHits(ranked, sq.hitStems);
    return hits.length ? { hits, total, page, limit } : { hits, total, page, limit, notice: 'No similar papers found.' };
  }

  const opened = openSearchDb(file);
  if ('db' in opened) {
    attach(opened.db);
    log.debug({ file, seq }, 'search index loaded');
  } else {
    startFresh(opened.problem, opened.problem !== 'missing');
  }
  await sync();

  return {
    search,
    similar,
    sync,
    async close() {
      if (syncing) await syncing.catch(() => undefined);
      if (db.open) db.close();
    },
  };
}
