/**
 * npm run bench:trends — the trends picture for a store of 100,000 papers: time to compute (the
 * store's aggregate reads over the terms stored at ingest, then scoring) and to render (Vega → SVG
 * → resvg → PNG), against the 1 s target; the first picture of a fresh process, cold and after the
 * bot's background warm-up; and the one-time fill of a store from before the terms were stored.
 *
 * Papers are built from real Hugging Face daily-papers titles and ai_keywords (../shared/data/hf-daily,
 * or `--data DIR` / SHARED_DATA), spread over 27 weeks so `--weeks 26` reads all 100k and the
 * default `--weeks 4` reads the last five weeks (~18.5k). One topic is made to rise in the last week.
 * Figures are noisy on a shared machine: each is the median and range of 5 runs, and a fixed CPU
 * loop (the anchor) measured in the same process gives the ratio that compares across machines.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createSqliteBookmarkStore } from '../src/core/store/sqlite/bookmark-store.js';
import { createFakeClock } from '../src/core/clock.js';
import type { Paper } from '../src/core/paper.js';
import { openDatabase } from '../src/core/store/sqlite/open.js';
import { createSqlitePaperStore } from '../src/core/store/sqlite/paper-store.js';
import { fillSqliteTrendTerms } from '../src/core/store/sqlite/trend-terms.js';
import { createSqliteTrendsReader } from '../src/core/store/sqlite/trends-reader.js';
import { computeTrends } from '../src/core/trends/compute.js';
import { addDays } from '../src/core/trends/dates.js';
import { renderTrendsPng, warmTrendsRenderer } from '../src/core/trends/render/render-png.js';
import { seededRandom } from '../src/core/seeded-random.js';
import { countArg } from './lib/count-arg.js';
import { median } from './lib/metrics.js';
import { sharedData } from './lib/shared-data.js';

const PAPERS = countArg(100_000);
const WEEKS = 27;
const END = '2026-08-28';
const source = sharedData('hf-daily');

interface Template {
  title: string;
  keywords: string[];
}
const templates: Template[] = [];
for (const f of fs.readdirSync(source).filter((n) => n.endsWith('.json'))) {
  try {
    const list = JSON.parse(fs.readFileSync(path.join(source, f), 'utf8')) as Array<{ paper?: { title?: string; ai_keywords?: string[] } }>;
    for (const e of Array.isArray(list) ? list : []) if (e?.paper?.title) templates.push({ title: e.paper.title, keywords: e.paper.ai_keywords ?? [] });
  } catch {
    // A few archive days are Python reprs, not JSON: they add nothing here.
  }
}

// Deterministic "random" so runs compare.
const rand = seededRandom(42);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'papers-bench-trends-'));
const file = path.join(dir, 'papers.db');
const db = openDatabase(file);
const store = createSqlitePaperStore(db);
const days = WEEKS * 7;
const perDay = Math.ceil(PAPERS / days);
let t = performance.now();
let n = 0;
for (let d = days - 1; d >= 0 && n < PAPERS; d--) {
  const date = addDays(END, -d);
  const papers: Paper[] = [];
  for (let i = 0; i < perDay && n < PAPERS; i++, n++) {
    const tpl = templates[Math.floor(rand() * templates.length)]!;
    // The last week: one paper in five is about a rising topic.
    const rising = d < 7 && rand() < 0.2;
    papers.push({
      id: `9${String(n).padStart(8, '0')}`,
      // The store keeps one paper per title: a number (never a topic term) keeps each one distinct.
      title: `${tpl.title} ${n}`,
      abstract: '',
      authors: ['A. Author'],
      links: [],
      keywords: rising ? [...tpl.keywords, 'test-time scaling'] : tpl.keywords,
      categories: [],
      digestDate: date,
      source: 'hf-api',
      flags: ['no-abstract'],
    });
  }
  await store.ingest({ source: 'hf-api', digestDate: date, papers });
}
const loadMs = performance.now() - t;
const clock = createFakeClock(`${addDays(END, -2)}T12:00:00Z`);
const bookmarks = createSqliteBookmarkStore(db, clock);
for (let i = 0; i < 2000; i++) await bookmarks.add({ platform: 'slack', workspaceId: 'T1', userId: `U${i % 40}` }, `9${String(PAPERS - 1 - Math.floor(rand() * 3000)).padStart(8, '0')}`);
const reader = createSqliteTrendsReader(db);
const workspace = { platform: 'slack' as const, workspaceId: 'T1' };
const termRows = (db.prepare('SELECT COUNT(*) AS n FROM paper_terms').get() as { n: number }).n;
const termTexts = (db.prepare('SELECT COUNT(*) AS n FROM trend_terms').get() as { n: number }).n;

function anchor(): number {
  const s = performance.now();
  let x = 0;
  for (let i = 0; i < 20_000_000; i++) x = (x + i * 7) % 1_000_003;
  if (x < 0) throw new Error('unreachable');
  return performance.now() - s;
}

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return `median ${median(s).toFixed(0)} ms (range ${s[0]!.toFixed(0)}–${s[s.length - 1]!.toFixed(0)})`;
};

process.stdout.write(
  `store: ${n} papers over ${days} days (${perDay}/day), ${templates.length} real title templates; ingested in ${(loadMs / 1000).toFixed(1)} s ` +
    `with their terms (${termRows} paper-term rows, ${termTexts} distinct terms)\n`,
);

// The first picture of a fresh process (the bot just started), before this process loads Vega.
db.pragma('wal_checkpoint(TRUNCATE)');
for (const mode of ['cold', 'warmed'] as const) {
  const runs: number[] = [];
  const anchors: number[] = [];
  for (let i = 0; i < 3; i++) {
    anchors.push(anchor());
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'bench/lib/trends-first-picture.ts', file, END, mode], { encoding: 'utf8' });
    const r = JSON.parse(out.trim().split('\n').pop()!) as { compute: number; render: number };
    runs.push(r.compute + r.render);
  }
  const what = mode === 'cold' ? 'first picture, cold (Vega and resvg load inside it)' : 'first picture after warmTrendsRenderer() (what the bot does at start)';
  process.stdout.write(`${what}, --weeks 4: ${stats(runs)}; anchor ${stats(anchors)}, ratio ${(median(runs) / median(anchors)).toFixed(2)}\n`);
}

await warmTrendsRenderer();
for (const weeks of [4, 26]) {
  const first = await computeTrends(reader, { end: END, weeks, workspace });
  const img = await renderTrendsPng(first);
  const compute: number[] = [];
  const render: number[] = [];
  const total: number[] = [];
  const cpu: number[] = [];
  const anchors: number[] = [];
  for (let i = 0; i < 5; i++) {
    anchors.push(anchor());
    const c0 = process.cpuUsage();
    t = performance.now();
    const rep = await computeTrends(reader, { end: END, weeks, workspace });
    const c = performance.now() - t;
    t = performance.now();
    await renderTrendsPng(rep);
    const r = performance.now() - t;
    const used = process.cpuUsage(c0);
    compute.push(c);
    render.push(r);
    total.push(c + r);
    cpu.push((used.user + used.system) / 1000);
  }
  const papersRead = first.papersThisWeek + first.papersEarlierWeekly * weeks;
  process.stdout.write(
    `--weeks ${weeks}: ${Math.round(papersRead)} paper-weeks; top topic "${first.topics[0]?.term}" (${first.topics[0]?.thisWeek} this week vs ${first.topics[0]?.earlierWeekly}/week)\n` +
      `  compute ${stats(compute)}\n  render  ${stats(render)}\n  total   ${stats(total)}  — target ≤ 1000 ms\n` +
      // Both run on this thread (SQLite and resvg are synchronous): on a loaded machine the CPU time is the quiet-machine wall time, roughly.
      `  CPU time of compute + render: ${stats(cpu)}\n` +
      `  anchor loop ${stats(anchors)}; total/anchor ${(median(total) / median(anchors)).toFixed(2)}; PNG ${img.width}×${img.height}, ${(img.png.length / 1024).toFixed(0)} KB\n`,
  );
}

// The one-time fill a store from before the terms migration gets when it first opens.
db.prepare('UPDATE trend_terms_fill SET rule_version = -1').run();
const fillAnchor = anchor();
t = performance.now();
const fillCpu = process.cpuUsage();
const filled = fillSqliteTrendTerms(db);
const fillMs = performance.now() - t;
const fillUsed = process.cpuUsage(fillCpu);
process.stdout.write(
  `one-time fill of the terms on open: ${filled} papers in ${(fillMs / 1000).toFixed(1)} s, CPU ${((fillUsed.user + fillUsed.system) / 1000 / 1000).toFixed(1)} s ` +
    `(anchor ${fillAnchor.toFixed(0)} ms, ratio ${(fillMs / fillAnchor).toFixed(1)})\n`,
);

db.close();
fs.rmSync(dir, { recursive: true, force: true });
