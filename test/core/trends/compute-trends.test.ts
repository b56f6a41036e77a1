import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeTrends, type TrendsReport } from '../../../src/core/trends/compute.js';
import { addDays } from '../../../src/core/trends/dates.js';
import { paperTerms } from '../../../src/core/trends/terms.js';
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
