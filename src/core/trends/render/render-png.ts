import type { TrendsReport } from '../compute.js';
import { chartData, trendsSpec, type ChartData } from './chart-spec.js';
import { fontFiles } from './fonts.js';
import { FONT_FAMILY, THEME } from './theme.js';

export interface RenderedChart {
  png: Uint8Array;
  width: number;
  height: number;
  /** The tables the Vega view held when it drew (read back from the view, not from the input). */
  data: ChartData;
}

/**
 * Pixels per chart unit: 1.25 gives ~1,060 px wide, sharper than the ~550 px Slack and Discord show
 * inline (so a click to enlarge still reads well) while rasterising and encoding stay cheap.
 */
const ZOOM = 1.25;

type Renderer = [typeof import('vega'), typeof import('@resvg/resvg-js')];
let renderer: Promise<Renderer> | undefined;

/** Vega and resvg, loaded once (2–3 s of a loaded machine's CPU); a failed load is tried again next time. */
function loadRenderer(): Promise<Renderer> {
  renderer ??= Promise.all([import('vega'), import('@resvg/resvg-js')]).catch((err: unknown) => {
    renderer = undefined;
    throw err;
  });
  return renderer;
}

/** A small week, drawn once to warm the renderer: every panel, so each code path is compiled. */
const WARM_UP: TrendsReport = {
  weeks: 1,
  periodStart: '2025-01-01',
  weekStart: '2025-01-08',
  end: '2025-01-14',
  papersThisWeek: 3,
  papersEarlierWeekly: 1,
  hasBaseline: true,
  topics: [{ term: 'warm up', thisWeek: 3, earlierWeekly: 1, score: 1 }],
  daily: [{ date: '2025-01-08', source: 'hf-api', count: 3 }],
  bookmarked: [{ paperId: 'x', title: 'Warm up', count: 1 }],
};

/**
 * Loads Vega and resvg and draws one small picture, so the first `/papers trends` after a start
 * does not pay for them (2–3 s). The bot calls it in the background once it is up; drawing stays
 * lazy for processes that never call it (the CLI's other commands, tests).
 */
export async function warmTrendsRenderer(): Promise<void> {
  await renderTrendsPng(WARM_UP);
}

/**
 * Draws the trends picture: a Vega spec rendered to SVG in Node (no browser, no canvas), then
 * rasterised by resvg with the bundled DejaVu font only. Vega and resvg load on first use (or at
 * warmTrendsRenderer), so a process that never draws one does not pay for them.
 */
export async function renderTrendsPng(report: TrendsReport): Promise<RenderedChart> {
  const [vega, { Resvg }] = await loadRenderer();
  const view = new vega.View(vega.parse(trendsSpec(report, chartData(report))), { renderer: 'none' });
  const svg = await view.toSVG();
  // Through JSON: drops the ids Vega attaches to its tuples, leaving the rows as drawn.
  const table = <K extends keyof ChartData>(name: K) => JSON.parse(JSON.stringify(view.data(name))) as ChartData[K];
  const data: ChartData = { topics: table('topics'), daily: table('daily'), bookmarked: table('bookmarked') };
  view.finalize();
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: ZOOM },
    background: THEME.background,
    font: { fontFiles: fontFiles(), loadSystemFonts: false, defaultFontFamily: FONT_FAMILY },
  });
  const img = resvg.render();
  return { png: new Uint8Array(img.asPng()), width: img.width, height: img.height, data };
}
