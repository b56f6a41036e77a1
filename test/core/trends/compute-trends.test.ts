import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeTrends, type TrendsReport } from '../../../src/core/trends/compute.js';
import { addDays } from '../../../src/core/trends/dates.js';
import type { Source } from '../../../src/core/paper.js';
import type { PaperStore } from '../../../src/core/store/ports.js';
import { containsTerm, paperTerms } from '../../../src/core/trends/terms.js';
import { LAST_DAY, trendsBot } from './trends-env.js';

/**
 * The trends are checked against counts taken another way: digests and their entries through the
 * PaperStore port (not the trends reader's SQL), keywords matched by plain string comparison.
 */
describe('computeTrends on the hf-daily slice', () => {
  let env: Awaited<ReturnType<typeof trendsBot>>;
  let report: TrendsReport;
  /** paper id → its digest days and lower-cased keywords, read through the PaperStore port. */
  const papers = new Map<string, { dates: Set<string>; keywords: Set<string> }>();
  const perDigest = new Map<string, number>();

  beforeAll(async () => {
    env = await trendsBot();
    for (const d of await env.bot.store.listDigests({ limit: 1000 })) {
      const entries = await env.bot.store.digestEntries(d.id);
      perDigest.set(`${d.date} ${d.source}`, entries.length);
      for (const p of await env.bot.store.getPapers(entries.map((e) => e.paperId))) {
        const rec = papers.get(p.id) ?? { dates: new Set(), keywords: new Set(p.keywords.map((k) => k.toLowerCase().trim())) };
        rec.dates.add(d.date);
        papers.set(p.id, rec);
      }
    }
    report = await computeTrends(env.bot.trends, { end: LAST_DAY, weeks: 4, workspace: { platform: 'local', workspaceId: 'local' } });
  }, 60_000);
  afterAll(() => env?.close());

  const inWeek = (dates: Set<string>, k: number) => {
    const end = addDays(LAST_DAY, -7 * k);
    const start = addDays(end, -6);
    return [...dates].some((d) => d >= start && d <= end);
  };

  it("counts this week's papers and the earlier weekly average as the digests hold them", () => {
    const thisWeek = [...papers.values()].filter((p) => inWeek(p.dates, 0)).length;
    const earlier = [1, 2, 3, 4].reduce((n, k) => n + [...papers.values()].filter((p) => inWeek(p.dates, k)).length, 0);
    expect(thisWeek).toBeGreaterThan(20);
    expect(report.papersThisWeek).toBe(thisWeek);
    expect(report.papersEarlierWeekly).toBe(Math.round((earlier / 4) * 10) / 10);
    expect(report.weekStart).toBe('2025-08-23');
    expect(report.periodStart).toBe('2025-07-26');
  });

  it('finds rising topics whose counts match the keywords of the papers', () => {
    expect(report.topics.length).toBeGreaterThanOrEqual(5);
    for (const t of report.topics) {
      const withTerm = [...papers.values()].filter((p) => p.keywords.has(t.term));
      expect(withTerm.filter((p) => inWeek(p.dates, 0)).length, t.term).toBe(t.thisWeek);
      const earlier = [1, 2, 3, 4].reduce((n, k) => n + withTerm.filter((p) => inWeek(p.dates, k)).length, 0);
      expect(t.earlierWeekly, t.term).toBe(Math.round((earlier / 4) * 10) / 10);
      // Rising: a larger share of this week's papers than of the earlier weeks'.
      const earlierPapers = [1, 2, 3, 4].reduce((n, k) => n + [...papers.values()].filter((p) => inWeek(p.dates, k)).length, 0);
      expect(t.thisWeek / report.papersThisWeek).toBeGreaterThan(earlier / earlierPapers);
    }
    const scores = report.topics.map((t) => t.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('counts papers per day by source from the digests', () => {
    expect(report.daily.length).toBeGreaterThan(15);
    for (const d of report.daily) expect(d.count, `${d.date} ${d.source}`).toBe(perDigest.get(`${d.date} ${d.source}`));
    const inPeriod = [...perDigest.entries()].filter(([k]) => k.slice(0, 10) >= report.periodStart && k.slice(0, 10) <= LAST_DAY && perDigest.get(k)! > 0);
    expect(report.daily).toHaveLength(inPeriod.length);
  });

  it('a week without papers has no topics and no counts', async () => {
    const empty = await computeTrends(env.bot.trends, { end: '2026-03-06', weeks: 4, workspace: { platform: 'local', workspaceId: 'local' } });
    expect(empty.papersThisWeek).toBe(0);
    expect(empty.topics).toEqual([]);
    expect(empty.hasBaseline).toBe(false);
  });

  it('ranks the most bookmarked papers of the week in the asking workspace only', async () => {
    const ids = [...papers.entries()].filter(([, p]) => inWeek(p.dates, 0)).map(([id]) => id).slice(0, 3);
    env.clock.set('2025-08-27T10:00:00Z');
    const team = { platform: 'slack' as const, workspaceId: 'T1' };
    for (const u of ['u1', 'u2', 'u3']) await env.bot.bookmarks.add({ ...team, userId: u }, ids[1]!);
    for (const u of ['u1', 'u2']) await env.bot.bookmarks.add({ ...team, userId: u }, ids[0]!);
    // Another workspace's bookmarks, and this one's from before the week, do not count.
    for (const u of ['x1', 'x2', 'x3', 'x4']) await env.bot.bookmarks.add({ platform: 'slack', workspaceId: 'T2', userId: u }, ids[2]!);
    env.clock.set('2025-08-10T10:00:00Z');
    for (const u of ['u1', 'u2', 'u3', 'u4']) await env.bot.bookmarks.add({ ...team, userId: u }, ids[2]!);
    const r = await computeTrends(env.bot.trends, { end: LAST_DAY, weeks: 4, workspace: team });
    expect(r.bookmarked.map((b) => [b.paperId, b.count])).toEqual([
      [ids[1], 3],
      [ids[0], 2],
    ]);
    expect(r.bookmarked[0]!.title).toBe((await env.bot.store.getPaper(ids[1]!))!.title);
  });
});

describe('paperTerms', () => {
  it('uses the keywords when a paper has them, else informative title words and pairs', () => {
    expect(paperTerms('Anything At All', ['Model Merging', ' Reward Hacking. ', 'model merging'])).toEqual(['model merging', 'reward hacking']);
    const t = paperTerms('Towards Efficient Model Merging: A Study of Reinforcement Learning', []);
    expect(t).toContain('model merging');
    expect(t).toContain('reinforcement learning');
    expect(t).toContain('merging');
    // Filler words count only inside a pair; pairs never straddle the colon.
    expect(t).not.toContain('learning');
    expect(t).not.toContain('efficient');
    expect(t).not.toContain('merging study');
  });
});

/**
 * The report as it was computed before the terms were stored: every appearance in the window read
 * through the PaperStore port, each paper's terms derived from its title and keywords here, counted
 * in maps. The stored-terms path (SQL over paper_terms) must give the same report.
 */
async function directTrends(store: PaperStore, end: string, weeks: number): Promise<Omit<TrendsReport, 'bookmarked'>> {
  const weekStart = addDays(end, -6);
  const periodStart = addDays(weekStart, -7 * weeks);
  const weeksOf = new Map<string, Set<number>>();
  const terms = new Map<string, string[]>();
  const daily = new Map<string, { date: string; source: Source; count: number }>();
  for (const d of await store.listDigests({ limit: 10_000 })) {
    if (d.date < periodStart || d.date > end) continue;
    const week = Math.floor((Date.parse(end) - Date.parse(d.date)) / (7 * 86_400_000));
    const entries = await store.digestEntries(d.id);
    if (entries.length) daily.set(`${d.date} ${d.source}`, { date: d.date, source: d.source, count: entries.length });
    for (const p of await store.getPapers(entries.map((e) => e.paperId))) {
      weeksOf.set(p.id, (weeksOf.get(p.id) ?? new Set()).add(week));
      terms.set(p.id, paperTerms(p.title, p.keywords));
    }
  }
  let nThis = 0;
  let nEarlier = 0;
  const cThis = new Map<string, number>();
  const cEarlier = new Map<string, number>();
  for (const [id, ws] of weeksOf) {
    const earlier = [...ws].filter((w) => w > 0).length;
    nEarlier += earlier;
    if (ws.has(0)) nThis++;
    for (const t of terms.get(id)!) {
      if (ws.has(0)) cThis.set(t, (cThis.get(t) ?? 0) + 1);
      cEarlier.set(t, (cEarlier.get(t) ?? 0) + earlier);
    }
  }
  const hasBaseline = nEarlier > 0;
  const floor = Math.max(2, Math.min(5, Math.ceil(nThis / 200)));
  const r1 = (x: number) => Math.round(x * 10) / 10;
  const candidates = [...cThis]
    .filter(([, cw]) => cw >= floor)
    .map(([term, cw]) => {
      const ce = cEarlier.get(term) ?? 0;
      const p = (cw + ce) / (nThis + nEarlier);
      const se = Math.sqrt(p * (1 - p) * (1 / nThis + 1 / nEarlier));
      const score = hasBaseline ? (se === 0 ? 0 : (cw / nThis - ce / nEarlier) / se) : cw;
      return { term, thisWeek: cw, earlierWeekly: r1(ce / weeks), score: Math.round(score * 100) / 100 };
    })
    .filter((c) => c.score > 0)
    .sort((a, b) => b.score - a.score || b.thisWeek - a.thisWeek || (a.term < b.term ? -1 : 1));
  const topics: typeof candidates = [];
  for (const c of candidates) {
    if (topics.length >= 8) break;
    if (!topics.some((t) => (containsTerm(t.term, c.term) || containsTerm(c.term, t.term)) && Math.min(t.thisWeek, c.thisWeek) / Math.max(t.thisWeek, c.thisWeek) >= 0.6)) topics.push(c);
  }
  return {
    weeks,
    periodStart,
    weekStart,
    end,
    papersThisWeek: nThis,
    papersEarlierWeekly: r1(nEarlier / weeks),
    hasBaseline,
    topics,
    daily: [...daily.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.source < b.source ? -1 : 1)),
  };
}

describe('computeTrends from the stored terms equals the terms computed directly', () => {
  let env: Awaited<ReturnType<typeof trendsBot>>;
  beforeAll(async () => {
    env = await trendsBot();
    // Title-only papers too (an arXiv listing has no ai_keywords), some of them also in an HF
    // digest, in several weeks: the title words and pairs path, and papers counted in two weeks.
    const hf = await env.bot.store.papersSince(0, 400);
    for (const [i, date] of ['2025-08-04', '2025-08-13', '2025-08-27'].entries()) {
      const papers = hf.slice(i * 60, i * 60 + 90).map((p, j) =>
        j % 3 ? { id: `2599.${i}${String(j).padStart(4, '0')}`, arxivId: `2599.${i}${String(j).padStart(4, '0')}`, title: `${p.title} (revisited ${i})`, abstract: p.abstract, authors: [], links: [], keywords: [], categories: [], source: 'arxiv-rss' as Source, flags: [] } : { ...p, source: 'arxiv-rss' as Source, digestDate: undefined },
      );
      await env.bot.store.ingest({ source: 'arxiv-rss', digestDate: date, papers });
    }
  }, 120_000);
  afterAll(() => env?.close());

  it.each([
    [LAST_DAY, 4],
    [LAST_DAY, 1],
    [LAST_DAY, 26],
    ['2025-08-15', 2],
  ])('the week ending %s against %i earlier weeks', async (end, weeks) => {
    const stored = await computeTrends(env.bot.trends, { end, weeks, workspace: { platform: 'local', workspaceId: 'local' } });
    const { bookmarked: _, ...report } = stored;
    const direct = await directTrends(env.bot.store, end, weeks);
    expect(direct.topics.length).toBeGreaterThanOrEqual(3);
    expect(report).toEqual(direct);
  });
});
