import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeTrends, type TrendsReport } from '../../../src/core/trends/compute.js';
import { chartData } from '../../../src/core/trends/render/chart-spec.js';
import { renderTrendsPng, warmTrendsRenderer, type RenderedChart } from '../../../src/core/trends/render/render-png.js';
import { THEME } from '../../../src/core/trends/render/theme.js';
import { LAST_DAY, trendsBot } from './trends-env.js';

const hex = (c: string) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16));

/** Pixels within a small distance of the colour (anti-aliased edges aside). */
function countColour(png: PNG, colour: string): number {
  const [r, g, b] = hex(colour);
  let n = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    if (Math.abs(png.data[i]! - r!) + Math.abs(png.data[i + 1]! - g!) + Math.abs(png.data[i + 2]! - b!) < 12) n++;
  }
  return n;
}

describe('the trends picture, drawn from the hf-daily slice and decoded', () => {
  let env: Awaited<ReturnType<typeof trendsBot>>;
  let report: TrendsReport;
  let chart: RenderedChart;
  let png: PNG;

  beforeAll(async () => {
    env = await trendsBot();
    await env.bot.bookmarks.add({ platform: 'local', workspaceId: 'local', userId: 'u1' }, (await env.bot.store.listDigests({ limit: 1 }).then((d) => env.bot.store.digestEntries(d[0]!.id)))[0]!.paperId);
    report = await computeTrends(env.bot.trends, { end: LAST_DAY, weeks: 4, workspace: { platform: 'local', workspaceId: 'local' } });
    chart = await renderTrendsPng(report);
    png = PNG.sync.read(Buffer.from(chart.png));
  }, 120_000);
  afterAll(() => env?.close());

  it('is a PNG of the size reported, wide enough to read when enlarged', () => {
    expect(png.width).toBe(chart.width);
    expect(png.height).toBe(chart.height);
    expect(png.width).toBeGreaterThanOrEqual(900);
    expect(png.height).toBeGreaterThanOrEqual(600);
  });

  it('is not blank: bars in the series colours, text, and an opaque background for dark themes', () => {
    const total = png.width * png.height;
    const background = countColour(png, THEME.background);
    expect(background / total).toBeLessThan(0.9);
    expect(countColour(png, THEME.thisWeek)).toBeGreaterThan(2000);
    expect(countColour(png, THEME.earlier)).toBeGreaterThan(200);
    expect(countColour(png, THEME.bookmarks)).toBeGreaterThan(200);
    // Dark text pixels exist (the font was found and drawn).
    expect(countColour(png, THEME.text)).toBeGreaterThan(1000);
    // Every corner opaque: the picture brings its own light card onto a dark theme.
    for (const [x, y] of [[0, 0], [png.width - 1, 0], [0, png.height - 1], [png.width - 1, png.height - 1]]) {
      expect(png.data[(y! * png.width + x!) * 4 + 3]).toBe(255);
    }
  });

  it('drew exactly the topics, daily counts and bookmarks computed', () => {
    expect(chart.data).toEqual(chartData(report));
    expect(chart.data.topics.map((t) => [t.term, t.thisWeek, t.earlierWeekly])).toEqual(report.topics.map((t) => [t.term, t.thisWeek, t.earlierWeekly]));
    expect(chart.data.daily.reduce((n, d) => n + d.count, 0)).toBe(report.daily.reduce((n, d) => n + d.count, 0));
    expect(chart.data.bookmarked).toEqual([{ rank: 1, label: expect.any(String), count: 1 }]);
  });

  it('draws the same bytes on a second run (nothing taken from the machine or the clock)', async () => {
    const again = await renderTrendsPng(report);
    expect(Buffer.from(again.png).equals(Buffer.from(chart.png))).toBe(true);
  });
});

describe('warming the renderer (the bot does it in the background after its start)', () => {
  it('draws its small picture, and a real one after it is unchanged', async () => {
    const env = await trendsBot();
    try {
      const report = await computeTrends(env.bot.trends, { end: LAST_DAY, weeks: 4, workspace: { platform: 'local', workspaceId: 'local' } });
      const before = await renderTrendsPng(report);
      await expect(warmTrendsRenderer()).resolves.toBeUndefined();
      const after = await renderTrendsPng(report);
      expect(Buffer.from(after.png).equals(Buffer.from(before.png))).toBe(true);
    } finally {
      await env.close();
    }
  }, 120_000);
});
