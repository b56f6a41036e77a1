import type { Caller } from '../reply.js';
import { addDays } from './dates.js';
import type { BookmarkCount, DailyCount, TrendsReader } from './ports.js';
import { containsTerm } from './terms.js';

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

export type { DailyCount };

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

/** The lowest `minCount`: what the store is asked for, before this week's size is known. */
const MIN_COUNT = minCount(0);

/**
 * The week's rising topics, papers per day by source and the most bookmarked papers, from the
 * store. Each paper counts once per week it appears in, however many digests list it. The counting
 * runs in the database over the terms stored with each paper at ingest (trends/terms.ts).
 */
export async function computeTrends(reader: TrendsReader, o: TrendsOptions): Promise<TrendsReport> {
  const weekStart = addDays(o.end, -6);
  const periodStart = addDays(weekStart, -7 * o.weeks);
  const [counts, daily, bookmarked] = await Promise.all([
    reader.termCounts({ end: o.end, weeks: o.weeks }, MIN_COUNT),
    reader.dailyCounts(periodStart, o.end),
    // Bookmarks made during this week's seven UTC days.
    reader.mostBookmarked(o.workspace, `${weekStart}T00:00:00.000Z`, `${addDays(o.end, 1)}T00:00:00.000Z`, o.bookmarks ?? 5),
  ]);
  const nThis = counts.papersPerWeek[0] ?? 0;
  const nEarlier = counts.papersPerWeek.slice(1).reduce((a, b) => a + b, 0);

  const hasBaseline = nEarlier > 0;
  const floor = minCount(nThis);
  const candidates: TrendTopic[] = [];
  for (const { term, thisWeek: cw, earlier: ce } of counts.terms) {
    if (cw < floor) continue;
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

  return {
    weeks: o.weeks,
    periodStart,
    weekStart,
    end: o.end,
    papersThisWeek: nThis,
    papersEarlierWeekly: round1(nEarlier / o.weeks),
    hasBaseline,
    topics,
    // Sorted here, not in SQL: PostgreSQL's collation may order "hf-api" and "hf-digest-text" otherwise.
    daily: [...daily].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.source < b.source ? -1 : a.source > b.source ? 1 : 0)),
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
