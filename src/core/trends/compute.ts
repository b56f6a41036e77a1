import type { Caller } from '../reply.js';
import type { Source } from '../paper.js';
import { addDays } from './dates.js';
import type { BookmarkCount, TrendsReader } from './ports.js';
import { containsTerm, paperTerms } from './terms.js';

/** A term whose share of this week's papers grew against the weeks before. */
export interface TrendTopic {
  term: string;
  /** Papers of this week with the term. */
  thisWeek: number;
  /** Papers a week with the term over the earlier weeks (average, one decimal). */
  earlierWeekly: number;
  /** Two-proportion z of this week's share against the earlier share (higher: rose more surely). */
  score: number;
}

export interface DailyCount {
  date: string;
  source: Source;
  /** Papers in that day's digest of that source. */
  count: number;
}

/** Everything the trends picture and its text show, computed once from the store. */
export interface TrendsReport {
  /** Earlier weeks compared against this one. */
  weeks: number;
  /** First day of the whole period (the earliest earlier week). */
  periodStart: string;
  /** This week: the seven days weekStart..end. */
  weekStart: string;
  end: string;
  papersThisWeek: number;
  /** Distinct papers a week, averaged over the earlier weeks. */
  papersEarlierWeekly: number;
  /** False when the earlier weeks hold no papers: topics are then this week's most frequent. */
  hasBaseline: boolean;
  topics: TrendTopic[];
  /** Non-zero (day, source) counts over the period, by date then source. */
  daily: DailyCount[];
  bookmarked: BookmarkCount[];
}

export interface TrendsOptions {
  /** Last day of "this week" (YYYY-MM-DD). */
  end: string;
  /** Earlier weeks to compare with (1..26). */
  weeks: number;
  /** Whose bookmarks count. */
  workspace: Pick<Caller, 'platform' | 'workspaceId'>;
  /** Topics kept (default 8: what the bar chart shows legibly). */
  topics?: number;
  /** Bookmarked papers kept (default 5). */
  bookmarks?: number;
}

/**
 * A term needs this many papers this week to count as rising: one or two papers are noise, and
 * the bar beside a 1 says nothing. Scaled with the week so a 1,000-paper week needs 5.
 */
const minCount = (papers: number) => Math.max(2, Math.min(5, Math.ceil(papers / 200)));

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * The week's rising topics, papers per day by source and the most bookmarked papers, from the
 * store. Each paper counts once per week it appears in, however many digests list it.
 */
export async function computeTrends(reader: TrendsReader, o: TrendsOptions): Promise<TrendsReport> {
  const weekStart = addDays(o.end, -6);
  const periodStart = addDays(weekStart, -7 * o.weeks);
  const rows = await reader.appearances(periodStart, o.end);

  const daily = new Map<string, DailyCount>();
  // paper id → bit set of the weeks it appears in (bit 0 = this week); terms computed once a paper.
  const weeksOf = new Map<string, number>();
  const termsOf = new Map<string, string[]>();
  // A few hundred distinct days among up to 100k rows: each day's week is worked out once.
  const endMs = Date.parse(`${o.end}T00:00:00Z`);
  const weekOfDay = new Map<string, number>();
  const weekIndex = (date: string) => {
    let w = weekOfDay.get(date);
    if (w === undefined) weekOfDay.set(date, (w = Math.floor((endMs - Date.parse(`${date}T00:00:00Z`)) / (7 * 86_400_000))));
    return w;
  };
  for (const r of rows) {
    const key = `${r.date}\u0000${r.source}`;
    const d = daily.get(key);
    if (d) d.count++;
    else daily.set(key, { date: r.date, source: r.source, count: 1 });
    weeksOf.set(r.paperId, (weeksOf.get(r.paperId) ?? 0) | (1 << weekIndex(r.date)));
    if (!termsOf.has(r.paperId)) termsOf.set(r.paperId, paperTerms(r.title, r.keywords));
  }

  let nThis = 0;
  let nEarlier = 0;
  const cThis = new Map<string, number>();
  const cEarlier = new Map<string, number>();
  // This week's terms first: earlier weeks then count only those, since a term absent this week
  // cannot rise (over 26 weeks that skips most of the earlier terms and their map entries).
  for (const [id, bits] of weeksOf) {
    if (!(bits & 1)) continue;
    nThis++;
    for (const t of termsOf.get(id)!) cThis.set(t, (cThis.get(t) ?? 0) + 1);
  }
  for (const [id, bits] of weeksOf) {
    const earlierWeeks = popcount(bits >>> 1);
    if (!earlierWeeks) continue;
    nEarlier += earlierWeeks;
    for (const t of termsOf.get(id)!) if (cThis.has(t)) cEarlier.set(t, (cEarlier.get(t) ?? 0) + earlierWeeks);
  }

  const hasBaseline = nEarlier > 0;
  const floor = minCount(nThis);
  const candidates: TrendTopic[] = [];
  for (const [term, cw] of cThis) {
    if (cw < floor) continue;
    const ce = cEarlier.get(term) ?? 0;
    const score = hasBaseline ? zScore(cw, nThis, ce, nEarlier) : cw;
    if (score <= 0) continue;
    candidates.push({ term, thisWeek: cw, earlierWeekly: round1(ce / o.weeks), score: Math.round(score * 100) / 100 });
  }
  candidates.sort((a, b) => b.score - a.score || b.thisWeek - a.thisWeek || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));

  const topics: TrendTopic[] = [];
  for (const c of candidates) {
    if (topics.length >= (o.topics ?? 8)) break;
    // "merging" and "model merging" rising together are one topic: keep the first (higher) of them.
    const overlaps = topics.some((t) => (containsTerm(t.term, c.term) || containsTerm(c.term, t.term)) && Math.min(t.thisWeek, c.thisWeek) / Math.max(t.thisWeek, c.thisWeek) >= 0.6);
    if (!overlaps) topics.push(c);
  }

  // Bookmarks made during this week's seven UTC days.
  const bookmarked = await reader.mostBookmarked(o.workspace, `${weekStart}T00:00:00.000Z`, `${addDays(o.end, 1)}T00:00:00.000Z`, o.bookmarks ?? 5);
  return {
    weeks: o.weeks,
    periodStart,
    weekStart,
    end: o.end,
    papersThisWeek: nThis,
    papersEarlierWeekly: round1(nEarlier / o.weeks),
    hasBaseline,
    topics,
    daily: [...daily.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.source < b.source ? -1 : a.source > b.source ? 1 : 0)),
    bookmarked,
  };
}

/**
 * How surely this week's share (cw of nw papers) exceeds the earlier share (ce of ne): the
 * two-proportion z statistic. Unlike a plain ratio it does not crown a term that went from 0 to 2
 * papers, and unlike a plain difference it does not favour the biggest terms only.
 */
function zScore(cw: number, nw: number, ce: number, ne: number): number {
  const p = (cw + ce) / (nw + ne);
  const se = Math.sqrt(p * (1 - p) * (1 / nw + 1 / ne));
  if (se === 0) return 0;
  return (cw / nw - ce / ne) / se;
}

function popcount(x: number): number {
  let n = 0;
  for (let v = x; v; v &= v - 1) n++;
  return n;
}
