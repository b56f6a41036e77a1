import Database from 'better-sqlite3';
import { renameSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { UserError } from '../../../src/core/errors.js';
import { createRecordingLogger, silentLogger } from '../../../src/core/logger.js';
import type { Paper } from '../../../src/core/paper.js';
import { createPaperSearch } from '../../../src/core/search/create-paper-search.js';
import { evaluateLevels } from '../../../src/core/search/evaluate.js';
import { everyMatchThread, MAX_EVERY_MATCH, type EveryMatchThread } from '../../../src/core/search/every-match.js';
import { createRanker, DEFAULT_WEIGHTS } from '../../../src/core/search/ranker.js';
import { readGeneration, removeSearchDb } from '../../../src/core/search/search-db.js';
import { openDatabase } from '../../../src/core/store/sqlite/open.js';
import { createSqlitePaperStore } from '../../../src/core/store/sqlite/paper-store.js';
import type { PaperStore } from '../../../src/core/store/ports.js';
import { useTempDirs } from '../../helpers/temp-dir.js';
import { paper } from './search-env.js';

const tempDir = useTempDirs();
const closing: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of closing.splice(0).reverse()) await c();
});

const TOPICS = ['graph', 'kernel', 'photon', 'lattice'];
const papers = (n: number, from = 0): Paper[] =>
  Array.from({ length: n }, (_, i) => {
    const k = from + i;
    return paper({ id: `2502.${String(k).padStart(5, '0')}`, title: `Note ${k} on ${TOPICS[k % 4]} ${TOPICS[(k >> 2) % 4]}`, abstract: `A ${TOPICS[(k * 7) % 4]} study ${k % 3 ? '' : 'of glaciers'}.` });
  });

/** A store of `n` papers and its search index file, built and closed; the file's path and generation. */
async function indexed(dir: string, store: PaperStore) {
  const s = await createPaperSearch({ dataDir: dir, store, logger: silentLogger, termHeads: false });
  await s.close();
  const file = join(dir, 'search.db');
  const db = new Database(file, { readonly: true });
  const generation = readGeneration(db);
  db.close();
  return { file, generation };
}

/** What the thread should answer: evaluateLevels over the file with a ranker that never cuts, on this thread. */
function here(file: string, levels: string[]) {
  const db = new Database(file, { readonly: true });
  try {
    return evaluateLevels(createRanker(db, DEFAULT_WEIGHTS, 'fts', Infinity), levels, {}, 5, 0, 3);
  } finally {
    db.close();
  }
}

async function env() {
  const dir = tempDir();
  const store = createSqlitePaperStore(openDatabase(join(dir, 'papers.db')));
  closing.push(() => store.close());
  await store.ingest({ source: 'hf-api', digestDate: '2025-02-01', papers: papers(80) });
  const { file, generation } = await indexed(dir, store);
  const thread: EveryMatchThread = everyMatchThread({ file, weights: DEFAULT_WEIGHTS }, silentLogger);
  closing.push(() => thread.close());
  return { dir, store, file, generation, thread };
}

const levels = (a: string, b: string) => [`"${a}" AND "${b}"`, `"${a}" OR "${b}"`];

