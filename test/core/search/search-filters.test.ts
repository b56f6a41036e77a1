import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Filters } from '../../../src/core/search/filters.js';
import { createRanker } from '../../../src/core/search/ranker.js';
import Database from 'better-sqlite3';
import { seededRandom } from '../../../src/core/seeded-random.js';
import type { StoredPaper } from '../../../src/core/paper.js';
import { openSearchDb, readGeneration } from '../../../src/core/search/search-db.js';
import { dump } from './index-dump.js';
import { recordingPrepares } from './recording-db.js';
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

/** The digest dates a drawn paper is ingested with, from eight across two months. */
const DATES = ['2024-06-01', '2024-06-09', '2024-06-17', '2024-06-25', '2024-07-03', '2024-07-11', '2024-07-19', '2024-07-27'];

/**
 * 60 papers, each ingested in 1-4 digests of DATES (its digest dates: a union), with code and
 * upvotes drawn; then a third seen again with more upvotes, code, or a later date (each moves to a
 * new index row). Every one has the word "wombat".
 */
async function drawnEnv(seed: number) {
  env = await searchEnv(tempDir());
  const rnd = seededRandom(seed);
  const papers = Array.from({ length: 60 }, (_, i) =>
    paper({ id: `2406.${String(i).padStart(5, '0')}`, title: `Wombat study ${i}`, abstract: 'wombat burrows', upvotes: Math.floor(rnd() * 30), links: rnd() < 0.4 ? [`https://github.com/w/${i}`] : [] }),
  );
  const seen = papers.map(() => DATES.filter(() => rnd() < 0.3));
  seen.forEach((dates, i) => dates.length === 0 && dates.push(DATES[i % DATES.length]!));
  for (const date of DATES) {
    const today = papers.filter((_, i) => seen[i]!.includes(date));
    if (today.length) await env.store.ingest({ source: 'hf-api', digestDate: date, papers: today });
  }
  const again = papers.filter(() => rnd() < 0.33).map((p) => ({ ...p, upvotes: (p.upvotes ?? 0) + 20, links: ['https://github.com/w/again'] }));
  await env.store.ingest({ source: 'hf-api', digestDate: '2024-08-04', papers: again.slice(0, 10) });
  await env.store.ingest({ source: 'hf-api', papers: again.slice(10) });
  return (await env.store.papersSince(0, 1000)) as StoredPaper[];
}

/** Whether a stored paper passes the filters, read from the paper itself. */
function passes(p: StoredPaper, f: Filters): boolean {
  const since = f.since ?? '0000-00-00';
  const until = f.until ?? '9999-99-99';
  if ((f.since || f.until) && !p.digestDates.some((d) => d >= since && d <= until)) return false;
  if (f.hasCode && !p.links.length) return false;
  if (f.minUpvotes !== undefined && !((p.upvotes ?? -1) >= f.minUpvotes)) return false;
  return true;
}

describe('filters on drawn papers', () => {
  it('a date between a paper\'s first and last digest dates counts; a range between two of its dates does not', async () => {
    env = await searchEnv(tempDir());
    const p = paper({ id: '2406.00009', title: 'Wombat burrows' });
    for (const date of ['2024-06-01', '2024-07-15', '2024-08-30']) await env.store.ingest({ source: 'hf-api', digestDate: date, papers: [p] });
    const found = async (since: string, until: string) => (await env.search.search({ text: 'wombat', since, until })).total;
    expect(await found('2024-07-01', '2024-07-31')).toBe(1);
    expect(await found('2024-07-15', '2024-07-15')).toBe(1);
    expect(await found('2024-06-02', '2024-07-14')).toBe(0);
    expect(await found('2024-07-16', '2024-08-29')).toBe(0);
    expect(await found('2024-08-30', '2024-09-30')).toBe(1);
    expect(await found('2024-01-01', '2024-05-31')).toBe(0);
  });

  it('every drawn filter finds exactly the papers whose stored dates, links and upvotes pass it', async () => {
    for (const seed of [1, 2]) {
      const stored = await drawnEnv(seed);
      const rnd = seededRandom(seed + 100);
      // Dates on, between and outside the digest dates.
      const day = () => {
        const d = new Date(Date.UTC(2024, 4, 25 + Math.floor(rnd() * 80)));
        return d.toISOString().slice(0, 10);
      };
      let some = 0;
      for (let k = 0; k < 80; k++) {
        const f: Filters = {};
        if (rnd() < 0.6) f.since = day();
        if (rnd() < 0.6) f.until = rnd() < 0.5 && f.since ? f.since : day();
        if (rnd() < 0.3) f.hasCode = true;
        if (rnd() < 0.3) f.minUpvotes = Math.floor(rnd() * 45);
        const want = stored.filter((p) => passes(p, f)).map((p) => p.id).sort();
        const got: string[] = [];
        for (let page = 1; page <= 3; page++) {
          const r = await env.search.search({ text: 'wombat', limit: 25, page, ...f });
          expect(r.total, JSON.stringify(f)).toBe(want.length);
          got.push(...r.hits.map((h) => h.paper.id));
        }
        expect(got.sort(), JSON.stringify(f)).toEqual(want);
        if (want.length && want.length < stored.length) some++;
      }
      // Most filters keep some papers and leave others out.
      expect(some).toBeGreaterThan(25);
      await env.close();
    }
  });

  it('an index of the version before gains its filter table in place, not rebuilt, and answers the same', async () => {
    const stored = await drawnEnv(3);
    const file = join(env.dir, 'search.db');
    const filters: Filters[] = [{ since: '2024-06-10', until: '2024-07-10' }, { hasCode: true, minUpvotes: 10 }, { until: '2024-06-20', hasCode: true }];
    const answers = async () => Promise.all(filters.map(async (f) => (await env.search.search({ text: 'wombat', limit: 25, ...f })).hits.map((h) => h.paper.id)));
    const before = { answers: await answers(), dump: dump(file) };
    await env.search.close();
    const built = env.rebuilds().length;
    // As version 4 left it: no doc_facts, an index on doc_dates by date.
    const db = new Database(file);
    const generation = readGeneration(db);
    db.exec("DROP TABLE doc_facts; CREATE INDEX doc_dates_date ON doc_dates(date, doc); UPDATE meta SET value = '4' WHERE key = 'version'");
    db.close();
    env.search = await env.reopen();
    expect(env.rebuilds()).toHaveLength(built);
    expect(dump(file)).toEqual(before.dump);
    const reopened = new Database(file, { readonly: true });
    expect(readGeneration(reopened)).toBe(generation);
    reopened.close();
    expect(await answers()).toEqual(before.answers);
    expect(before.answers.every((a) => a.length > 0 && a.length < stored.length)).toBe(true);
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
      const { db: recording, prepared } = recordingPrepares(db);
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
