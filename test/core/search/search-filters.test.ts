import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Filters } from '../../../src/core/search/filters.js';
import { createRanker } from '../../../src/core/search/ranker.js';
import { openSearchDb } from '../../../src/core/search/search-db.js';
import { useTempDirs } from '../../helpers/temp-dir.js';
import { seedPapers } from './seed-papers.js';
import { paper, searchEnv } from './search-env.js';

const tempDir = useTempDirs();
let env: Awaited<ReturnType<typeof searchEnv>>;
afterEach(async () => env?.close());

async function filterEnv() {
  env = await searchEnv(tempDir());
  await env.store.ingest({
    source: 'hf-api',
    digestDate: '2024-06-01',
    papers: [
      paper({ id: '2406.00001', title: 'Diffusion models for audio', links: ['https://github.com/a/b'], upvotes: 40 }),
      paper({ id: '2406.00002', title: 'Diffusion models for video', upvotes: 3 }),
    ],
  });
  await env.store.ingest({
    source: 'arxiv-jsonl',
    digestDate: '2024-07-15',
    papers: [paper({ id: '2407.00003', title: 'Diffusion models for text', source: 'arxiv-jsonl' })],
  });
  return env;
}
const ids = (r: { hits: Array<{ paper: { id: string } }> }) => r.hits.map((h) => h.paper.id).sort();

describe('filters', () => {
  it('since / until bound the digest date, inclusive', async () => {
    await filterEnv();
    expect(ids(await env.search.search({ text: 'diffusion', since: '2024-07-01' }))).toEqual(['2407.00003']);
    expect(ids(await env.search.search({ text: 'diffusion', until: '2024-06-01' }))).toEqual(['2406.00001', '2406.00002']);
    expect(ids(await env.search.search({ text: 'diffusion', since: '2024-06-02', until: '2024-07-14' }))).toEqual([]);
    expect(ids(await env.search.search({ text: 'diffusion', since: '2024-06-01', until: '2024-07-15' }))).toHaveLength(3);
  });

  it('hasCode, minUpvotes and source keep only the papers that qualify', async () => {
    await filterEnv();
    expect(ids(await env.search.search({ text: 'diffusion', hasCode: true }))).toEqual(['2406.00001']);
    expect(ids(await env.search.search({ text: 'diffusion', minUpvotes: 10 }))).toEqual(['2406.00001']);
    expect(ids(await env.search.search({ text: 'diffusion', minUpvotes: 0 }))).toEqual(['2406.00001', '2406.00002']);
    expect(ids(await env.search.search({ text: 'diffusion', source: 'arxiv-jsonl' }))).toEqual(['2407.00003']);
    const none = await env.search.search({ text: 'diffusion', source: 'arxiv-jsonl', hasCode: true });
    expect(none.hits).toEqual([]);
    expect(none.notice).toBeTruthy();
  });

  it('follows the store: a new digest date or more upvotes count at the next search', async () => {
    await filterEnv();
    await env.store.ingest({ source: 'hf-api', digestDate: '2024-08-01', papers: [paper({ id: '2406.00002', title: 'Diffusion models for video', upvotes: 99 })] });
    expect(ids(await env.search.search({ text: 'diffusion', since: '2024-08-01' }))).toEqual(['2406.00002']);
    expect(ids(await env.search.search({ text: 'diffusion', minUpvotes: 50 }))).toEqual(['2406.00002']);
  });
});

