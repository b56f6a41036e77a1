import type { TrendsReport } from '../compute.js';
import { dateRange } from '../dates.js';
import { counted } from '../../thousands.js';
import { FONT_FAMILY, THEME } from './theme.js';

/** The three tables the picture draws, exactly as handed to Vega (tests read them back from the view). */
export interface ChartData {
  topics: Array<{ rank: number; term: string; thisWeek: number; earlierWeekly: number }>;
  daily: Array<{ date: string; source: string; count: number }>;
  bookmarked: Array<{ rank: number; label: string; count: number }>;
}

/** Chart units; the PNG is ZOOM times this. Topic labels take LABEL_WIDTH of it, the bars the rest. */
const WIDTH = 800;
const LABEL_WIDTH = 300;
const DAILY_HEIGHT = 150;
/** The per-day bars need only room for their count labels on the left. */
const DAILY_LEFT = 36;
const LABEL_CHARS = 40;
const TITLE_CHARS = 46;

/** "A very long paper title about …" → at most `n` characters, cut at a word. */
export function shorten(s: string, n: number): string {
  if (s.length <= n) return s;
  const cut = s.slice(0, n - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > n / 2 ? cut.slice(0, space) : cut).replace(/[\s,:;.-]+$/, '')}…`;
}

export function chartData(r: TrendsReport): ChartData {
  return {
    topics: r.topics.map((t, i) => ({ rank: i + 1, term: shorten(t.term, LABEL_CHARS), thisWeek: t.thisWeek, earlierWeekly: t.earlierWeekly })),
    daily: r.daily.map((d) => ({ date: d.date, source: d.source, count: d.count })),
    bookmarked: r.bookmarked.map((b, i) => ({ rank: i + 1, label: shorten(b.title, TITLE_CHARS), count: b.count })),
  };
}

const fmtDay = (d: string) => new Date(`${d}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });

const axisStyle = {
  labelColor: THEME.text,
  titleColor: THEME.muted,
  domainColor: THEME.grid,
  tickColor: THEME.grid,
  labelFont: FONT_FAMILY,
  titleFont: FONT_FAMILY,
  labelFontSize: 11,
  titleFontSize: 11,
  titleFontWeight: 'normal',
};

const panelTitle = (text: string, subtitle?: string) => ({
  text,
  subtitle,
  anchor: 'start',
  font: FONT_FAMILY,
  fontSize: 14,
  fontWeight: 'bold',
  color: THEME.text,
  subtitleFont: FONT_FAMILY,
  subtitleColor: THEME.muted,
  subtitleFontSize: 11,
  offset: 8,
});

