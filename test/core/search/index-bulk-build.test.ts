import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/core/logger.js';
import type { Paper, StoredPaper } from '../../../src/core/paper.js';
import { createPaperSearch } from '../../../src/core/search/create-paper-search.js';
import { createIndexWriter } from '../../../src/core/search/index-writer.js';
import type { PaperSearch } from '../../../src/core/search/ports.js';
import { countWords } from '../../../src/core/search/count-words.js';
import { indexedFields } from '../../../src/core/search/indexed-words.js';
import { createSearchDb } from '../../../src/core/search/search-db.js';
import { Vocabulary } from '../../../src/core/search/vocabulary.js';
import { openDatabase } from '../../../src/core/store/sqlite/open.js';
import { createSqlitePaperStore } from '../../../src/core/store/sqlite/paper-store.js';
import type { PaperStore } from '../../../src/core/store/ports.js';
import { useTempDirs } from '../../helpers/temp-dir.js';
import { dump, top10 } from './index-dump.js';
import { seedPapers } from './seed-papers.js';

// A build from empty (index-writer's beginBulk/endBulk) skips the per-paper lookups and creates the
// lookup indexes after loading: it must leave the same index as writing the papers one batch at a time.

const tempDir = useTempDirs();
const open: Array<{ close(): unknown }> = [];
afterEach(async () => {
  for (const x of open.splice(0).reverse()) await x.close();
});

const RECENT = 15;
const QUERIES = [
  'multi-task learning', 'language model', 'ChatGPT reasoning', 'vision transformer', 'mixture of experts',
  'AdaMerging', 'benchmark agents', 'pruning', 'decision making', 'biomedical instructions', 'inference', 'Chinese',
  // A typo and a half-typed last word: expanded from the vocabulary, which a bulk load reads back.
  'mixtre of experts', 'reasonin',
];

/** The seed papers with arXiv ids, dates and upvotes varied (and a Greek letter), as the store would hand them out. */
function corpus(): Paper[] {
  return seedPapers().map((p, i) => ({
    ...p,
    id: `2401.${String(i).padStart(5, '0')}`,
    arxivId: `2401.${String(i).padStart(5, '0')}`,
    abstract: i % 7 ? p.abstract : `${p.abstract} The β-VAE baseline.`,
    digestDate: `2024-01-${String(1 + (i % 5)).padStart(2, '0')}`,
    upvotes: i % 4 ? i : undefined,
    keywords: i % 3 ? [] : ['multi-task'],
    links: i % 2 ? ['https://github.com/x/y'] : [],
    source: 'hf-api',
  }));
}

const topTen = (search: PaperSearch) => top10(search, QUERIES);

/**
 * The store handing out pages of at most 7 papers, so a build takes many batches; `before` runs
 * ahead of each page with the page's number (1-based), to change the store or fail there.
 */
function pagedBy7(store: PaperStore, before: (call: number) => Promise<void>): PaperStore {
  let calls = 0;
  return {
    ...store,
    maxSeq: () => store.maxSeq(),
    stats: () => store.stats(),
    papersSince: async (seq, limit) => {
      await before(++calls);
      return store.papersSince(seq, Math.min(limit, 7));
    },
  };
}

