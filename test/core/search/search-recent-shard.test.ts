import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/core/logger.js';
import type { Paper } from '../../../src/core/paper.js';
import { createPaperSearch, type PaperSearchOptions } from '../../../src/core/search/create-paper-search.js';
import type { PaperSearch } from '../../../src/core/search/ports.js';
import { openDatabase } from '../../../src/core/store/sqlite/open.js';
import { createSqlitePaperStore } from '../../../src/core/store/sqlite/paper-store.js';
import type { PaperStore } from '../../../src/core/store/ports.js';
import { useTempDirs } from '../../helpers/temp-dir.js';
import { paper } from './search-env.js';

const tempDir = useTempDirs();
const open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const x of open.splice(0).reverse()) await x.close();
});

// Small numbers so that 60 papers behave like an archive: a shard of the newest 20, and a topic
// whose words hold more than 30 postings counts as broad; 5 all-words matches are enough.
// No term heads: they would prove some of these pages over the whole archive (search-term-heads.test.ts).
const SHARD: Partial<PaperSearchOptions> = { recentDocs: 20, broadPostings: 30, minAllWordsHits: 5, termHeads: false, exactShare: 0 };

/**
 * Paper n: every one is about reasoning (a word in every paper weighs nothing), and about
 * planning when n is a multiple of 3, tracking when a multiple of 6; the first three about kangaroos.
 */
function numbered(n: number, extra = ''): Paper {
  const id = `2501.${String(n).padStart(5, '0')}`;
  return paper({
    id,
    arxivId: id,
    title: `Study ${n} of reasoning in language models${n < 3 ? ' for kangaroo herds' : ''}`,
    abstract: `We evaluate reasoning of large language models on task ${n}.${n % 3 ? '' : ' Planning helps.'}${n % 6 ? '' : ' Tracking matters.'} ${extra}`,
  });
}

async function env(papers: Paper[], opts: Partial<PaperSearchOptions> = SHARD) {
  const dir = tempDir();
  const store: PaperStore = createSqlitePaperStore(openDatabase(join(dir, 'papers.db')));
  open.push(store);
  // One ingest per paper: store seq (and so index row) order is paper order, oldest first.
  for (const p of papers) await store.ingest({ source: 'hf-api', digestDate: '2025-01-01', papers: [p] });
  const search = await createPaperSearch({ dataDir: dir, store, logger: silentLogger, ...opts });
  open.push(search);
  return { dir, store, search };
}

const ids = async (s: PaperSearch, text: string, limit = 25) => {
  const r = await s.search({ text, limit });
  return { ...r, ids: r.hits.map((h) => h.paper.id) };
};
const shardRows = (dir: string) => {
  const db = new Database(join(dir, 'search.db'), { readonly: true });
  try {
    return (db.prepare("SELECT rowid FROM fts_recent WHERE fts_recent MATCH 'reasoning' ORDER BY rowid").all() as Array<{ rowid: number }>).map((r) => r.rowid);
  } finally {
    db.close();
  }
};