describe('the every-match thread', () => {
  it('answers what evaluateLevels answers over the file, uncut, on this thread', async () => {
    const { file, generation, thread } = await env();
    for (const [a, b] of [['graph', 'kernel'], ['photon', 'glaciers'], ['lattice', 'graph']] as const) {
      const got = await thread.ask({ kind: 'levels', generation, state: '', levels: levels(a, b), filters: {}, limit: 5, offset: 0, enough: 3, unweighted: false });
      expect(got).toEqual(here(file, levels(a, b)));
      expect(got.ranked.length).toBeGreaterThan(0);
    }
    const top = await thread.ask({ kind: 'top', generation, state: '', match: '"kernel"', filters: { hasCode: false }, limit: 7, offset: 2 });
    const db = new Database(file, { readonly: true });
    const ranker = createRanker(db, DEFAULT_WEIGHTS, 'fts', Infinity);
    expect(top).toEqual({ ranked: ranker.rank('"kernel"', { hasCode: false }, 7, 2), total: ranker.count('"kernel"', { hasCode: false }) });
    db.close();
    expect(top.ranked).toHaveLength(7);
  });

  it(`refuses more than ${MAX_EVERY_MATCH} rankings at once with a message, and takes new ones once they are done`, async () => {
    const { generation, thread } = await env();
    const ask = () => thread.ask({ kind: 'levels', generation, state: '', levels: levels('graph', 'photon'), filters: {}, limit: 5, offset: 0, enough: 3, unweighted: false });
    const settled = await Promise.allSettled(Array.from({ length: MAX_EVERY_MATCH + 2 }, ask));
    expect(settled.slice(0, MAX_EVERY_MATCH).every((s) => s.status === 'fulfilled')).toBe(true);
    for (const s of settled.slice(MAX_EVERY_MATCH)) {
      expect(s.status).toBe('rejected');
      const err = (s as PromiseRejectedResult).reason;
      expect(err).toBeInstanceOf(UserError);
      expect(err.message).toMatch(/already ranking every match.*without --all/);
    }
    await expect(ask()).resolves.toMatchObject({ total: expect.any(Number) });
  });

  it('opens the file again when a rebuild replaced it, and refuses a generation the file is not of', async () => {
    const { dir, store, generation: old, thread } = await env();
    const before = await thread.ask({ kind: 'top', generation: old, state: '', match: '"glaciers"', filters: {}, limit: 1, offset: 0 });
    removeSearchDb(join(dir, 'search.db'));
    await store.ingest({ source: 'hf-api', digestDate: '2025-02-02', papers: papers(30, 80) });
    const rebuilt = await indexed(dir, store);
    expect(rebuilt.generation).not.toBe(old);
    const after = await thread.ask({ kind: 'top', generation: rebuilt.generation, state: '', match: '"glaciers"', filters: {}, limit: 1, offset: 0 });
    expect(after.total).toBe(before.total + 10);
    await expect(thread.ask({ kind: 'top', generation: old, state: '', match: '"glaciers"', filters: {}, limit: 1, offset: 0 })).rejects.toThrow(/generation/);
  });

  it('close refuses what was asked and not answered', async () => {
    const { generation, thread } = await env();
    const asked = expect(thread.ask({ kind: 'top', generation, state: '', match: '"graph"', filters: {}, limit: 3, offset: 0 })).rejects.toThrow(/closed/);
    await thread.close();
    await asked;
  });
});

describe('a search whose every-match thread fails', () => {
  it('ranks on its own thread and logs it', async () => {
    const dir = tempDir();
    const store = createSqlitePaperStore(openDatabase(join(dir, 'papers.db')));
    closing.push(() => store.close());
    await store.ingest({ source: 'hf-api', digestDate: '2025-02-01', papers: papers(80) });
    const logger = createRecordingLogger();
    const search = await createPaperSearch({ dataDir: dir, store, logger, termHeads: false, chatRanked: 5 });
    closing.push(() => search.close());
    const uncut = await createPaperSearch({ dataDir: dir, fileName: 'uncut.db', store, logger: silentLogger, termHeads: false, chatRanked: 1e12, maxRanked: 1e12 });
    closing.push(() => uncut.close());
    // The file moved away before the thread first opens it (this search keeps the one it has open).
    renameSync(join(dir, 'search.db'), join(dir, 'moved.db'));
    for (const text of ['graph kernel', 'photon', 'lattice of glaciers in graph kernel photon studies']) {
      const r = await search.search({ text, everyMatch: true, limit: 5 });
      const want = await uncut.search({ text, limit: 5 });
      expect(r.hits.map((h) => h.paper.id), text).toEqual(want.hits.map((h) => h.paper.id));
      expect(r.total, text).toBe(want.total);
    }
    expect(logger.records.filter((l) => l.level === 'warn' && /every match in its thread failed/.test(l.msg ?? '')).length).toBe(3);
  });
});
