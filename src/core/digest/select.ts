import type { Logger } from '../logger.js';
import type { Caller } from '../reply.js';
import type { Source, StoredPaper } from '../paper.js';
import type { PaperSearch } from '../search/ports.js';
import type { DigestEntry, PaperStore } from '../store/ports.js';
import type { SubscriptionSettings } from './subscription.js';
import { orderByTaste, type TasteDeps } from './taste-order.js';
import { mentions, textWords } from './topics.js';

/** What a channel's next digest holds. */
export interface Selection {
  papers: StoredPaper[];
  /** The cursor to store once this selection is planned (null: nothing ingested yet). */
  entryCursor: number | null;
  /** Newest digest date and the sources among the chosen papers, for the header. */
  digestDate?: string;
  sources: Source[];
  /** New candidate papers seen before filters (for logs and previews). */
  considered: number;
  /** With `--rank taste`: which ordering was used and why (the preview says it). */
  order?: string;
}

/**
 * Reads shared by every channel planned in one tick: 1,000 channels at the same minute ask for the
 * same entries, papers and topic searches, so each is fetched once.
 */
export interface SelectionCache {
  entries: Map<string, Promise<DigestEntry[]>>;
  papers: Map<string, Promise<StoredPaper | undefined>>;
  /** Stemmed words of each paper's text, for negative keywords and the word-match fallback. */
  words: Map<string, Set<string>>;
  topicScores: Map<string, Promise<Map<string, number>>>;
  ranked: Map<string, Promise<Ranked>>;
  /** Posted papers per channel among a group's candidates (keyed by group). */
  posted: Map<string, Promise<Map<string, Set<string>>>>;
}

export const newSelectionCache = (): SelectionCache => ({ entries: new Map(), papers: new Map(), words: new Map(), topicScores: new Map(), ranked: new Map(), posted: new Map() });

export interface SelectDeps {
  papers: PaperStore;
  search?: PaperSearch;
  logger: Logger;
  cache: SelectionCache;
  /** For subscriptions with `--rank taste`. */
  taste?: TasteDeps;
}

export function memo<T>(map: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
  let p = map.get(key);
  if (!p) {
    p = make();
    map.set(key, p);
    p.catch(() => map.delete(key));
  }
  return p;
}

async function candidateEntries(d: SelectDeps, s: SubscriptionSettings, cursor: number | null): Promise<{ entries: DigestEntry[]; cursor: number | null }> {
  if (cursor !== null) {
    const entries = await memo(d.cache.entries, `since:${cursor}`, () => d.papers.digestEntriesSince(cursor));
    return { entries, cursor: entries.length ? entries[entries.length - 1]!.entryId : cursor };
  }
  // A new channel is greeted with the most recent digest of its sources, whatever its date.
  const latest = await memo(d.cache.entries, `first:${(s.sources ?? []).join(',')}`, async () => {
    const lists = s.sources ? await Promise.all(s.sources.map((source) => d.papers.listDigests({ source, limit: 1 }))) : [await d.papers.listDigests({ limit: 1 })];
    const best = lists.flat().sort((a, b) => b.date.localeCompare(a.date) || b.id - a.id)[0];
    return best ? d.papers.digestEntries(best.id) : [];
  });
  if (!latest.length) {
    const any = await d.papers.listDigests({ limit: 1 });
    if (!any.length) return { entries: [], cursor: null };
  }
  const top = Math.max(0, ...latest.map((e) => e.entryId));
  // The cursor goes past everything already stored, so the next digest starts from what comes next.
  const later = await memo(d.cache.entries, `since:${top}`, () => d.papers.digestEntriesSince(top));
  return { entries: latest, cursor: later.length ? later[later.length - 1]!.entryId : top };
}

async function loadPapers(d: SelectDeps, ids: string[]): Promise<Map<string, StoredPaper>> {
  const missing = ids.filter((id) => !d.cache.papers.has(id));
  if (missing.length) {
    // One read for the batch; channels planned concurrently wait on the same promise.
    const batch = d.papers.getPapers(missing).then((ps) => new Map(ps.map((p) => [p.id, p] as const)));
    for (const id of missing) d.cache.papers.set(id, batch.then((m) => m.get(id)));
  }
  const out = new Map<string, StoredPaper>();
  for (const id of ids) {
    const p = await d.cache.papers.get(id);
    if (p) out.set(id, p);
  }
  return out;
}

/** Search scores of one topic over papers of digests since `since`, normalised to 0..1. */
function topicScores(d: SelectDeps, term: string, since: string | undefined): Promise<Map<string, number>> {
  return memo(d.cache.topicScores, `${term}\u0000${since ?? ''}`, async () => {
    const out = new Map<string, number>();
    if (!d.search) return out;
    try {
      // One page (25 hits, restricted to the candidates' dates) per distinct topic and tick: a search
      // costs tens of ms, and a day rarely has more matches; further ones still count by their words.
      const r = await d.search.search({ text: term, since, limit: 25, page: 1 });
      for (const h of r.hits) if (!out.has(h.paper.id)) out.set(h.paper.id, h.score);
    } catch (err) {
      // Ranking is a nicety: without it, topics still filter by plain word matches.
      d.logger.warn({ err, topic: term }, 'topic search failed; falling back to word matching');
    }
    const max = Math.max(0, ...out.values());
    if (max > 0) for (const [k, v] of out) out.set(k, v / max);
    return out;
  });
}

