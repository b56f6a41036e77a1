import { phrasesOf } from './exact-top.js';
import type { QueryPlan } from './query-plan.js';
import { groupMatch, phraseMatch, quote } from './query-plan.js';
import type { Filters, Ranked, Ranker } from './ranker.js';

/** Queries with more typed words than this are descriptions (a pasted claim): plain bm25 OR ranks them well. */
export const LONG_QUERY_WORDS = 5;
/** In the loosest level, a word in more than this share of papers alone does not make a match. */
export const COMMON_SHARE = 0.2;

/**
 * Match expressions, strictest first: every word, then any informative word (two tiers: a level per
 * number of words matched was measured slower, since bm25 re-reads each repeated word's postings).
 * Phrases are required at every level (the person quoted them on purpose).
 */
export function matchLevels(
  plan: QueryPlan,
  docCount: number,
  dfOf: (group: string[]) => number,
  levelled: boolean,
  /** NEAR distance for neighbouring words of long queries; 0: none. */
  proximity = 0,
  /** A description rather than a chat topic (more than LONG_QUERY_WORDS typed words). */
  long = false,
): string[] {
  const phrases = plan.phrases.map(phraseMatch);
  const groups = plan.groups.map(groupMatch);
  const withPhrases = (words: string | undefined) => [...phrases, ...(words ? [words] : [])].join(' AND ');
  const all = withPhrases(groups.length ? groups.join(' AND ') : undefined);
  if (groups.length <= 1) return [all];
  const anyOf = (gs: string[]) => withPhrases(gs.length === 1 ? gs[0] : `(${gs.join(' OR ')})`);
  if (!levelled && !long) return [anyOf(groups)];
  // Words in most papers make "any word" a scan of the whole index and rank nothing useful alone.
  const informative = groups.filter((_, i) => dfOf(plan.groups[i]!) <= COMMON_SHARE * docCount);
  const loosest = anyOf(informative.length ? informative : groups);
  // A description (a pasted claim or abstract) rarely has every word in one paper, and requiring
  // most of them ranks worse than bm25 over all of them (SciFact train). `proximity` adds NEAR pairs of
  // neighbouring words (a light sequential-dependence model): off, as it measured worse on train.
  if (long) {
    // bm25 gives a word in over half the papers no weight at all (FTS5 clamps its idf to ~0): it
    // only widens the scan. Leaving it out of an any-word query changes no score, only the count.
    const weighty = groups.filter((_, i) => dfOf(plan.groups[i]!) <= docCount / 2);
    const words = weighty.length ? weighty : groups;
    if (!proximity) return [anyOf(words)];
    const near: string[] = [];
    for (let i = 0; i + 1 < plan.groups.length; i++) near.push(`NEAR(${quote(plan.groups[i]![0]!)} ${quote(plan.groups[i + 1]![0]!)}, ${proximity})`);
    return [anyOf([...words, ...near])];
  }
  return [all, loosest];
}

/**
 * Papers with all the words come first; only when they are fewer than `enough` do papers with some
 * of the words follow them (in one ranking pass: bm25's per-word setup cost is paid once).
 */
export function evaluateLevels(
  ranker: Ranker,
  levels: string[],
  f: Filters,
  limit: number,
  offset: number,
  enough: number,
  /** No word of the query carries bm25 weight: list the newest matches instead of ranking noise. */
  unweighted = false,
  /** The all-words count when the caller has it already (a count reads every word's postings). */
  knownAllTotal?: number,
): { ranked: Ranked[]; total: number; newestRanked?: number } {
  const [all, loosest] = levels as [string, string | undefined];
  let newestRanked: number | undefined;
  const onCut = (n: number) => (newestRanked = n);
  const page = (ranked: Ranked[], total: number) => ({ ranked, total, ...(newestRanked ? { newestRanked } : {}) });
  const allTotal = knownAllTotal ?? ranker.count(all, f);
  if (unweighted && (!loosest || allTotal >= enough)) return { ranked: ranker.newest(all, f, limit, offset), total: allTotal };
  if (!loosest || allTotal >= enough) return page(ranker.rank(all, f, limit, offset, { matched: allTotal, onCut }), allTotal);
  const total = Math.max(allTotal, ranker.count(loosest, f));
  // The all-words papers fill the page: they come first, in the loosest level's bm25 order. On a
  // paper holding every word that is `all`'s own bm25 when both name the same phrases in the same
  // order (bm25 adds up one term per phrase, from the phrase's df and the paper's counts), and
  // ranking `all` reads the posting lists' intersection where the loosest level reads their union
  // (15-40 ms for a topic of four or five words at 100k papers).
  if (allTotal >= offset + limit && samePhrases(all, loosest)) return page(ranker.rank(all, f, limit, offset, { matched: allTotal, onCut }), total);
  return page(ranker.rank(loosest, f, limit, offset, { matched: total, first: allTotal ? all : undefined, onCut }), total);
}

/** Whether two match expressions name the same phrases in the same order (bm25 then scores a paper matching both alike). */
function samePhrases(a: string, b: string): boolean {
  const [x, y] = [phrasesOf(a), phrasesOf(b)];
  return x.length === y.length && x.every((p, i) => p === y[i]);
}
