import { UserError } from '../errors.js';
import { broadTopic, groupPostings } from './broad-topics.js';
import { evaluateLevels, matchLevels } from './evaluate.js';
import type { EveryMatchAsk } from './every-match.js';
import { feedbackWords } from './feedback.js';
import type { Filters } from './filters.js';
import type { HitReader, PapersByRow } from './hits.js';
import type { IndexReads } from './index-reads.js';
import type { IndexHandle } from './index-sync.js';
import type { ParsedQuery } from './parse-query.js';
import { groupMatch, phraseMatch, planQuery, type QueryPlan } from './query-plan.js';
import type { Ranked, Ranker } from './ranker.js';
import { rerank, type FieldStats, type RerankOptions } from './rerank.js';
import type { HeadsView } from './term-heads.js';
import { stem, tokenize } from './text.js';
import type { ResolvedTuning } from './tuning.js';

/** A page of ranked rows and the number of matches. */
export type Page = { ranked: Ranked[]; total: number };

/** The rows of one query below its known-item tier, and what its snippets mark. */
export interface Ranking {
  ranked: Ranked[];
  total: number;
  hitStems: Set<string>;
  newestOnly?: number;
  /** Only the newest this-many matches were ranked (SearchResult.newestRanked). */
  newestRanked?: number;
  /** Papers already read from the store for this query (the re-scored candidates). */
  papers?: PapersByRow;
}

/** The rankers of the index as it is now (create-paper-search.ts prepares them for each handle). */
export interface QueryRankers {
  /** Descriptions and `similar`: the whole index, with the newest-N cut. */
  ranker: Ranker;
  /** Chat topics: the whole index, and its shard of the newest papers. */
  chatRanker: Ranker;
  recentRanker: Ranker;
}

/**
 * What ranking a query reads. Functions, not values: a rebuilt or reloaded index file replaces the
 * handle and its rankers under a search, and a read `guarded` tries again after a rebuild must see
 * the new ones.
 */
export interface QueryRankingContext {
  tuning: ResolvedTuning;
  index(): IndexHandle;
  reads(): IndexReads;
  rankers(): QueryRankers;
  /** The term heads of the index now, when the search keeps them at all (the tuning may turn them off). */
  heads?: () => HeadsView | undefined;
  hits: HitReader;
  /** Runs a read; a damaged index is rebuilt once and the read tried again (index-sync.ts). */
  guarded<T>(read: () => T): Promise<T>;
  /** Every match ranked, in the every-match thread when there is one (create-paper-search.ts). */
  rankEveryMatch(ask: EveryMatchAsk): Promise<Page>;
  /** Papers in the index, read once per seq. */
  docCount(): number;
}

/**
 * The ranking below a query's known-item tier: a description's re-scored candidates, a broad
 * topic's tiers (broad-topics.ts) or a chat topic's all-words-first levels (evaluate.ts), and a page
 * the cuts made from the newest papers made again over every match where that costs little.
 * `topPage` is one match expression's page (`similar` uses it too).
 */
