import Database from 'better-sqlite3';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createRecordingLogger, silentLogger } from '../../../src/core/logger.js';
import type { Paper } from '../../../src/core/paper.js';
import { createPaperSearch } from '../../../src/core/search/create-paper-search.js';
import type { PaperSearch } from '../../../src/core/search/ports.js';
import { openDatabase } from '../../../src/core/store/sqlite/open.js';
import { createSqlitePaperStore } from '../../../src/core/store/sqlite/paper-store.js';
import type { PaperStore } from '../../../src/core/store/ports.js';
import { useTempDirs } from '../../helpers/temp-dir.js';
import { dump, top10 } from './index-dump.js';
import { seedPapers } from './seed-papers.js';

// `papers ingest` of many inputs into an empty index: a thread indexes the store while it is filled
// (follow-store.ts). Whatever it does, the index ends as a build of the filled store leaves it.

const tempDir = useTempDirs();
const open: Array<{ close(): unknown }> = [];
afterEach(async () => {
  for (const x of open.splice(0).reverse()) await x.close();
});

const RECENT = 15;
const QUERIES = ['multi-task learning', 'language model', 'ChatGPT reasoning', 'mixture of experts', 'mixtre of experts', 'reasonin'];

/** Inputs as digests bring them: some papers come again later (upvotes, a re-worded abstract), title-only papers learn their arXiv id. */
function inputs(): Paper[][] {
  const seed = seedPapers().map((p, i) => ({ ...p, digestDate: `2024-01-${String(1 + (i % 9)).padStart(2, '0')}`, upvotes: i, source: 'hf-api' as const }));
  const out: Paper[][] = [];
  for (let i = 0; i < seed.length; i += 8) out.push(seed.slice(i, i + 8));
  out[3]!.push({ ...seed[1]!, upvotes: 999, digestDate: '2024-02-01' });
  out[4]!.push({ ...seed[2]!, abstract: `${seed[2]!.abstract} Revised.`, digestDate: '2024-02-02' });
  const titled = seed[5]!;
  out[1]!.push({ ...titled, id: `title:${titled.title}`, arxivId: undefined, title: `${titled.title} (extended)` });
  out[5]!.push({ ...titled, title: `${titled.title} (extended)`, id: '2499.00001', arxivId: '2499.00001' });
  return out;
}

async function emptyStore() {
  const dir = tempDir();
  const store = createSqlitePaperStore(openDatabase(join(dir, 'papers.db')));
  open.push(store);
  return { dir, store };
}

async function fill(store: PaperStore, list: Paper[][], after?: () => void) {
  for (const papers of list) {
    await store.ingest({ source: 'hf-api', digestDate: papers[0]!.digestDate, papers });
    after?.();
  }
}

const topTen = (search: PaperSearch) => top10(search, QUERIES);

/** The index a build of the store as it now is leaves, beside `dir`'s. */
async function built(dir: string, store: PaperStore) {
  const search = await createPaperSearch({ dataDir: dir, store, logger: silentLogger, recentDocs: RECENT, fileName: 'built.db' });
  open.push(search);
  return search;
}

const opts = (dir: string) => ({ dataDir: dir, recentDocs: RECENT, wordWorkerFrom: 1, followFrom: 0 });

// Papers the inputs write twice (inputs()): an update, a re-worded abstract, a title-only paper
// learnt under its arXiv id.
const REWRITTEN = 3;

/**
 * The followed index against a build of the filled store: the same in all a search reads, but the
 * typo vocabulary's paper counts, which (as every catch-up's) count a paper written again once
 * more where its text is new, and never take its old text out: up to REWRITTEN more.
 */
function expectSameIndex(followed: string, built: string): void {
  const [a, b] = [dump(followed, false), dump(built, false)];
  expect({ ...a, words: undefined }).toEqual({ ...b, words: undefined });
  const df = (d: typeof a) => new Map((d.words as Array<{ word: string; df: number }>).map((w) => [w.word, w.df]));
  const [got, want] = [df(a), df(b)];
  expect([...got.keys()]).toEqual([...want.keys()]);
  for (const [w, n] of want) expect(got.get(w)! - n, w).toBeGreaterThanOrEqual(0);
  for (const [w, n] of want) expect(got.get(w)! - n, w).toBeLessThanOrEqual(REWRITTEN);
}