describe('index writer: a bulk load equals writing batch by batch', () => {
  /** Stored papers in seq order: title-only papers, some re-keyed to arXiv ids later in the stream. */
  function stream(): StoredPaper[] {
    const seed = seedPapers();
    const out: StoredPaper[] = seed.map((p, i) => ({
      ...p,
      digestDates: [`2024-02-${String(1 + (i % 9)).padStart(2, '0')}`],
      sources: ['hf-digest-text'],
      upvotes: i % 3 ? i : undefined,
      seq: 0,
    }));
    // Every fifth paper is learnt again under its arXiv id (same title): the title-only entry goes.
    seed.forEach((p, i) => {
      if (i % 5 === 0) out.push({ ...out[i]!, id: `2402.${String(i).padStart(5, '0')}`, arxivId: `2402.${String(i).padStart(5, '0')}`, title: p.title.toUpperCase() });
    });
    return out.map((p, i) => ({ ...p, seq: i + 1 }));
  }

  function build(papers: StoredPaper[], batch: number, bulk: boolean): string {
    const file = join(tempDir(), 'search.db');
    const db = createSearchDb(file);
    const writer = createIndexWriter(db, new Vocabulary(), RECENT);
    writer.expect(papers.length);
    if (bulk) expect(writer.beginBulk()).toBe(true);
    for (let i = 0; i < papers.length; i += batch) {
      const part = papers.slice(i, i + batch);
      writer.write(part, part[part.length - 1]!.seq);
    }
    if (bulk) writer.endBulk();
    db.close();
    return file;
  }

  it('leaves the same rows, words, dates, shard and lookup indexes', () => {
    const papers = stream();
    const slow = dump(build(papers, 3, false));
    expect(slow.docs.some((d) => String(d.id).startsWith('title:'))).toBe(true);
    expect(slow.docs.length).toBeLessThan(papers.length); // the re-keyed title-only rows went
    expect(slow.indexes.map((i) => (i as { name: string }).name)).toContain('docs_title_key');
    expect(slow.automerge).toEqual([4, 4]);
    for (const batch of [1000, 7]) expect(dump(build(papers, batch, true))).toEqual(slow);
  });

  it('ends with the segments it left merged: no more in either FTS5 table than writing with merging on', () => {
    const papers = stream();
    const segments = (file: string) => {
      const db = new Database(file, { readonly: true });
      const n = ['fts', 'fts_recent'].map((t) => (db.prepare(`SELECT count(DISTINCT segid) AS n FROM ${t}_idx`).get() as { n: number }).n);
      db.close();
      return n;
    };
    // One paper a write: as many segments as writes while merging is off.
    const [bulkFts, bulkRecent] = segments(build(papers, 1, true));
    const [slowFts, slowRecent] = segments(build(papers, 1, false));
    expect(slowFts).toBeGreaterThan(0);
    expect(bulkFts).toBeLessThanOrEqual(slowFts);
    expect(bulkRecent).toBeLessThanOrEqual(slowRecent);
  });

  it('stores each word with the number of papers holding it, whatever its script', () => {
    const papers = stream()
      .slice(0, 6)
      .map((p, i) => ({ ...p, id: `2403.0000${i}`, title: i % 2 ? `${p.title} 3d Модель 模型` : p.title, abstract: i % 3 ? p.abstract : `${p.abstract} Über proto constructor` }));
    for (const bulk of [false, true]) {
      const db = new Database(build(papers, 4, bulk), { readonly: true });
      const stored = Object.fromEntries((db.prepare('SELECT word, df FROM words').all() as Array<{ word: string; df: number }>).map((r) => [r.word, r.df]));
      db.close();
      expect(stored).toEqual(Object.fromEntries(countWords(papers.map((p) => indexedFields(p).join(' ')))));
      expect(stored).toMatchObject({ модель: 3, 模型: 3, constructor: 2 });
    }
  });

  it('leaves the bulk load when another process wrote to the file meanwhile', () => {
    const papers = stream();
    const file = join(tempDir(), 'search.db');
    const a = createSearchDb(file);
    const b = createSearchDb(file, false);
    open.push(a, b);
    const writerA = createIndexWriter(a, new Vocabulary(), RECENT);
    expect(writerA.beginBulk()).toBe(true);
    writerA.write(papers.slice(0, 10), 10);
    // Process B catches up the same papers first: A then meets rows it did not write.
    createIndexWriter(b, new Vocabulary(), RECENT).write(papers.slice(10, 20), 20);
    writerA.write(papers.slice(10, 20), 20);
    writerA.write(papers.slice(20), papers.length);
    a.close();
    b.close();
    expect(dump(file, false)).toEqual(dump(build(papers, 3, false), false));
  });

  it('checkpoints the WAL less often while it loads, and as SQLite does again after', () => {
    const db = createSearchDb(join(tempDir(), 'search.db'));
    open.push(db);
    const writer = createIndexWriter(db, new Vocabulary(), RECENT);
    const walPages = () => db.pragma('wal_autocheckpoint', { simple: true });
    expect(walPages()).toBe(1000);
    expect(writer.beginBulk()).toBe(true);
    expect(walPages()).toBe(32768);
    writer.write(stream().slice(0, 5), 5);
    writer.endBulk();
    expect(walPages()).toBe(1000);
  });

  it('keeps the text hash of indexes written before: sha1 of the fields joined with NULs', () => {
    const papers = stream().slice(0, 5);
    const db = new Database(build(papers, 5, false), { readonly: true });
    const stored = new Map((db.prepare('SELECT id, text_hash AS h FROM docs').all() as Array<{ id: string; h: string }>).map((r) => [r.id, r.h]));
    db.close();
    expect(stored.size).toBeGreaterThan(0);
    for (const p of papers.filter((x) => stored.has(x.id))) {
      expect(stored.get(p.id)).toBe(createHash('sha1').update(indexedFields(p).join('\u0000')).digest('base64'));
    }
  });

  it('does not bulk load an index that holds papers', () => {
    const db = createSearchDb(join(tempDir(), 'search.db'));
    open.push(db);
    const writer = createIndexWriter(db, new Vocabulary(), RECENT);
    writer.write(stream().slice(0, 2), 2);
    expect(writer.beginBulk()).toBe(false);
  });
});