export function createQueryRanking(c: QueryRankingContext) {
  const t = c.tuning;

  /**
   * A match expression's page and count: every match ranked (`every`), or on the ranker with its
   * newest-N cut, named when made. `keep`: papers ranked past the cut too.
   */
  async function topPage(every: boolean, match: string, f: Filters, limit: number, offset: number, keep?: string): Promise<Page & { newestRanked?: number }> {
    if (every) return c.rankEveryMatch({ kind: 'top', match, filters: f, limit, offset });
    return c.guarded(() => {
      const { ranker } = c.rankers();
      let newestRanked: number | undefined;
      const total = ranker.count(match, f);
      const onCut = (newest: number) => (newestRanked = newest);
      const ranked = limit > 0 ? ranker.rank(match, f, limit, offset, { matched: total, keep, onCut }) : [];
      return { ranked, total, ...(newestRanked ? { newestRanked } : {}) };
    });
  }

  let fieldStats: { seq: number; stats?: FieldStats } = { seq: -1 };
  /**
   * Papers holding any alternative of a typed word: an upper bound from the in-memory vocabulary
   * (fts5vocab would count by reading the whole posting list: milliseconds for a common word).
   */
  const dfOfGroup = (group: string[]): number => group.reduce((n, w) => n + c.index().vocab.df(w), 0);

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
    const papers = await c.hits.papersOf(candidates.map((r) => r.rowid));
    // FTS5's order; candidates gone from the store since the last catch-up are left out.
    const docs = candidates.flatMap((r) => {
      const p = papers.get(r.rowid);
      return p ? [{ rowid: r.rowid, title: p.title, abstract: p.abstract }] : [];
    });
    if (!docs.length) return { ranked: [], total, ...cut };
    if (fieldStats.seq !== c.index().seq) fieldStats = { seq: c.index().seq, stats: c.reads().fieldStats() };
    const stats = fieldStats.stats ?? {
      docs: c.docCount(),
      avgTitle: docs.reduce((n, d) => n + tokenize(d.title).length, 0) / docs.length,
      avgAbstract: docs.reduce((n, d) => n + tokenize(d.abstract).length, 0) / docs.length,
    };
    const terms = groups.map((g) => {
      const stems = new Set(g.map(stem));
      return { stems, df: Math.max(0, ...[...stems].map(c.reads().stemDf)) };
    });
    return { ranked: rerank(docs, terms, stats, o).slice(offset, offset + limit), total, papers, ...cut };
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
    if (c.heads && !c.heads()) return r;
    const allowed = t.exactShare * c.docCount();
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
  const postingsOf = (plan: QueryPlan, cap: number): number => c.index().vocab.matchPostings([...plan.groups, ...plan.phrases].flat(), cap);

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
    const { vocab } = c.index();
    // Typo tolerance is for chat topics; in a description an unknown word is a rare term, not a typo.
    const plan = given ?? planQuery(parsed, vocab, t.expansion && !(long && !t.longQueryTypos), long && t.splitPrefixed);
    const hitStems = plan.hitStems;
    if (plan.unknownWords.length === plan.groups.length && !plan.phrases.length) return { ranked: [], total: 0, hitStems };
    const n = c.docCount();
    const levels = matchLevels(plan, n, dfOfGroup, t.minAllWordsHits > 0, t.proximity, long);
    const unweighted = !plan.phrases.length && plan.groups.every((g) => g.every((w) => vocab.df(w) > n / 2));
    const fb = t.feedback;
    if (t.rerank && long && !fb && !unweighted) {
      return { ...(await rescored(every, plan.groups, levels[levels.length - 1]!, filters, t.rerank, limit, offset)), hitStems, plan };
    }
    let knownAllTotal: number | undefined;
    const { chatRanker, recentRanker } = c.rankers();
    const broad = { ...t, vocab, docCount: n, chatRanker, recentRanker };
    const postings = !every && !long && !unweighted && n > t.recentDocs ? groupPostings(plan, broad) : undefined;
    if (postings && postings.reduce((a, b) => a + b, 0) > t.broadPostings) {
      const r = await c.guarded(() => broadTopic(broad, plan, postings, levels, filters, limit, offset));
      if (r && 'allTotal' in r) knownAllTotal = r.allTotal;
      else if (r) return { ranked: r.ranked, total: r.total, hitStems, plan, ...(r.newestOnly ? { newestOnly: t.recentDocs } : {}) };
    }
    const enough = t.minAllWordsHits;
    let { ranked, total, newestRanked }: Page & { newestRanked?: number } = every
      ? await c.rankEveryMatch({ kind: 'levels', levels, filters, limit, offset, enough, unweighted, knownAllTotal })
      : await c.guarded(() => {
          // Asked again inside the read: a retry after a rebuild ranks on the new handle.
          const now = c.rankers();
          return evaluateLevels(long ? now.ranker : now.chatRanker, levels, filters, limit, offset, enough, unweighted, knownAllTotal);
        });
    if (fb && long && total > 0) {
      // A long description: read the best first-pass papers for the words they share, search again.
      const first = c.rankers().ranker.rank(levels[levels.length - 1]!, filters, fb.docs, 0, { matched: total });
      const read = await c.hits.papersOf(first.map((r) => r.rowid));
      const firstPass = first.flatMap((r) => read.get(r.rowid) ?? []);
      const extra = feedbackWords(firstPass, plan.hitStems, c.reads().stemDf, n, fb.terms);
      if (extra.length) {
        const own = plan.groups.map(groupMatch);
        const match = [...Array.from({ length: fb.originalWeight }, () => own).flat(), ...extra.map((w) => groupMatch([w]))].join(' OR ');
        const phrases = plan.phrases.map(phraseMatch);
        const full = phrases.length ? `${phrases.join(' AND ')} AND (${match})` : match;
        ({ ranked, total, newestRanked } = await c.guarded(() => evaluateLevels(c.rankers().ranker, [full], filters, limit, offset, t.minAllWordsHits)));
      }
    }
    return { ranked, total, hitStems, plan, ...(newestRanked ? { newestRanked } : {}) };
  }

  return { ranking, topPage };
}