function wordsOf(d: SelectDeps, p: StoredPaper): Set<string> {
  let w = d.cache.words.get(p.id);
  if (!w) {
    w = textWords(`${p.title}\n${p.abstract}\n${p.keywords.join(' ')}`);
    d.cache.words.set(p.id, w);
  }
  return w;
}

interface Ranked {
  /** Every candidate paper id, newest digest first. */
  ids: string[];
  /** Candidates passing the channel's filters, best first. */
  ranked: StoredPaper[];
  firstEntry: Map<string, DigestEntry>;
  cursor: number | null;
}

/** Candidates since a cursor, filtered and ranked: the same for every channel with the same settings. */
async function rankCandidates(d: SelectDeps, s: SubscriptionSettings, cursor: number | null): Promise<Ranked> {
  const { entries, cursor: next } = await candidateEntries(d, s, cursor);
  const order = [...entries].sort((a, b) => b.date.localeCompare(a.date) || b.digestId - a.digestId || a.position - b.position);
  const firstEntry = new Map<string, DigestEntry>();
  for (const e of order) if ((!s.sources || s.sources.includes(e.source)) && !firstEntry.has(e.paperId)) firstEntry.set(e.paperId, e);
  const ids = [...firstEntry.keys()];
  const byId = await loadPapers(d, ids);

  let pool = ids.map((id) => byId.get(id)).filter((p): p is StoredPaper => p !== undefined);
  if (s.minUpvotes !== undefined) pool = pool.filter((p) => p.upvotes !== undefined && p.upvotes >= s.minUpvotes!);
  if (s.topics.exclude.length) pool = pool.filter((p) => !s.topics.exclude.some((t) => mentions(wordsOf(d, p), t)));

  const relevance = new Map<string, number>();
  if (s.topics.include.length && pool.length) {
    const since = pool.map((p) => firstEntry.get(p.id)!.date).sort()[0];
    const scores = await Promise.all(s.topics.include.map((t) => topicScores(d, t, since)));
    for (const p of pool) {
      let r = 0;
      s.topics.include.forEach((t, i) => {
        r += scores[i]!.get(p.id) ?? (mentions(wordsOf(d, p), t) ? 0.05 : 0);
      });
      relevance.set(p.id, r);
    }
    pool = pool.filter((p) => relevance.get(p.id)! > 0);
  }

  const rank = new Map(ids.map((id, i) => [id, i] as const));
  pool.sort((a, b) => {
    const ua = a.upvotes ?? -1;
    const ub = b.upvotes ?? -1;
    if (ua !== ub) return ub - ua;
    const ra = relevance.get(a.id) ?? 0;
    const rb = relevance.get(b.id) ?? 0;
    if (ra !== rb) return rb - ra;
    return rank.get(a.id)! - rank.get(b.id)!;
  });
  return { ids, ranked: pool, firstEntry, cursor: next };
}

/**
 * The channel's next digest: entries since its cursor, never a paper already posted there, its
 * sources, topics (search-ranked, negative keywords excluded), minimum upvotes; ordered by upvotes
 * when known, then topic relevance, then digest order (newest digest first, its own order within).
 */
export async function selectDigest(
  d: SelectDeps,
  s: SubscriptionSettings,
  cursor: number | null,
  alreadyPosted: (ids: string[], groupKey: string) => Promise<Set<string>>,
  channel?: Pick<Caller, 'platform' | 'channelId'>,
): Promise<Selection> {
  // Channels differ only by what was already posted to them; the ranking is shared per settings.
  const key = JSON.stringify([cursor, s.sources ?? null, s.topics, s.minUpvotes ?? null]);
  const r = await memo(d.cache.ranked, key, () => rankCandidates(d, s, cursor));
  const posted = r.ids.length ? await alreadyPosted(r.ids, key) : new Set<string>();
  let fresh = r.ranked.filter((p) => !posted.has(p.id));
  let order: string | undefined;
  if (s.rank === 'taste' && channel) ({ papers: fresh, order } = await orderByTaste(d.taste, channel, fresh));
  const chosen = fresh.slice(0, s.top);
  const chosenEntries = chosen.map((p) => r.firstEntry.get(p.id)!);
  return {
    papers: chosen,
    entryCursor: r.cursor,
    digestDate: chosenEntries.map((e) => e.date).sort().pop(),
    sources: [...new Set(chosenEntries.map((e) => e.source))],
    considered: r.ids.filter((id) => !posted.has(id)).length,
    ...(order ? { order } : {}),
  };
}