describe('the search index following a store being filled', () => {
  it('indexes while the inputs are stored, and ends with the index a build of the filled store leaves', async () => {
    const { dir, store } = await emptyStore();
    const search = await createPaperSearch({ ...opts(dir), store, logger: silentLogger });
    open.push(search);
    const follower = await search.followIngest?.();
    expect(follower).toBeDefined();
    const list = inputs();
    await fill(store, list.slice(0, 3), () => follower!.moved());
    // The thread writes the index while the next inputs are stored: its seq moves before the end.
    const index = new Database(join(dir, 'search.db'), { readonly: true });
    const seq = () => Number((index.prepare("SELECT value FROM meta WHERE key = 'seq'").get() as { value: string }).value);
    for (let i = 0; i < 200 && seq() === 0; i++) await new Promise((r) => setTimeout(r, 25));
    expect(seq()).toBeGreaterThan(0);
    index.close();
    await fill(store, list.slice(3), () => follower!.moved());
    const progress: number[] = [];
    await follower!.end((done) => progress.push(done));
    await search.sync();

    const whole = await built(dir, store);
    const got = dump(join(dir, 'search.db'), false);
    expect(got.docs.length).toBe((await store.stats()).papers);
    expect(got.docs.find((d) => d.id === seedPapers()[1]!.id)).toMatchObject({ upvotes: 999 });
    // The paper learnt under its arXiv id in a later input replaced its title-only entry.
    expect(got.docs.filter((d) => String(d.title_key).endsWith('extended')).map((d) => d.id)).toEqual(['2499.00001']);
    expectSameIndex(join(dir, 'search.db'), join(dir, 'built.db'));
    expect(await topTen(search)).toEqual(await topTen(whole));
    expect((await topTen(search)).flat().length).toBeGreaterThan(QUERIES.length * 3);
  });

  it.each([
    ['cannot open the store', (dir: string) => join(dir, 'missing', 'papers.db'), 1],
    // A copy from before the last inputs: the thread indexes what it holds, the search the rest.
    ['reads a store that ends early', (dir: string) => join(dir, 'then.db'), 0],
  ])('leaves the rest to the search when its thread %s', async (_, file, warnings) => {
    const { dir, store } = await emptyStore();
    const list = inputs();
    await fill(store, list.slice(0, 3));
    const db = new Database(join(dir, 'papers.db'));
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    copyFileSync(join(dir, 'papers.db'), join(dir, 'then.db'));
    // An index its open built (the store has papers) is not empty: no follower for it.
    const logger = createRecordingLogger();
    const elsewhere: PaperStore = { ...store, location: { kind: 'sqlite', file: file(dir) } };
    const search = await createPaperSearch({ ...opts(dir), store: elsewhere, logger, fileName: 'empty.db' });
    open.push(search);
    expect(await search.followIngest?.()).toBeUndefined();
    const fresh = await emptyStore();
    const followed = await createPaperSearch({ ...opts(fresh.dir), store: { ...fresh.store, location: { kind: 'sqlite', file: file(dir) } }, logger });
    open.push(followed);
    const follower = await followed.followIngest?.();
    expect(follower).toBeDefined();
    await fill(fresh.store, list, () => follower!.moved());
    await follower!.end();
    await followed.sync();
    const whole = await built(fresh.dir, fresh.store);
    expectSameIndex(join(fresh.dir, 'search.db'), join(fresh.dir, 'built.db'));
    expect(await topTen(followed)).toEqual(await topTen(whole));
    const warned = logger.records.filter((r) => r.level === 'warn');
    expect(warned).toHaveLength(warnings);
    if (warnings) expect(warned[0]!.msg).toMatch(/following the ingest failed/);
  });

  it('is not offered for a store no other thread can open, nor before the store holds enough papers', async () => {
    const { dir, store } = await emptyStore();
    const search = await createPaperSearch({ ...opts(dir), store: { ...store, location: undefined }, logger: silentLogger });
    open.push(search);
    expect(await search.followIngest?.()).toBeUndefined();
    const few = await createPaperSearch({ ...opts(dir), followFrom: 30, store, logger: silentLogger, fileName: 'few.db' });
    open.push(few);
    await fill(store, inputs().slice(0, 3)); // 25 papers
    expect(await few.followIngest?.()).toBeUndefined();
    await fill(store, inputs().slice(3, 4));
    const follower = await few.followIngest?.();
    expect(follower).toBeDefined();
    await follower!.end();
  });
});