describe('broad chat topics rank among the newest papers (the fts_recent shard)', () => {
  it('a topic of common words is ranked in the shard of the newest 20, and says so', async () => {
    const { search } = await env(Array.from({ length: 60 }, (_, i) => numbered(i)));
    const r = await ids(search, 'planning reasoning');
    expect(r.newestOnly).toBe(20);
    // The planning papers among the newest 20 (40-59).
    expect(r.total).toBe(6);
    expect(r.ids.sort()).toEqual([42, 45, 48, 51, 54, 57].map((n) => numbered(n).id).sort());
  });

  it('a topic the shard would answer is ranked over the whole archive when its words hold few postings (exactShare)', async () => {
    const papers = Array.from({ length: 60 }, (_, i) => numbered(i));
    const exact = await env(papers, { ...SHARD, exactShare: 1_000 });
    const whole = await env(papers, { recentDocs: 20, broadPostings: 1_000_000 });
    const r = await ids(exact.search, 'planning reasoning', 5);
    expect(r.newestOnly).toBeUndefined();
    // Every planning paper (0, 3, … 57), not only the shard's 6.
    expect(r.total).toBe(20);
    expect(r.ids).toEqual((await ids(whole.search, 'planning reasoning', 5)).ids);
    // Allowed 6 postings (a tenth of 60 papers), under the words' 60 + 20: the shard answers as before.
    const shard = await env(papers, { ...SHARD, exactShare: 0.1 });
    expect((await ids(shard.search, 'planning reasoning')).newestOnly).toBe(20);
  });

  it('without the shard (or under the postings threshold) the whole archive answers', async () => {
    const papers = Array.from({ length: 60 }, (_, i) => numbered(i));
    const whole = await env(papers, { recentDocs: 20, broadPostings: 1_000_000 });
    const r = await ids(whole.search, 'planning reasoning');
    expect(r.newestOnly).toBeUndefined();
    expect(r.total).toBe(20);
  });

  it('few papers with every word: those, then the archive\'s papers with the rare word, then the newest with the others', async () => {
    const { search } = await env(Array.from({ length: 60 }, (_, i) => numbered(i)));
    const q = 'kangaroo tracking reasoning';
    const r = await ids(search, q);
    // Every word: paper 0 only. Kangaroo (3 postings, rare): papers 1 and 2, old as they are.
    // Then tracking (10 papers: informative, not rare) among the newest 20: 42, 48, 54.
    expect(r.total).toBe(1 + 2 + 3);
    expect(r.ids[0]).toBe(numbered(0).id);
    expect(r.ids.slice(1, 3).sort()).toEqual([numbered(1).id, numbered(2).id]);
    expect(r.ids.slice(3).sort()).toEqual([42, 48, 54].map((n) => numbered(n).id));
    expect(r.newestOnly).toBe(20);
    // Pages of 2 walk the same list, across the tiers.
    const paged: string[] = [];
    for (let page = 1; page <= 3; page++) paged.push(...(await search.search({ text: q, limit: 2, page })).hits.map((h) => h.paper.id));
    expect(paged).toEqual(r.ids);
    expect((await search.search({ text: q, limit: 2, page: 4 })).hits).toEqual([]);
  });

  it('several papers with every word: ranked among themselves by bm25, and paged in that order', async () => {
    // Papers 0-2 are the kangaroo papers; kangaroo is said 4, 1 and 2 times in them.
    const extra = ['Kangaroo kangaroo kangaroo.', '', 'Kangaroo again.'];
    const { search } = await env(Array.from({ length: 60 }, (_, i) => numbered(i, extra[i] ?? '')));
    const q = 'kangaroo reasoning models';
    const r = await ids(search, q);
    expect(r.ids.slice(0, 3)).toEqual([0, 2, 1].map((n) => numbered(n).id));
    const scores = (await search.search({ text: q, limit: 3 })).hits.map((h) => h.score);
    expect(scores[0]).toBeGreaterThan(scores[1]!);
    expect(scores[1]).toBeGreaterThan(scores[2]!);
    const paged: string[] = [];
    for (let page = 1; page <= 3; page++) paged.push(...(await search.search({ text: q, limit: 1, page })).hits.map((h) => h.paper.id));
    expect(paged).toEqual(r.ids.slice(0, 3));
  });

  it('a number is not taken for a rare word: old papers with only the number are not pulled in', async () => {
    const { search } = await env(Array.from({ length: 60 }, (_, i) => numbered(i)));
    // "7" is in paper 7 only (task 7), but numbers are not in the vocabulary: its count is unknown.
    // Kangaroo (papers 0-2) is rare; the number's papers are looked for among the newest 20 only.
    const r = await ids(search, 'kangaroo reasoning 7');
    expect(r.newestOnly).toBe(20);
    expect(r.ids.sort()).toEqual([0, 1, 2].map((n) => numbered(n).id));
  });

  it('a rare word alone is never a broad topic: the whole archive answers', async () => {
    const { search } = await env(Array.from({ length: 60 }, (_, i) => numbered(i)));
    const r = await ids(search, 'kangaroo');
    expect(r.newestOnly).toBeUndefined();
    expect(r.ids.sort()).toEqual([numbered(0).id, numbered(1).id, numbered(2).id]);
  });

  it('new papers push old ones out of the shard; incremental equals a fresh build', async () => {
    const e = await env(Array.from({ length: 50 }, (_, i) => numbered(i)));
    expect(shardRows(e.dir)).toHaveLength(20);
    for (let i = 50; i < 60; i++) await e.store.ingest({ source: 'hf-api', digestDate: '2025-01-02', papers: [numbered(i)] });
    // Changed papers (seen again in a later digest) are the newest now: an old one enters the
    // shard, a recent one stays in it once; the oldest two of the shard leave.
    await e.store.ingest({ source: 'hf-api', digestDate: '2025-01-03', papers: [numbered(3, 'Revised.'), numbered(57, 'Revised.')] });
    await e.search.sync();
    const rows = shardRows(e.dir);
    expect(rows).toHaveLength(20);
    expect(new Set(rows).size).toBe(20);
    const incremental = await ids(e.search, 'planning reasoning');
    expect(incremental.newestOnly).toBe(20);
    expect([...incremental.ids].sort()).toEqual([3, 42, 45, 48, 51, 54, 57].map((n) => numbered(n).id).sort());

    const fresh = await createPaperSearch({ dataDir: tempDir(), store: e.store, logger: silentLogger, ...SHARD });
    open.push(fresh);
    const rebuilt = await ids(fresh, 'planning reasoning');
    expect(rebuilt.ids).toEqual(incremental.ids);
    expect(rebuilt.total).toBe(incremental.total);
  });

  it('a build from empty puts only the newest papers in the shard, and a reopen keeps it', async () => {
    const e = await env(Array.from({ length: 45 }, (_, i) => numbered(i)));
    const rows = shardRows(e.dir);
    expect(rows).toHaveLength(20);
    expect(Math.min(...rows)).toBe(26);
    await e.search.close();
    const again = await createPaperSearch({ dataDir: e.dir, store: e.store, logger: silentLogger, ...SHARD });
    open.push(again);
    await e.store.ingest({ source: 'hf-api', papers: [numbered(45)] });
    await again.sync();
    expect(shardRows(e.dir)).toEqual(Array.from({ length: 20 }, (_, i) => 27 + i));
  });
});