function topicsPanel(r: TrendsReport, d: ChartData) {
  const height = Math.max(1, d.topics.length) * 30;
  const earlierLabel = r.hasBaseline ? `weekly average, ${r.weeks} week${r.weeks === 1 ? '' : 's'} before` : 'no earlier weeks stored';
  return {
    type: 'group',
    name: 'topicsPanel',
    title: panelTitle('Topics rising this week', 'papers with the topic: this week, and a week on average before'),
    encode: { update: { width: { value: WIDTH }, height: { value: height } } },
    scales: [
      { name: 'y', type: 'band', domain: { data: 'topics', field: 'term', sort: { field: 'rank', op: 'min' } }, range: [0, height], padding: 0.2 },
      { name: 'x', type: 'linear', domain: { data: 'topicValues', field: 'value' }, range: [LABEL_WIDTH, WIDTH - 30], nice: true, zero: true },
      { name: 'series', type: 'ordinal', domain: ['this week', earlierLabel], range: [THEME.thisWeek, THEME.earlier] },
    ],
    axes: [
      { orient: 'left', scale: 'y', ...axisStyle, offset: -LABEL_WIDTH, labelLimit: LABEL_WIDTH - 10, domain: false, ticks: false, labelFontSize: 12 },
      { orient: 'bottom', scale: 'x', ...axisStyle, grid: true, gridColor: THEME.grid, tickMinStep: 1, format: 'd', title: 'papers' },
    ],
    legends: [{ fill: 'series', orient: 'top', direction: 'horizontal', labelColor: THEME.text, labelFont: FONT_FAMILY, labelFontSize: 11, labelLimit: 400, symbolType: 'square' }],
    marks: [
      {
        type: 'rect',
        from: { data: 'topics' },
        encode: { update: { y: { scale: 'y', field: 'term' }, height: { scale: 'y', band: 0.58 }, x: { scale: 'x', value: 0 }, x2: { scale: 'x', field: 'thisWeek' }, fill: { value: THEME.thisWeek } } },
      },
      {
        type: 'rect',
        from: { data: 'topics' },
        encode: { update: { y: { scale: 'y', field: 'term', offset: { scale: 'y', band: 0.62 } }, height: { scale: 'y', band: 0.38 }, x: { scale: 'x', value: 0 }, x2: { scale: 'x', field: 'earlierWeekly' }, fill: { value: THEME.earlier } } },
      },
      {
        type: 'text',
        from: { data: 'topics' },
        encode: { update: { y: { scale: 'y', field: 'term', band: 0.29 }, x: { scale: 'x', field: 'thisWeek', offset: 4 }, text: { field: 'thisWeek' }, baseline: { value: 'middle' }, fill: { value: THEME.text }, font: { value: FONT_FAMILY }, fontSize: { value: 11 } } },
      },
    ],
  };
}

function dailyPanel(r: TrendsReport) {
  const days = dateRange(r.periodStart, r.end);
  // One label a week (the first day of each week shown) keeps 26 weeks readable.
  const ticks = days.filter((_, i) => i % 7 === 0);
  return {
    type: 'group',
    name: 'dailyPanel',
    title: panelTitle('Papers per day, by source', `${fmtDay(r.periodStart)} – ${fmtDay(r.end)}; shaded: this week`),
    encode: { update: { width: { value: WIDTH }, height: { value: DAILY_HEIGHT } } },
    data: [{ name: 'stacked', source: 'daily', transform: [{ type: 'stack', groupby: ['date'], field: 'count', sort: { field: 'source' } }] }],
    scales: [
      { name: 'x', type: 'band', domain: days, range: [DAILY_LEFT, WIDTH], padding: 0.15 },
      { name: 'y', type: 'linear', domain: { data: 'stacked', field: 'y1' }, range: [DAILY_HEIGHT, 0], nice: true, zero: true },
      { name: 'color', type: 'ordinal', domain: { data: 'daily', field: 'source', sort: true }, range: [...THEME.sources] },
    ],
    axes: [
      { orient: 'bottom', scale: 'x', ...axisStyle, values: ticks, encode: { labels: { update: { text: { signal: "utcFormat(toDate(datum.value + 'T00:00:00Z'), '%d %b')" } } } } },
      { orient: 'left', scale: 'y', ...axisStyle, offset: -DAILY_LEFT, grid: true, gridColor: THEME.grid, tickMinStep: 1, format: 'd', tickCount: 4 },
    ],
    legends: [{ fill: 'color', orient: 'top', direction: 'horizontal', labelColor: THEME.text, labelFont: FONT_FAMILY, labelFontSize: 11, labelLimit: 400, symbolType: 'square' }],
    marks: [
      {
        type: 'rect',
        encode: { update: { x: { scale: 'x', value: r.weekStart }, x2: { signal: `scale('x', '${r.end}') + bandwidth('x')` }, y: { value: 0 }, y2: { value: DAILY_HEIGHT }, fill: { value: THEME.highlight } } },
      },
      {
        type: 'rect',
        from: { data: 'stacked' },
        encode: { update: { x: { scale: 'x', field: 'date' }, width: { scale: 'x', band: 1 }, y: { scale: 'y', field: 'y0' }, y2: { scale: 'y', field: 'y1' }, fill: { scale: 'color', field: 'source' } } },
      },
    ],
  };
}

