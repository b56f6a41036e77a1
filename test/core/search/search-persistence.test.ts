import Database from 'better-sqlite3';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../../src/core/logger.js';
import { createPaperSearch } from '../../../src/core/search/create-paper-search.js';
import { openDatabase } from '../../../src/core/store/sqlite/open.js';
import { createSqlitePaperStore } from '../../../src/core/store/sqlite/paper-store.js';
import type { PaperSearch, SearchQuery } from '../../../src/core/search/ports.js';
import { useTempDirs } from '../../helpers/temp-dir.js';
import { seedPapers } from './seed-papers.js';
import { paper, searchEnv } from './search-env.js';

// The index's vocabulary read whole (index-sync.ts on attach), counted.
const wholeReads = vi.hoisted(() => ({ n: 0 }));
vi.mock('../../../src/core/search/search-db.js', async (original) => {
  const real = await original<typeof import('../../../src/core/search/search-db.js')>();
  return {
    ...real,
    readVocabulary: (...args: Parameters<typeof real.readVocabulary>) => {
      wholeReads.n++;
      return real.readVocabulary(...args);
    },
  };
});

const tempDir = useTempDirs();
let env: Awaited<ReturnType<typeof searchEnv>>;
const extra: PaperSearch[] = [];
afterEach(async () => {
  for (const s of extra.splice(0)) await s.close();
  await env?.close();
});

const QUERIES: SearchQuery[] = ['model merging', 'mergng', 'reinforcement learn', '"task arithmetic"', 'benchmark llm evaluation'].map((text) => ({ text, limit: 10 }));
/** For the one-shot search: known words, a phrase, the last word half typed, a typo, a spelling, new words, a filter, page 2. */
const ONE_SHOT_QUERIES: SearchQuery[] = [
  ...QUERIES,
  { text: 'benchmark llm evaluation', page: 2 },
  { text: 'merg' },
  { text: 'modelling' },
  { text: 'transfomer' },
  { text: 'zyxquorbc wombat' },
  { text: 'zyxq' },
  { text: 'language models', since: '2023-04-23' },
];
async function answers(s: PaperSearch, queries = QUERIES) {
  const out: unknown[] = [];
  for (const q of queries) {
    const r = await s.search(q);
    out.push({ q, total: r.total, hits: r.hits.map((h) => [h.paper.id, h.score, h.snippet]) });
  }
  return out;
}

