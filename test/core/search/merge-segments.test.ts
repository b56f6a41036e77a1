import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createRecordingLogger, type LogRecord } from '../../../src/core/logger.js';
import { createPaperSearch } from '../../../src/core/search/create-paper-search.js';
import { isSpread, mergeSpreadSegments, segmentPages } from '../../../src/core/search/merge-segments.js';
import type { PaperSearch, SearchQuery } from '../../../src/core/search/ports.js';
import { DEFAULT_WEIGHTS } from '../../../src/core/search/ranker.js';
import { storeHeads } from '../../../src/core/search/stored-term-heads.js';
import { computeTermHeads, indexState } from '../../../src/core/search/term-heads.js';
import { openDatabase } from '../../../src/core/store/sqlite/open.js';
import { createSqlitePaperStore } from '../../../src/core/store/sqlite/paper-store.js';
import type { PaperStore } from '../../../src/core/store/ports.js';
import { useTempDirs } from '../../helpers/temp-dir.js';
import { paper } from './search-env.js';
import { seedPapers } from './seed-papers.js';

const tempDir = useTempDirs();
const open: Array<{ close(): unknown }> = [];
afterEach(async () => {
  for (const x of open.splice(0).reverse()) await x.close();
});

const QUERIES: SearchQuery[] = [
  { text: 'language models', limit: 25 },
  { text: 'model merging', limit: 10 },
  { text: 'diffusion video', limit: 10, page: 2 },
  { text: 'reasoning' },
  { text: 'benchmark', hasCode: true },
  { text: 'agent' },
];

async function answers(s: PaperSearch): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const q of QUERIES) {
    const r = await s.search(q);
    out.push({ q, total: r.total, hits: r.hits.map((h) => [h.paper.id, h.score]) });
  }
  return out;
}

/**
 * The seed digest's papers written into the index a few at a time, one write (one FTS5 segment)
 * each, with no term heads and so no merging: FTS5's own merging leaves segments of like size.
 */
async function spreadIndex(): Promise<{ dir: string; store: PaperStore; file: string }> {
  const dir = tempDir();
  const store = createSqlitePaperStore(openDatabase(join(dir, 'papers.db')));
  open.push(store);
  const search = await createPaperSearch({ dataDir: dir, store, logger: createRecordingLogger([]), termHeads: false });
  const papers = seedPapers();
  for (let i = 0; i < papers.length; i += 4) {
    await store.ingest({ source: 'hf-digest-text', digestDate: `2023-04-${String(1 + (i % 28)).padStart(2, '0')}`, papers: papers.slice(i, i + 4) });
    await search.sync();
  }
  await search.close();
  return { dir, store, file: join(dir, 'search.db') };
}

function openIndex(file: string): Database.Database {
  const db = new Database(file);
  open.push(db);
  return db;
}