function bookmarksPanel(d: ChartData) {
  const base = { type: 'group', name: 'bookmarksPanel', title: panelTitle('Most bookmarked this week', 'in this workspace; people who bookmarked each paper') };
  if (!d.bookmarked.length) {
    return {
      ...base,
      encode: { update: { width: { value: WIDTH }, height: { value: 22 } } },
      marks: [{ type: 'text', encode: { update: { x: { value: 0 }, y: { value: 12 }, text: { value: 'No bookmarks this week yet.' }, fill: { value: THEME.muted }, font: { value: FONT_FAMILY }, fontSize: { value: 12 }, baseline: { value: 'middle' } } } }],
    };
  }
  return {
    ...base,
    encode: { update: { width: { value: WIDTH }, height: { value: d.bookmarked.length * 24 } } },
    scales: [
      { name: 'y', type: 'band', domain: { data: 'bookmarked', field: 'label', sort: { field: 'rank', op: 'min' } }, range: [0, d.bookmarked.length * 24], padding: 0.25 },
      { name: 'x', type: 'linear', domain: { data: 'bookmarked', field: 'count' }, range: [LABEL_WIDTH, WIDTH - 30], nice: true, zero: true },
    ],
    axes: [{ orient: 'left', scale: 'y', ...axisStyle, offset: -LABEL_WIDTH, labelLimit: LABEL_WIDTH - 10, domain: false, ticks: false, labelFontSize: 11 }],
    marks: [
      { type: 'rect', from: { data: 'bookmarked' }, encode: { update: { y: { scale: 'y', field: 'label' }, height: { scale: 'y', band: 1 }, x: { scale: 'x', value: 0 }, x2: { scale: 'x', field: 'count' }, fill: { value: THEME.bookmarks } } } },
      {
        type: 'text',
        from: { data: 'bookmarked' },
        encode: { update: { y: { scale: 'y', field: 'label', band: 0.5 }, x: { scale: 'x', field: 'count', offset: 4 }, text: { field: 'count' }, baseline: { value: 'middle' }, fill: { value: THEME.text }, font: { value: FONT_FAMILY }, fontSize: { value: 11 } } },
      },
    ],
  };
}

/** The whole picture as one Vega spec: a title, then the three panels stacked. */
export function trendsSpec(r: TrendsReport, d: ChartData = chartData(r)): Record<string, unknown> {
  const topicValues = d.topics.flatMap((t) => [{ value: t.thisWeek }, { value: t.earlierWeekly }]);
  return {
    $schema: 'https://vega.github.io/schema/vega/v6.json',
    background: THEME.background,
    padding: 20,
    autosize: { type: 'pad' },
    title: {
      text: `The week in papers: ${fmtDay(r.weekStart)} – ${fmtDay(r.end)} ${r.end.slice(0, 4)}`,
      subtitle: `${counted(r.papersThisWeek, 'paper')} this week; ${r.hasBaseline ? `${r.papersEarlierWeekly} a week over the ${counted(r.weeks, 'week')} before` : 'no earlier weeks to compare with'}`,
      anchor: 'start',
      font: FONT_FAMILY,
      fontSize: 18,
      color: THEME.text,
      subtitleFont: FONT_FAMILY,
      subtitleColor: THEME.muted,
      subtitleFontSize: 12,
      offset: 14,
    },
    layout: { columns: 1, padding: 30, bounds: 'full', align: 'none' },
    data: [
      { name: 'topics', values: d.topics },
      { name: 'topicValues', values: topicValues.length ? topicValues : [{ value: 1 }] },
      { name: 'daily', values: d.daily },
      { name: 'bookmarked', values: d.bookmarked },
    ],
    marks: [topicsPanel(r, d), dailyPanel(r), bookmarksPanel(d)],
  };
}