describe('the persisted index', () => {
  it('is loaded at start, not rebuilt, and answers the same', async () => {
    env = await searchEnv(tempDir(), seedPapers(), '2023-04-22');
    expect(env.rebuilds()).toHaveLength(1); // the first start builds it
    const before = await answers(env.search);
    await env.search.close();
    env.search = await env.reopen();
    expect(env.rebuilds()).toHaveLength(1);
    expect(await answers(env.search)).toEqual(before);
  });

  it('updated incrementally gives the same answers as a full rebuild', async () => {
    const papers = seedPapers();
    env = await searchEnv(tempDir(), papers.slice(0, 30), '2023-04-22');
    await env.store.ingest({ source: 'hf-digest-text', digestDate: '2023-04-23', papers: papers.slice(30) });
    // The same paper again on a later day: a changed record, not a new one.
    await env.store.ingest({ source: 'hf-digest-text', digestDate: '2023-04-24', papers: papers.slice(0, 5) });
    await env.search.sync();
    expect(env.rebuilds()).toHaveLength(1);
    const incremental = await answers(env.search);

    const fresh = await createPaperSearch({ dataDir: tempDir(), store: env.store, logger: silentLogger });
    extra.push(fresh);
    expect(await answers(fresh)).toEqual(incremental);
  });

  it('never answers stale: papers ingested after start are found without an explicit sync', async () => {
    env = await searchEnv(tempDir(), seedPapers(), '2023-04-22');
    await env.store.ingest({ source: 'hf-api', papers: [paper({ id: '2501.00001', title: 'Zyxwvut quantization of kangaroo networks' })] });
    expect((await env.search.search({ text: 'kangaroo' })).hits.map((h) => h.paper.id)).toEqual(['2501.00001']);
  });

  it('a second process indexing into the same files (papers ingest beside the bot): the bot finds its papers', async () => {
    const dir = tempDir();
    env = await searchEnv(dir, seedPapers(), '2023-04-22');
    await env.search.search({ text: 'merging' });
    // The CLI: its own store connection and search over the same DATA_DIR.
    const cliStore = createSqlitePaperStore(openDatabase(join(dir, 'papers.db')));
    const cli = await createPaperSearch({ dataDir: dir, store: cliStore, logger: silentLogger });
    await cliStore.ingest({ source: 'hf-api', papers: [paper({ id: '2501.00077', title: 'Zyxquorbic lattices for wombat vision' })] });
    expect((await cli.search({ text: 'zyxquorbic' })).hits.map((h) => h.paper.id)).toEqual(['2501.00077']);
    await cli.close();
    await cliStore.close();
    // The bot learned of neither the paper nor its words; it must find it, typo and all.
    expect((await env.search.search({ text: 'zyxquorbic' })).hits.map((h) => h.paper.id)).toEqual(['2501.00077']);
    expect((await env.search.search({ text: 'zyxquorbc wombat' })).hits.map((h) => h.paper.id)).toEqual(['2501.00077']);
    expect(env.rebuilds()).toHaveLength(1);
  });

  it('a one-shot search (the papers CLI) reads its vocabulary a word at a time, and answers as the bot does, before and after it indexes papers itself', async () => {
    const dir = tempDir();
    const papers = seedPapers();
    env = await searchEnv(dir, papers.slice(0, 40), '2023-04-22');
    const byTheBot = wholeReads.n;
    expect(byTheBot).toBeGreaterThan(0); // its attach (and the re-read after its build)
    const oneShot = await createPaperSearch({ dataDir: dir, store: env.store, logger: silentLogger, oneShot: true });
    extra.push(oneShot);
    for (const text of ['model merging', 'reinforcement learn', 'merg']) {
      await oneShot.search({ text });
    }
    expect(wholeReads.n).toBe(byTheBot);
    expect(await answers(oneShot, ONE_SHOT_QUERIES)).toEqual(await answers(env.search, ONE_SHOT_QUERIES));

    // Papers the one-shot search indexes itself (its catch-up), new words among them.
    await env.store.ingest({ source: 'hf-digest-text', digestDate: '2023-04-23', papers: papers.slice(40) });
    await env.store.ingest({ source: 'hf-api', digestDate: '2023-04-24', papers: [paper({ id: '2501.00077', title: 'Zyxquorbic lattices for wombat vision', abstract: 'Zyxquorbic transformer merging.' })] });
    await oneShot.sync();
    const late = await answers(oneShot, ONE_SHOT_QUERIES);
    await env.search.sync();
    expect(late).toEqual(await answers(env.search, ONE_SHOT_QUERIES));
    expect(JSON.stringify(late)).toContain('2501.00077');
  });

  it('drops the title-keyed entry when the store re-keys a paper to its arXiv id', async () => {
    env = await searchEnv(tempDir(), seedPapers(), '2023-04-22');
    const title = 'Parameter Competition Balancing for Model Merging';
    await env.store.ingest({ source: 'hf-api', papers: [paper({ id: '2410.02396', arxivId: '2410.02396', title, upvotes: 7 })] });
    const r = await env.search.search({ text: 'parameter competition balancing', limit: 25 });
    expect(r.hits.filter((h) => h.paper.title === title).map((h) => h.paper.id)).toEqual(['2410.02396']);
  });

  for (const [name, damage] of [
    ['missing', (f: string) => rmSync(f, { force: true })],
    ['corrupt', (f: string) => writeFileSync(f, Buffer.concat([readFileSync(f).subarray(0, 100), Buffer.alloc(8192, 7)]))],
    ['garbage', (f: string) => writeFileSync(f, 'this is not a database at all')],
    [
      'of another index version',
      (f: string) => {
        const db = new Database(f);
        db.prepare("UPDATE meta SET value = '0' WHERE key = 'version'").run();
        db.close();
      },
    ],
  ] as const) {
    it(`is rebuilt when ${name}`, async () => {
      const dir = tempDir();
      env = await searchEnv(dir, seedPapers(), '2023-04-22');
      const before = await answers(env.search);
      await env.search.close();
      const file = join(dir, 'search.db');
      for (const side of ['-wal', '-shm']) if (existsSync(file + side)) writeFileSync(file + side, '');
      damage(file);
      env.search = await env.reopen();
      expect(env.rebuilds()).toHaveLength(2);
      expect(await answers(env.search)).toEqual(before);
    });
  }

  it('is rebuilt when the store is behind it (a restored or replaced store)', async () => {
    const dir = tempDir();
    env = await searchEnv(dir, seedPapers(), '2023-04-22');
    await env.close();
    rmSync(join(dir, 'papers.db'), { force: true });
    rmSync(join(dir, 'papers.db-wal'), { force: true });
    rmSync(join(dir, 'papers.db-shm'), { force: true });
    env = await searchEnv(dir, seedPapers().slice(0, 3), '2023-04-22');
    const r = await env.search.search({ text: 'learning', limit: 25 });
    expect(r.total).toBeLessThanOrEqual(3);
    expect(env.rebuilds()).toHaveLength(1);
  });
});
