import { COMMON_SHARE } from './evaluate.js';
import type { Filters } from './filters.js';
import { groupMatch, phraseMatch, type QueryPlan } from './query-plan.js';
import type { Ranked, Ranker } from './ranker.js';
import { isVocabularyWord } from './text.js';
import type { ResolvedTuning } from './tuning.js';
import type { Vocabulary } from './vocabulary.js';

/**
 * What the broad-topic planner reads: the whole index's ranker, the shard's, the counts, and the
 * search's tuning (tuning.ts says what each knob is: minAllWordsHits, broadPostings,
 * provedPostings, recentDocs, scoreEveryMatch, scoredPostings).
 */
export interface BroadTopicContext
  extends Pick<ResolvedTuning, 'minAllWordsHits' | 'broadPostings' | 'provedPostings' | 'recentDocs' | 'scoreEveryMatch' | 'scoredPostings'> {
  vocab: Vocabulary;
  docCount: number;
  /** The whole index, with the chat cut. */
  chatRanker: Ranker;
  /** The shard of the newest papers (fts_recent). */
  recentRanker: Ranker;
}

/** A broad topic's page; `newestOnly`: ranked among the newest papers only (the shard, or its last tier). */
export interface BroadPage {
  ranked: Ranked[];
  total: number;
  newestOnly: boolean;
}

/**
 * Each group's postings, walked once for the broad-topic test and its tiers. A walk stops once
 * its sum passes the cap, so one cap above every threshold compared with (broadPostings, the
 * informative share; the rare threshold is smaller) answers each comparison as its own cap would.
 */
export function groupPostings(plan: QueryPlan, c: Pick<BroadTopicContext, 'vocab' | 'docCount' | 'broadPostings'>): number[] {
  const cap = Math.max(c.broadPostings, COMMON_SHARE * c.docCount);
  return plan.groups.map((g) => g.reduce((n, w) => n + c.vocab.postings(w, cap), 0));
}

/**
 * A chat topic of common words, undefined when the whole index should answer:
 * - enough of the newest papers have every word → the whole archive's page when the term heads
 *   prove it, or every match scored when few are expected, at a bounded cost (exact-top.ts); else
 *   those newest papers, ranked in the shard;
 * - enough papers of the archive have every word → their count (they are found there cheaply);
 * - few anywhere → the whole archive's page of those few first, then the papers with some of the
 *   words, when the term heads prove it at a bounded cost; else those few first (from the whole
 *   archive), then the archive's papers with the topic's rare words (short posting lists: cheap
 *   anywhere), then the newest papers with some of its other words. Over the whole archive that
 *   last tier, ranked in full, is the costliest query there is.
 */
export function broadTopic(
  c: BroadTopicContext,
  plan: QueryPlan,
  /** Each group's postings (groupPostings). */
  postings: number[],
  levels: string[],
  f: Filters,
  limit: number,
  offset: number,
): BroadPage | { allTotal: number } | undefined {
  const { chatRanker, recentRanker, minAllWordsHits: minAll } = c;
  // A word with this few postings is cheap to look up anywhere, and tells the most about a topic.
  const rarePostings = Math.floor(c.broadPostings / 8);
  const [all, loosest] = levels as [string, string | undefined];
  const inShard = recentRanker.count(all, f);
  if (inShard >= minAll) {
    // Every match ranked, as the whole index would rank it (the shard has enough, so the archive
    // has at least as many papers with every word): proved from the heads, or every match scored
    // when the shard's share, scaled to the archive, says they are few (unless a date filter
    // makes the newest papers no sample of the rest); not tried past the cost.
    // (The archive holds more papers than the shard, or the topic would not be asked about here.)
    const expected = (inShard * c.docCount) / Math.max(1, c.recentDocs);
    const every = !f.since && !f.until && expected <= c.scoreEveryMatch;
    const proved = chatRanker.proved(all, f, limit, offset, { maxPostings: every ? c.scoredPostings : c.provedPostings, every });
    if (proved) return { ...proved, newestOnly: false };
    return { ranked: recentRanker.rank(all, f, limit, offset, { matched: inShard }), total: inShard, newestOnly: true };
  }
  if (!loosest) return undefined;
  const allTotal = chatRanker.count(all, f);
  // The whole index answers; it gets the count so as not to read those postings again.
  if (allTotal >= minAll) return { allTotal };
  // Every match ranked, as the whole index would rank it (the papers with every word first, then
  // those with some), when the heads prove it at a bounded cost; else the tiers below.
  const provedLoosest = chatRanker.proved(loosest, f, limit, offset, { maxPostings: c.provedPostings, first: allTotal ? all : undefined });
  if (provedLoosest) return { ranked: provedLoosest.ranked, total: Math.max(allTotal, provedLoosest.total), newestOnly: false };
  const phrases = plan.phrases.map(phraseMatch);
  // Numbers and single letters are not in the vocabulary: their postings are unknown, not few.
  const under = (cap: number) => plan.groups.filter((g, i) => g.every(isVocabularyWord) && postings[i]! <= cap);
  const rareGroups = under(rarePostings);
  const rare = rareGroups.length ? [...phrases, `(${rareGroups.map(groupMatch).join(' OR ')})`].join(' AND ') : undefined;
  // The few papers with every word are ranked by the words in at most a fifth of the papers (as
  // in the some-words tier): bm25 would otherwise read the commonest words' long posting lists
  // for their idf, 10-15 ms of a 25 ms query at 100k papers, for words that weigh next to nothing.
  const informative = under(COMMON_SHARE * c.docCount);
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
      ranked.push(...(t.score ? t.ranker.rankAmong(t.score, t.match, f, want, skip) : t.ranker.rank(t.match, f, want, skip, { matched: n })));
    }
    total += n;
  }
  return { ranked, total, newestOnly: true };
}
