import type { ReplyImage } from '../reply.js';
import { computeTrends, type TrendsOptions, type TrendsReport } from './compute.js';
import { counted } from '../thousands.js';
import type { TrendsReader } from './ports.js';
import { renderTrendsPng } from './render/render-png.js';

/** Topics named in the text (and offered as searches): the picture shows more. */
export const TEXT_TOPICS = 5;

export interface TrendsPost {
  /** Stands on its own where images are off: the week, its size and the top topics. */
  text: string;
  /** Absent when the week has no papers: a short line is posted instead of an empty chart. */
  image?: ReplyImage;
  /** The top topics in order, for search buttons. */
  topics: string[];
  report: TrendsReport;
}

/** One line per top topic: "1. reasoning — 4 papers (0.8 a week before)". */
export function topicLines(r: TrendsReport, n = TEXT_TOPICS): string[] {
  return r.topics.slice(0, n).map((t, i) => `${i + 1}. ${t.term} — ${counted(t.thisWeek, 'paper')}${r.hasBaseline ? ` (${t.earlierWeekly} a week before)` : ''}`);
}

export function trendsText(r: TrendsReport): string {
  if (!r.papersThisWeek) return `No papers in the week ${r.weekStart} to ${r.end}, so no trends picture this time.`;
  const head = `The week in papers, ${r.weekStart} to ${r.end}: ${counted(r.papersThisWeek, 'paper')}${r.hasBaseline ? ` (${r.papersEarlierWeekly} a week over the ${counted(r.weeks, 'week')} before)` : ''}.`;
  const lines = topicLines(r);
  if (!lines.length) return `${head}\nNo topic rose this week.`;
  return `${head}\n${r.hasBaseline ? 'Topics rising' : 'Most frequent topics (no earlier weeks to compare with)'}:\n${lines.join('\n')}`;
}

function altText(r: TrendsReport): string {
  const topics = r.topics.slice(0, TEXT_TOPICS).map((t) => `${t.term} (${t.thisWeek})`).join(', ');
  return `Trends chart for ${r.weekStart} to ${r.end}: rising topics ${topics || 'none'}; papers per day by source; most bookmarked papers.`;
}

/**
 * The trends post for a week ending `end`: computed from the store, drawn once. A week without
 * papers gives only a short line. Shared by `/papers trends`, the CLI and the weekly post.
 */
export async function buildTrendsPost(reader: TrendsReader, o: TrendsOptions, render = renderTrendsPng): Promise<TrendsPost> {
  const report = await computeTrends(reader, o);
  const topics = report.topics.slice(0, TEXT_TOPICS).map((t) => t.term);
  if (!report.papersThisWeek) return { text: trendsText(report), topics: [], report };
  const chart = await render(report);
  const image: ReplyImage = { name: `papers-trends-${report.end}.png`, mime: 'image/png', data: chart.png, alt: altText(report), width: chart.width, height: chart.height };
  return { text: trendsText(report), image, topics, report };
}
