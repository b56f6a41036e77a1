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

/**
 * Draws the trends picture: a Vega spec rendered to SVG in Node (no browser, no canvas), then
 * rasterised by resvg with the bundled DejaVu font only. Vega and resvg load on first use, so a bot
 * that never draws one does not pay for them at start.
 */
export async function renderTrendsPng(report: TrendsReport): Promise<RenderedChart> {
  const [vega, { Resvg }] = await Promise.all([import('vega'), import('@resvg/resvg-js')]);
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