// Words counted inline, or by a worker thread a batch ahead (a build of 20,000 papers or more).
describe.each([
  ['inline', undefined],
  ['in a worker thread', 1],
])('search index build from the store, words counted %s', (_, wordWorkerFrom) => {
  async function storeWith(papers: Paper[], perIngest: number) {
    const dir = tempDir();
    const store = createSqlitePaperStore(openDatabase(join(dir, 'papers.db')));
    open.push(store);
    for (let i = 0; i < papers.length; i += perIngest) await store.ingest({ source: 'hf-api', digestDate: papers[i]!.digestDate, papers: papers.slice(i, i + perIngest) });
    return { dir, store };
  }

  it('builds from empty the index that small incremental syncs build', async () => {
    const papers = corpus();
    const dir = tempDir();
    const store = createSqlitePaperStore(openDatabase(join(dir, 'papers.db')));
    open.push(store);
    // Incremental: the index is open while papers arrive a few at a time; some come again (a new
    // digest date, more upvotes: the text is the same), which moves them to new index rows.
    const incremental = await createPaperSearch({ dataDir: dir, store, logger: silentLogger, recentDocs: RECENT, fileName: 'incremental.db' });
    open.push(incremental);
    for (let i = 0; i < papers.length; i += 4) {
      await store.ingest({ source: 'hf-api', digestDate: papers[i]!.digestDate, papers: papers.slice(i, i + 4) });
      if (i % 12 === 0) await store.ingest({ source: 'hf-api', digestDate: '2024-03-01', papers: [{ ...papers[i / 2]!, upvotes: 500 + i }] });
      await incremental.sync();
    }
    const bulk = await createPaperSearch({ dataDir: dir, store, logger: silentLogger, recentDocs: RECENT, fileName: 'bulk.db', wordWorkerFrom });
    open.push(bulk);
    const inc = dump(join(dir, 'incremental.db'), false);
    expect(inc.docs.length).toBe(papers.length);
    expect(dump(join(dir, 'bulk.db'), false)).toEqual(inc);
    expect(await topTen(bulk)).toEqual(await topTen(incremental));
    expect((await topTen(bulk)).flat().length).toBeGreaterThan(QUERIES.length * 3);
  });

  it('updates, not duplicates, a paper that changed while it was built from empty', async () => {
    const papers = corpus();
    const { dir, store } = await storeWith(papers, 9);
    const changing = pagedBy7(store, async (call) => {
      // The bot ingests a digest mid-build: a paper already indexed comes again (a new date, upvotes).
      if (call === 3) await store.ingest({ source: 'hf-api', digestDate: '2024-03-02', papers: [{ ...papers[1]!, upvotes: 999 }] });
    });
    const opts = { dataDir: dir, logger: silentLogger, recentDocs: RECENT, wordWorkerFrom };
    const during = await createPaperSearch({ ...opts, store: changing, fileName: 'during.db' });
    open.push(during);
    const after = await createPaperSearch({ ...opts, store, fileName: 'after.db' });
    open.push(after);
    const got = dump(join(dir, 'during.db'), false);
    expect(got.docs.length).toBe(papers.length);
    const expected = dump(join(dir, 'after.db'), false);
    expect(got.docs.at(-1)).toMatchObject({ id: papers[1]!.id, upvotes: 999 });
    expect(got).toEqual(expected);
    expect(await topTen(during)).toEqual(await topTen(after));
  });

  it('finishes a build that was interrupted with the same index as one that was not', async () => {
    const { dir, store } = await storeWith(corpus(), 9);
    // Short pages, so that the build takes many batches; the interrupted one fails on the 4th.
    let failAt = 4;
    const paged = pagedBy7(store, async (call) => {
      if (call === failAt) throw new Error('store went away');
    });
    const opts = { dataDir: dir, logger: silentLogger, recentDocs: RECENT, wordWorkerFrom };
    await expect(createPaperSearch({ ...opts, store: paged, fileName: 'resumed.db' })).rejects.toThrow('store went away');
    const half = dump(join(dir, 'resumed.db'));
    // Three pages written; with the worker, the 4th page is read before the 3rd is written.
    expect(half.docs.length).toBe(wordWorkerFrom ? 14 : 21);
    expect(half.meta).toContainEqual({ key: 'bulk', value: '1' });
    expect(half.automerge).toEqual([0, 0]);
    expect(half.indexes.map((i) => (i as { name: string }).name)).not.toContain('docs_title_key');

    failAt = 0;
    // The resumed build brings the lookup indexes back before it reads (or writes) anything more.
    let before: ReturnType<typeof dump> | undefined;
    const inner = paged.papersSince;
    paged.papersSince = async (seq, limit) => {
      before ??= dump(join(dir, 'resumed.db'));
      return inner(seq, limit);
    };
    const resumed = await createPaperSearch({ ...opts, store: paged, fileName: 'resumed.db' });
    open.push(resumed);
    const whole = await createPaperSearch({ ...opts, store: paged, fileName: 'whole.db' });
    open.push(whole);
    const expected = dump(join(dir, 'whole.db'));
    expect(expected.meta.map((m) => (m as { key: string }).key)).not.toContain('bulk');
    expect(expected.automerge).toEqual([4, 4]);
    expect(before?.automerge).toEqual([4, 4]);
    expect(before?.indexes).toEqual(expected.indexes);
    expect(before?.meta.map((m) => (m as { key: string }).key)).not.toContain('bulk');
    expect(dump(join(dir, 'resumed.db'))).toEqual(expected);
    expect(await topTen(resumed)).toEqual(await topTen(whole));
  });

  it('expands typos with every word of a bulk load that stopped half way in a running process and went on', async () => {
    const papers = corpus();
    const dir = tempDir();
    const store = createSqlitePaperStore(openDatabase(join(dir, 'papers.db')));
    open.push(store);
    let failAt = 0;
    let calls = 0;
    const paged = pagedBy7(store, async (call) => {
      calls = call;
      if (call === failAt) throw new Error('store went away');
    });
    // Opened on an empty store: the papers arrive later, and the next sync loads them in bulk.
    const opts = { dataDir: dir, logger: silentLogger, recentDocs: RECENT, wordWorkerFrom };
    const live = await createPaperSearch({ ...opts, store: paged, fileName: 'live.db' });
    open.push(live);
    for (let i = 0; i < papers.length; i += 9) await store.ingest({ source: 'hf-api', digestDate: papers[i]!.digestDate, papers: papers.slice(i, i + 9) });
    failAt = calls + 4;
    await expect(live.sync()).rejects.toThrow('store went away');
    // The first pages are in (see the test above); the next sync (a search's, here a direct one)
    // goes on from there and leaves the vocabulary of the whole load in memory.
    expect(dump(join(dir, 'live.db')).docs.length).toBe(wordWorkerFrom ? 14 : 21);
    failAt = -1;
    await live.sync();
    const whole = await createPaperSearch({ ...opts, store, fileName: 'whole.db' });
    open.push(whole);
    expect(await topTen(live)).toEqual(await topTen(whole));
  });
});