describe('paging', () => {
  it('defaults to 5, caps at 25, and pages do not overlap', async () => {
    env = await searchEnv(tempDir(), seedPapers(), '2023-04-22');
    const first = await env.search.search({ text: 'learning' });
    expect(first.limit).toBe(5);
    expect(first.hits).toHaveLength(5);
    expect(first.total).toBeGreaterThan(30);
    const capped = await env.search.search({ text: 'learning', limit: 500 });
    expect(capped.limit).toBe(25);
    expect(capped.hits).toHaveLength(25);
    const second = await env.search.search({ text: 'learning', page: 2 });
    expect(second.page).toBe(2);
    expect(second.total).toBe(first.total);
    const firstIds = new Set(first.hits.map((h) => h.paper.id));
    expect(second.hits.some((h) => firstIds.has(h.paper.id))).toBe(false);
    // Pages 1–5 of 5 are the first 25 in order.
    expect([...first.hits, ...second.hits].map((h) => h.paper.id)).toEqual(capped.hits.slice(0, 10).map((h) => h.paper.id));
  });

  it('says so when the page is past the end, and treats nonsense paging as the defaults', async () => {
    env = await searchEnv(tempDir(), seedPapers(), '2023-04-22');
    const past = await env.search.search({ text: 'merging', page: 99 });
    expect(past.hits).toEqual([]);
    expect(past.notice).toMatch(/page 99/);
    const odd = await env.search.search({ text: 'merging', page: -3, limit: Number.NaN });
    expect(odd.page).toBe(1);
    expect(odd.limit).toBe(5);
    expect(odd.hits.length).toBeGreaterThan(0);
  });
});

describe('snippets', () => {
  it('shows the abstract around the matched words, the words marked by stem', async () => {
    env = await searchEnv(tempDir(), seedPapers(), '2023-04-22');
    const r = await env.search.search({ text: 'model merging' });
    for (const h of r.hits.slice(0, 3)) {
      const marked = h.snippet.filter((s) => s.hit).map((s) => s.text.toLowerCase());
      expect(marked.length).toBeGreaterThan(0);
      for (const m of marked) expect(m).toMatch(/^(model|models|merg(e|es|ed|ing))$/);
      const text = h.snippet.map((s) => s.text).join('');
      expect(text.replace(/…/g, '').length).toBeLessThan(h.paper.abstract.length + 1);
      expect(h.paper.abstract).toContain(text.replace(/^…|…$/g, '').slice(0, 40));
    }
  });
});

describe('filters in SQL', () => {
  it('are checked on each row the match finds, never handed to FTS5 as rows to look up one by one', async () => {
    await filterEnv();
    const opened = openSearchDb(join(env.dir, 'search.db'));
    if (!('db' in opened)) throw new Error(opened.problem);
    const db = opened.db;
    try {
      // The ranker's statements, as it prepares them.
      const prepared: string[] = [];
      const recording = new Proxy(db, {
        get(target, key) {
          const v = Reflect.get(target, key) as unknown;
          if (key === 'prepare') return (sql: string) => (prepared.push(sql), target.prepare(sql));
          return typeof v === 'function' ? v.bind(target) : v;
        },
      });
      const filters: Filters[] = [
        { since: '2024-06-01' },
        { until: '2024-07-01' },
        { hasCode: true },
        { minUpvotes: 10 },
        { source: 'arxiv-jsonl' },
        { since: '2024-06-01', until: '2024-08-01', hasCode: true, minUpvotes: 1, source: 'hf-api' },
      ];
      for (const table of ['fts', 'fts_recent'] as const) {
        const ranker = createRanker(recording, undefined, table);
        for (const f of filters) {
          ranker.rank('"diffusion"', f, 5);
          ranker.count('"diffusion"', f);
          ranker.newest('"diffusion"', f, 5);
          ranker.rankAmong('"diffusion"', '"models"', f, 5);
        }
      }
      expect(prepared.length).toBeGreaterThanOrEqual(filters.length * 2);
      for (const sql of new Set(prepared)) {
        // Planned, not run: any values do.
        const params = Object.fromEntries([...sql.matchAll(/@(\w+)/g)].map((m) => [m[1]!, null]));
        const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as Array<{ detail: string }>).map((r) => r.detail);
        // FTS5's plan names its constraints: "=" is a rowid looked up (bm25 set up again for each).
        const fts = plan.filter((d) => /VIRTUAL TABLE INDEX/.test(d));
        expect(fts.length, sql).toBeGreaterThan(0);
        for (const d of fts) expect(d, sql).not.toMatch(/INDEX \d+:[^ ]*=/);
      }
    } finally {
      db.close();
    }
  });
});