describe('merging the index segments', () => {
  it('merges a spread index into one segment in the heads worker, and every answer, count and score stays the same', async () => {
    const { dir, store, file } = await spreadIndex();
    const db = openIndex(file);
    const pages = segmentPages(db, 'fts');
    expect(pages.length).toBeGreaterThan(2);
    expect(isSpread(pages)).toBe(true);
    const state = indexState(db);

    const records: LogRecord[] = [];
    const plain = await createPaperSearch({ dataDir: dir, store, logger: createRecordingLogger([]), termHeads: false, fileName: 'search.db' });
    open.push(plain);
    const before = await answers(plain);

    const search = await createPaperSearch({ dataDir: dir, store, logger: createRecordingLogger(records) });
    open.push(search);
    await search.settled?.();
    expect(segmentPages(db, 'fts')).toHaveLength(1);
    expect(segmentPages(db, 'fts_recent')).toHaveLength(1);
    const merged = records.find((r) => r.msg === 'index segments merged');
    expect((merged?.obj as { merged?: unknown[] } | undefined)?.merged).toContainEqual(expect.objectContaining({ table: 'fts', before: pages.length, after: 1 }));
    // The same state: the heads computed before the merge are those of the merged index.
    expect(indexState(db)).toBe(state);
    expect(await answers(search)).toEqual(before);
    expect(await answers(plain)).toEqual(before);
  });

  it('leaves an index whose pages lie mostly in one segment as it is: a digest does not rewrite the archive', async () => {
    const { store, file } = await spreadIndex();
    const db = openIndex(file);
    db.pragma('busy_timeout = 5000');
    expect(mergeSpreadSegments(db).find((r) => r.table === 'fts')).toMatchObject({ after: 1 });
    const search = await createPaperSearch({ dataDir: join(file, '..'), store, logger: createRecordingLogger([]), termHeads: false });
    open.push(search);
    await store.ingest({ source: 'hf-api', digestDate: '2023-05-01', papers: [paper({ id: '2305.00001', title: 'Wombat merging of language models', abstract: 'A wombat study.' })] });
    await search.sync();
    const pages = segmentPages(db, 'fts');
    expect(pages).toHaveLength(2);
    expect(isSpread(pages)).toBe(false);
    const report = mergeSpreadSegments(db);
    expect(report.every((r) => r.calls === 0 && r.after === r.before)).toBe(true);
    expect(segmentPages(db, 'fts')).toEqual(pages);
  });

  it('stops when another connection holds the lock, keeping the index whole, and finishes later', async () => {
    const { dir, store, file } = await spreadIndex();
    const plain = await createPaperSearch({ dataDir: dir, store, logger: createRecordingLogger([]), termHeads: false });
    open.push(plain);
    const before = await answers(plain);
    const db = openIndex(file);
    db.pragma('busy_timeout = 0');
    const holder = openIndex(file);
    holder.exec('BEGIN IMMEDIATE');
    expect(() => mergeSpreadSegments(db, { chunkPages: 1 })).toThrow(/locked|busy/i);
    holder.exec('ROLLBACK');
    expect(await answers(plain)).toEqual(before);
    // Small chunks: many calls, each its own transaction, to the same single segment.
    const report = mergeSpreadSegments(db, { chunkPages: 2 });
    expect(report.find((r) => r.table === 'fts')).toMatchObject({ after: 1 });
    expect(report.find((r) => r.table === 'fts')!.calls).toBeGreaterThan(2);
    expect(await answers(plain)).toEqual(before);
  });

  it('in the heads worker, a lock held past its busy timeout stops the merging with a warning, and the heads still come', async () => {
    const { dir, store, file } = await spreadIndex();
    const termHeads = { minDf: 2, size: 10 };
    const db = openIndex(file);
    // Heads stored for this state: the worker loads them and goes straight to merging.
    storeHeads(db, computeTermHeads(db, { weights: DEFAULT_WEIGHTS, ...termHeads }), { weights: DEFAULT_WEIGHTS, ...termHeads });
    const pages = segmentPages(db, 'fts');
    db.exec('BEGIN IMMEDIATE');
    const records: LogRecord[] = [];
    const search = await createPaperSearch({ dataDir: dir, store, logger: createRecordingLogger(records), termHeads });
    open.push(search);
    await search.settled?.();
    db.exec('ROLLBACK');
    expect(records.map((r) => r.msg)).toContain('term heads loaded from the index file');
    expect(records.find((r) => r.level === 'warn')?.msg).toBe('merging the index segments failed; tried again after the next index change');
    expect(segmentPages(db, 'fts')).toEqual(pages);
    expect((await search.search({ text: 'language models' })).total).toBeGreaterThan(0);
  }, 20_000);

  it('reads spread as a share of the pages outside the largest segment', () => {
    expect(isSpread([])).toBe(false);
    expect(isSpread([500])).toBe(false);
    expect(isSpread([950, 50])).toBe(false);
    expect(isSpread([900, 60, 60])).toBe(true);
    expect(isSpread([100, 100, 100])).toBe(true);
    expect(isSpread([900, 60, 60], 0.2)).toBe(false);
  });
});