describe('index writer: the papers held, kept in meta.doc_count', () => {
  const count = (file: string) => {
    const db = new Database(file, { readonly: true });
    try {
      return {
        kept: Number((db.prepare("SELECT value FROM meta WHERE key = 'doc_count'").get() as { value: string } | undefined)?.value),
        rows: (db.prepare('SELECT count(*) AS n FROM docs').get() as { n: number }).n,
      };
    } finally {
      db.close();
    }
  };
  const stored = (papers: Paper[], from: number): StoredPaper[] =>
    papers.map((p, i) => ({ ...p, digestDates: [p.digestDate!], sources: ['hf-api'], seq: from + i }));

  it('equals the rows after new papers, updated ones and re-keyed title-only ones, and is counted once for an index that lacked it', () => {
    const file = join(tempDir(), 'search.db');
    const db = createSearchDb(file);
    const writer = createIndexWriter(db, new Vocabulary(), RECENT);
    const papers = corpus();
    writer.write(stored(papers.slice(0, 20), 1), 20);
    // Updated papers (new abstracts) and title-only papers that are later learnt by arXiv id.
    const titleOnly = papers.slice(20, 25).map((p) => ({ ...p, id: `title:${p.title.toLowerCase()}`, arxivId: undefined }));
    writer.write(stored([...papers.slice(0, 5).map((p) => ({ ...p, abstract: `${p.abstract} Revised.` })), ...titleOnly], 21), 30);
    writer.write(stored(papers.slice(20, 25), 31), 35);
    db.close();
    const after = count(file);
    expect(after.rows).toBe(25);
    expect(after.kept).toBe(after.rows);

    // An index written before the count was kept: the next write counts the rows once.
    const old = new Database(file);
    old.prepare("DELETE FROM meta WHERE key = 'doc_count'").run();
    old.close();
    const again = createSearchDb(file, false);
    createIndexWriter(again, new Vocabulary(), RECENT).write(stored(papers.slice(25, 28), 36), 38);
    again.close();
    expect(count(file)).toEqual({ kept: 28, rows: 28 });
  });
});
