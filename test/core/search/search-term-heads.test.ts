import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createRecordingLogger, silentLogger, type LogRecord } from '../../../src/core/logger.js';
import type { Paper } from '../../../src/core/paper.js';
import { seededRandom } from '../../../src/core/seeded-random.js';
import { createPaperSearch, type PaperSearchOptions } from '../../../src/core/search/create-paper-search.js';
import { phrasesOf } from '../../../src/core/search/exact-top.js';
import { keepTermHeads } from '../../../src/core/search/keep-term-heads.js';
import { readAllStoredHeads, readStoredHeads, storeHeads } from '../../../src/core/search/stored-term-heads.js';
import type { PaperSearch, SearchQuery } from '../../../src/core/search/ports.js';
import { createRanker, DEFAULT_WEIGHTS, type Filters } from '../../../src/core/search/ranker.js';
import { createSearchDb, readGeneration } from '../../../src/core/search/search-db.js';
import { computeTermHeads, indexState } from '../../../src/core/search/term-heads.js';
import { openDatabase } from '../../../src/core/store/sqlite/open.js';
import { createSqlitePaperStore } from '../../../src/core/store/sqlite/paper-store.js';
import type { PaperStore } from '../../../src/core/store/ports.js';
import { useTempDirs } from '../../helpers/temp-dir.js';
import { recordingPrepares } from './recording-db.js';
import { paper } from './search-env.js';

const tempDir = useTempDirs();
const open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const x of open.splice(0).reverse()) await x.close();
});

const COMMON = ['model', 'models', 'modeling', 'diffusion', 'reasoning', 'video', 'agents', 'language', 'benchmark', 'training'];
const RARE = ['wombat', 'koala', 'quokka', 'numbat', 'bilby', 'dingo', 'platypus', 'echidna'];
const FILLER = ['we', 'study', 'results', 'show', 'method', 'data', 'the', 'of', 'and', 'with', 'new', 'large', 'small', 'fast', 'robust'];

/**
 * 400 papers of drawn words, so that each common word is in about a fifth of them (far more than
 * the cut below ranks, 30, and under half, where bm25 would weigh it nothing), each rare word in a
 * dozen, and their best papers (most mentions, shortest texts) are spread over the whole
 * archive: the oldest as often as the newest. Dates run over four months, a third have code.
 */
function corpus(n = 400, seed = 3, common = COMMON, commonRate = 0.06): Paper[] {
  const rnd = seededRandom(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]!;
  return Array.from({ length: n }, (_, i) => {
    const words = (k: number) =>
      Array.from({ length: k }, () => {
        const r = rnd();
        return r < commonRate ? pick(common) : r < commonRate + 0.004 ? pick(RARE) : pick(FILLER);
      }).join(' ');
    const id = `2503.${String(i).padStart(5, '0')}`;
    return paper({
      id,
      arxivId: id,
      title: `${words(2 + Math.floor(rnd() * 5))} ${i}`,
      abstract: words(8 + Math.floor(rnd() * 60)),
      links: i % 3 === 0 ? [`https://github.com/example/repo${i}`] : [],
      upvotes: Math.floor(rnd() * 50),
      digestDate: `2025-0${1 + Math.floor(i / 100)}-${String(1 + (i % 28)).padStart(2, '0')}`,
    });
  });
}

async function storeWith(papers: Paper[]): Promise<{ dir: string; store: PaperStore }> {
  const dir = tempDir();
  const store = createSqlitePaperStore(openDatabase(join(dir, 'papers.db')));
  open.push(store);
  for (let i = 0; i < papers.length; i += 50) {
    for (const p of papers.slice(i, i + 50)) await store.ingest({ source: 'hf-api', digestDate: p.digestDate, papers: [p] });
  }
  return { dir, store };
}

async function searchOn(dir: string, store: PaperStore, fileName: string, o: Partial<PaperSearchOptions>): Promise<PaperSearch> {
  // No shard of the newest papers: the cut of a ranking and the heads are under test.
  const s = await createPaperSearch({ dataDir: dir, store, logger: silentLogger, fileName, broadPostings: 1e15, ...o });
  open.push(s);
  await s.settled?.();
  return s;
}

const CUT = { chatRanked: 30, maxRanked: 30, exactShare: 0 };
const HEADS = { minDf: 20, size: 60 };
const EVERY = { chatRanked: 1e12, maxRanked: 1e12, termHeads: false as const };

const QUERIES: SearchQuery[] = [
  ...['model', 'modeling', 'diffusion', 'reasoning', 'video', 'agents', 'benchmark', 'training'].map((text) => ({ text, limit: 10 })),
  { text: 'difusion', limit: 10 },
  { text: 'reasonin', limit: 10 },
  { text: 'diffusion video', limit: 10 },
  { text: 'language agents', limit: 10 },
  { text: 'reasoning wombat', limit: 10 },
  { text: 'video', limit: 10, page: 2 },
  { text: 'video', limit: 10, page: 4 },
  { text: 'training', limit: 5, page: 3 },
  { text: 'diffusion', limit: 10, since: '2025-02-01', until: '2025-03-31' },
  { text: 'model', limit: 10, hasCode: true },
  { text: 'agents', limit: 10, minUpvotes: 25 },
];

const pageOf = async (s: PaperSearch, q: SearchQuery) => {
  const r = await s.search(q);
  return { ids: r.hits.map((h) => h.paper.id), total: r.total };
};

describe('term heads: a ranking past the cut is proved from each common word\'s best papers', () => {
  it('every page equals that of ranking every match, where the cut alone gives other pages', async () => {
    const { dir, store } = await storeWith(corpus());
    const every = await searchOn(dir, store, 'every.db', EVERY);
    const cut = await searchOn(dir, store, 'cut.db', { ...CUT, termHeads: false });
    const heads = await searchOn(dir, store, 'heads.db', { ...CUT, termHeads: HEADS });
    let cutDiffers = 0;
    for (const q of QUERIES) {
      const want = await pageOf(every, q);
      expect(want.ids.length, JSON.stringify(q)).toBeGreaterThan(0);
      expect(await pageOf(heads, q), JSON.stringify(q)).toEqual(want);
      if ((await pageOf(cut, q)).ids.join() !== want.ids.join()) cutDiffers++;
    }
    // The cut is in force on these queries: without the heads, most pages are other pages.
    expect(cutDiffers).toBeGreaterThan(QUERIES.length / 2);
  });

  it('with heads too small to prove a page, the page is the cut\'s, never a third one', async () => {
    const { dir, store } = await storeWith(corpus());
    const every = await searchOn(dir, store, 'every.db', EVERY);
    const cut = await searchOn(dir, store, 'cut.db', { ...CUT, termHeads: false });
    // Heads of 8: the best papers with both words of a topic are often outside both heads.
    const heads = await searchOn(dir, store, 'heads.db', { ...CUT, termHeads: { minDf: 20, size: 8 } });
    let proved = 0;
    let cutPages = 0;
    const words = ['model', 'diffusion', 'reasoning', 'video', 'agents', 'language', 'benchmark', 'training'];
    const pairs = words.flatMap((a, i) => words.slice(i + 1).map((b) => ({ text: `${a} ${b}`, limit: 5 })));
    for (const q of [...pairs, ...QUERIES.map((q) => ({ ...q, limit: 5, page: 1 }))]) {
      const [want, cutPage, got] = [await pageOf(every, q), await pageOf(cut, q), await pageOf(heads, q)];
      if (want.ids.join() === cutPage.ids.join()) continue;
      if (got.ids.join() === want.ids.join()) proved++;
      else {
        expect(got, JSON.stringify(q)).toEqual(cutPage);
        cutPages++;
      }
    }
    expect(proved).toBeGreaterThan(0);
    expect(cutPages).toBeGreaterThan(0);
  });

  it('after the index changes, its heads are computed again: pages are again those of ranking every match', async () => {
    const papers = corpus();
    const { dir, store } = await storeWith(papers.slice(0, 300));
    const heads = await searchOn(dir, store, 'heads.db', { ...CUT, termHeads: HEADS });
    // More papers, with the words the heads are about: the old heads would miss them. And 40
    // papers re-worded: each moves to a new index row (its old row deleted), which the counts
    // of papers per word must not count twice.
    await store.ingest({ source: 'hf-api', papers: papers.slice(300) });
    await store.ingest({ source: 'hf-api', papers: papers.slice(0, 40).map((p, i) => ({ ...p, abstract: `${p.abstract} video agents ${i % 2 ? 'diffusion' : 'training'}` })) });
    await heads.sync();
    await heads.settled?.();
    const every = await searchOn(dir, store, 'every.db', EVERY);
    for (const q of QUERIES.slice(0, 6)) expect(await pageOf(heads, q), q.text).toEqual(await pageOf(every, q));
  });

  it('the heads hold each common term\'s best papers by bm25, its inflections mapped to it, and no rare term', async () => {
    const { dir, store } = await storeWith(corpus());
    await searchOn(dir, store, 'search.db', { termHeads: false });
    const db = new Database(join(dir, 'search.db'));
    try {
      const h = computeTermHeads(db, { weights: DEFAULT_WEIGHTS, ...HEADS });
      expect(h.state).toBe(indexState(db));
      expect(h.termOf.get('models')).toBe('model');
      expect(h.termOf.get('modeling')).toBe('model');
      expect(h.termOf.get('model')).toBe('model');
      expect(h.termOf.has('wombat')).toBe(false);
      const df = (term: string) => (db.prepare('SELECT doc FROM fts_vocab WHERE term = ?').get(term) as { doc: number }).doc;
      expect(df('wombat')).toBeLessThanOrEqual(HEADS.minDf);
      expect(h.heads.has('wombat')).toBe(false);
      const direct = db
        .prepare("SELECT rowid, -bm25(fts, 3, 1, 1, 2) AS s FROM fts WHERE fts MATCH '\"diffusion\"' ORDER BY bm25(fts, 3, 1, 1, 2), rowid DESC LIMIT ?")
        .all(HEADS.size) as Array<{ rowid: number; s: number }>;
      const head = h.heads.get('diffus')!;
      expect(df('diffus')).toBeGreaterThan(HEADS.size);
      expect([...head.rowids]).toEqual(direct.map((r) => r.rowid));
      expect([...head.scores]).toEqual(direct.map((r) => r.s));
      expect(head.bound).toBeCloseTo(direct[direct.length - 1]!.s, 9);
      expect(head.df).toBe((db.prepare("SELECT count(*) AS n FROM fts WHERE fts MATCH '\"diffusion\"'").get() as { n: number }).n);
    } finally {
      db.close();
    }
  });

  it('the keeper gives heads only for the state they were computed at, and a rebuilt file is another state', async () => {
    const { dir, store } = await storeWith(corpus(120));
    await searchOn(dir, store, 'search.db', { termHeads: false });
    const file = join(dir, 'search.db');
    const db = new Database(file);
    const state = indexState(db);
    db.close();
    const keeper = keepTermHeads({ file, spec: { weights: DEFAULT_WEIGHTS, minDf: 5, size: 10 }, log: silentLogger });
    open.push(keeper);
    keeper.refresh(state);
    await keeper.settled();
    expect(keeper.at(state)?.heads.size).toBeGreaterThan(0);
    expect(keeper.at(`${state}0`)).toBeUndefined();
    // The same seq in a new file (a rebuild) is not the same state.
    const a = createSearchDb(join(dir, 'a.db'));
    const b = createSearchDb(join(dir, 'b.db'));
    expect(readGeneration(a)).not.toBe(readGeneration(b));
    expect(indexState(a)).not.toBe(indexState(b));
    a.close();
    b.close();
  });

  it('a worker that cannot compute them is logged once and the search goes on with the cut', async () => {
    const records: LogRecord[] = [];
    const keeper = keepTermHeads({ file: join(tempDir(), 'missing.db'), spec: { weights: DEFAULT_WEIGHTS, ...HEADS }, log: createRecordingLogger(records) });
    open.push(keeper);
    keeper.refresh('x/1');
    await keeper.settled();
    keeper.refresh('x/1');
    await keeper.settled();
    expect(keeper.at('x/1')).toBeUndefined();
    expect(records.filter((r) => r.level === 'warn' && /term heads failed/.test(r.msg ?? ''))).toHaveLength(1);
  });

  it('the heads are stored in the index file: a restart loads them, a one-shot command uses them, a changed index does not', async () => {
    const papers = corpus();
    const { dir, store } = await storeWith(papers.slice(0, 350));
    const every = await searchOn(dir, store, 'every.db', EVERY);
    const cut = await searchOn(dir, store, 'cut.db', { ...CUT, termHeads: false });
    await searchOn(dir, store, 'heads.db', { ...CUT, termHeads: HEADS });
    const records: LogRecord[] = [];
    const restarted = await searchOn(dir, store, 'heads.db', { ...CUT, termHeads: HEADS, logger: createRecordingLogger(records) });
    const oneShot = await searchOn(dir, store, 'heads.db', { ...CUT, termHeads: HEADS, oneShot: true });
    const msgs = records.map((r) => r.msg);
    expect(msgs).toContain('term heads loaded from the index file');
    expect(msgs).not.toContain('term heads computed');
    let differ = 0;
    for (const q of QUERIES) {
      const want = await pageOf(every, q);
      expect(await pageOf(restarted, q), q.text).toEqual(want);
      expect(await pageOf(oneShot, q), q.text).toEqual(want);
      if ((await pageOf(cut, q)).ids.join() !== want.ids.join()) differ++;
    }
    expect(differ).toBeGreaterThan(0);
    // New papers: the stored heads are of another state now; the one-shot search cuts (it never
    // computes), the same pages as the search without heads.
    await store.ingest({ source: 'hf-api', papers: papers.slice(350) });
    let cutNow = 0;
    for (const q of QUERIES) {
      const [got, cutPage, want] = [await pageOf(oneShot, q), await pageOf(cut, q), await pageOf(every, q)];
      expect(got, q.text).toEqual(cutPage);
      if (cutPage.ids.join() !== want.ids.join()) cutNow++;
    }
    expect(cutNow).toBeGreaterThan(0);
  });

  it('stored heads read back as computed, one at a time or all; of other settings, another state or damaged, they are not read', async () => {
    const { dir, store } = await storeWith(corpus(120));
    await searchOn(dir, store, 'search.db', { termHeads: false });
    const db = new Database(join(dir, 'search.db'));
    try {
      const spec = { weights: DEFAULT_WEIGHTS, minDf: 5, size: 10 };
      const heads = computeTermHeads(db, spec);
      expect(heads.heads.size).toBeGreaterThan(3);
      storeHeads(db, heads, spec);
      const view = readStoredHeads(db, heads.state, spec)!;
      expect([view.state, view.minDf, view.size]).toEqual([heads.state, heads.minDf, heads.size]);
      for (const [word, term] of heads.termOf) expect(view.termOf.get(word), word).toBe(term);
      for (const [term, head] of heads.heads) expect(view.heads.get(term), term).toEqual(head);
      expect(view.termOf.get('wombat')).toBeUndefined();
      expect(readAllStoredHeads(db, heads.state, spec)).toEqual(heads);
      expect(readStoredHeads(db, heads.state, { ...spec, size: 11 })).toBeUndefined();
      expect(readStoredHeads(db, `${heads.state}x`, spec)).toBeUndefined();

      // Read one head, then the bot stores those of another state: this view gives no more.
      const [first, second] = [...heads.heads.keys()] as [string, string];
      const early = readStoredHeads(db, heads.state, spec)!;
      expect(early.heads.get(first)).toEqual(heads.heads.get(first));
      storeHeads(db, { ...heads, state: `${heads.state}-later` }, spec);
      expect(early.heads.get(first)).toEqual(heads.heads.get(first));
      expect(early.heads.get(second)).toBeUndefined();
      expect(readStoredHeads(db, heads.state, spec)).toBeUndefined();
      storeHeads(db, heads, spec);

      // A damaged head reads as none; the others still read.
      db.prepare('UPDATE term_head_terms SET scores = ? WHERE term = ?').run(Buffer.from('short'), first);
      expect(readStoredHeads(db, heads.state, spec)!.heads.get(first)).toBeUndefined();
      expect(readStoredHeads(db, heads.state, spec)!.heads.get(second)).toEqual(heads.heads.get(second));
      expect(readAllStoredHeads(db, heads.state, spec)!.heads.has(first)).toBe(false);
      db.prepare('UPDATE term_heads SET data = ?').run(Buffer.from('not json'));
      expect(readStoredHeads(db, heads.state, spec)).toBeUndefined();
      expect(readAllStoredHeads(db, heads.state, spec)).toBeUndefined();
    } finally {
      db.close();
    }
  });

  /** Seven of the common words, and each pair of them: broad topics of one word and of two. */
  const BROAD_WORDS = ['diffusion', 'reasoning', 'video', 'agents', 'language', 'benchmark', 'training'];
  const BROAD_TOPICS = [...BROAD_WORDS, ...BROAD_WORDS.flatMap((a, i) => BROAD_WORDS.slice(i + 1).map((b) => `${a} ${b}`))];

  /** Pages 1 and 2, and a filter. */
  const PAGE_FORMS: Array<Partial<SearchQuery>> = [{}, { page: 2 }, { hasCode: true }];

  /**
   * Broad topics on pages 1 and 2 and with a filter, in three searches of the same papers: `every`
   * (every match ranked), `proving` (the heads prove pages over the whole archive) and `shardOnly`
   * (never tried: the shard of the newest 100 papers). Each page `proving` proves is `every`'s,
   * with its count; each other page is the shard's, and says so. Counts the pages ranked in the
   * shard, those where the shard's page differs from `every`'s, and those proved.
   */
  async function broadPages(papers: Paper[], minAllWordsHits: number, topics: string[], o: Partial<PaperSearchOptions> = {}, forms = PAGE_FORMS) {
    const { dir, store } = await storeWith(papers);
    // Every topic of common words broad: over 50 postings. The heads prove pages (no topic
    // scored whole for being expected to match few papers) unless `o` says otherwise.
    const BROAD = { ...CUT, recentDocs: 100, broadPostings: 50, minAllWordsHits, termHeads: HEADS, scoreEveryMatch: 0, ...o };
    const every = await searchOn(dir, store, 'every.db', { ...EVERY, minAllWordsHits });
    const proving = await searchOn(dir, store, 'proving.db', BROAD);
    const shardOnly = await searchOn(dir, store, 'shard.db', { ...BROAD, provedPostings: 0, scoredPostings: 0 });
    const n = { inShard: 0, shardDiffers: 0, proved: 0, totals: [] as number[] };
    for (const text of topics) {
      for (const form of forms) {
        const q: SearchQuery = { text, limit: 5, ...form };
        const want = await pageOf(every, q);
        const inShard = await shardOnly.search(q);
        // A topic with too few papers of every word among the newest, or too few postings, is not ranked in the shard.
        if (inShard.newestOnly === undefined) continue;
        expect(inShard.newestOnly, text).toBe(100);
        n.inShard++;
        if (!q.hasCode) n.totals.push(want.total);
        if (inShard.hits.map((h) => h.paper.id).join() !== want.ids.join()) n.shardDiffers++;
        const r = await proving.search(q);
        const got = { ids: r.hits.map((h) => h.paper.id), total: r.total };
        if (r.newestOnly === undefined) {
          expect(got, JSON.stringify(q)).toEqual(want);
          n.proved++;
        } else expect(got, JSON.stringify(q)).toEqual({ ids: inShard.hits.map((h) => h.paper.id), total: inShard.total });
      }
    }
    return n;
  }

  it('a broad topic is ranked over the whole archive when its heads prove the page, among the newest papers otherwise', async () => {
    // 3 papers with every word are enough to list only those.
    const topics = BROAD_TOPICS;
    const n = await broadPages(corpus(), 3, topics);
    // The shard alone gives other pages for most of these topics; the heads prove most of them.
    expect(n.inShard).toBeGreaterThan(topics.length);
    expect(n.shardDiffers).toBeGreaterThan(n.inShard / 2);
    expect(n.proved).toBeGreaterThan(n.inShard / 2);
  });

  it('a broad topic with too few papers of every word: its page of some words is ranked over the whole archive when the heads prove it', async () => {
    // Common words in about a tenth of the papers: few enough to rank a topic by (evaluate.ts,
    // COMMON_SHARE). 20 papers with every word needed, so that a common word with a rare one (a
    // dozen papers) has too few, and the papers with some of the words follow them.
    const topics = ['diffusion', 'reasoning', 'video', 'agents'].flatMap((c) => RARE.slice(0, 4).map((r) => `${c} ${r}`));
    const n = await broadPages(corpus(400, 3, COMMON, 0.03), 20, topics);
    for (const total of n.totals) expect(total).toBeGreaterThan(20);
    expect(n.inShard).toBeGreaterThan(topics.length * 2);
    expect(n.shardDiffers).toBeGreaterThan(n.inShard / 2);
    expect(n.proved).toBeGreaterThan(n.inShard / 2);
  });

  it('a common number has a head too (numbers are not index words): a topic with one is proved', async () => {
    const { dir, store } = await storeWith(corpus(800, 3, [...COMMON, '4']));
    const every = await searchOn(dir, store, 'every.db', EVERY);
    const cut = await searchOn(dir, store, 'cut.db', { ...CUT, termHeads: false });
    const heads = await searchOn(dir, store, 'heads.db', { ...CUT, termHeads: HEADS });
    const db = new Database(join(dir, 'heads.db'));
    try {
      const h = computeTermHeads(db, { weights: DEFAULT_WEIGHTS, ...HEADS });
      expect(h.termOf.get('4')).toBe('4');
      const direct = db
        .prepare("SELECT rowid FROM fts WHERE fts MATCH '\"4\"' ORDER BY bm25(fts, 3, 1, 1, 2), rowid DESC LIMIT ?")
        .pluck()
        .all(HEADS.size);
      expect([...h.heads.get('4')!.rowids]).toEqual(direct);
    } finally {
      db.close();
    }
    let cutDiffers = 0;
    // (A number alone finds nothing: it is not a word of the vocabulary, so it reads as unknown.)
    for (const text of ['video 4', 'diffusion 4', 'gpt-4 reasoning', 'agents 4 training']) {
      const q = { text, limit: 5 };
      const want = await pageOf(every, q);
      expect(want.total, text).toBeGreaterThan(CUT.chatRanked);
      expect(await pageOf(heads, q), text).toEqual(want);
      if ((await pageOf(cut, q)).ids.join() !== want.ids.join()) cutDiffers++;
    }
    expect(cutDiffers).toBeGreaterThan(1);
  });

  it('a broad topic expected to match few papers has every match scored: the page and count of ranking every match, where the heads cannot prove it', async () => {
    // One word too: its second page is deeper than its head.
    const topics = BROAD_TOPICS;
    // Heads of 8 papers: too small to prove most pages.
    const small = { termHeads: { minDf: 20, size: 8 } };
    const headsOnly = await broadPages(corpus(), 3, topics, small);
    expect(headsOnly.inShard).toBeGreaterThan(topics.length);
    expect(headsOnly.proved).toBeLessThan(headsOnly.inShard / 2);
    // Every topic here expects fewer than 1,000 papers (its shard count times 4): all scored.
    const scored = await broadPages(corpus(), 3, topics, { ...small, scoreEveryMatch: 1000 });
    expect(scored.shardDiffers).toBeGreaterThan(scored.inShard / 2);
    expect(scored.proved).toBe(scored.inShard);
    // Not with a date filter: the newest papers are then no sample of the archive's.
    const dated = await broadPages(corpus(), 3, topics, { ...small, scoreEveryMatch: 1000 }, [{ since: '2025-03-01' }]);
    expect(dated.inShard).toBeGreaterThan(topics.length / 2);
    expect(dated.proved).toBeLessThan(dated.inShard);
  });

  it('a broad topic whose phrases hold more postings than allowed is not tried over the archive (proved from the heads or scored whole)', async () => {
    const { dir, store } = await storeWith(corpus());
    // Proved from the heads (within provedPostings), or every match scored (within scoredPostings).
    for (const [scoreEveryMatch, allowance] of [[0, 'provedPostings'], [1000, 'scoredPostings']] as const) {
      const BROAD = { ...CUT, recentDocs: 100, broadPostings: 50, minAllWordsHits: 3, termHeads: HEADS, scoreEveryMatch };
      const full = await searchOn(dir, store, `full-${allowance}.db`, BROAD);
      const q = { text: 'diffusion video', limit: 5 };
      expect((await full.search(q)).newestOnly).toBeUndefined();
      const [d, v] = [(await full.search({ text: 'diffusion', limit: 1 })).total, (await full.search({ text: 'video', limit: 1 })).total];
      // Each word alone is within the allowance; both together are not.
      const capped = await searchOn(dir, store, `capped-${allowance}.db`, { ...BROAD, [allowance]: Math.max(d, v) });
      expect((await capped.search({ text: 'video', limit: 5 })).newestOnly).toBeUndefined();
      expect((await capped.search(q)).newestOnly, allowance).toBe(100);
      const justEnough = await searchOn(dir, store, `enough-${allowance}.db`, { ...BROAD, [allowance]: d + v });
      expect((await justEnough.search(q)).newestOnly, allowance).toBeUndefined();
    }
  });

  it('one common term with filters: the page from its head when the head proves it, the page of ranking every match always', async () => {
    const { dir, store } = await storeWith(corpus());
    await searchOn(dir, store, 'search.db', { termHeads: false });
    const db = new Database(join(dir, 'search.db'));
    try {
      const heads = computeTermHeads(db, { weights: DEFAULT_WEIGHTS, ...HEADS });
      // Every match ranked, no heads: the reference.
      const every = createRanker(db, DEFAULT_WEIGHTS, 'fts', 1e12);
      const filters: Filters[] = [
        { hasCode: true },
        { minUpvotes: 25 },
        { since: '2025-02-01', until: '2025-03-15' },
        { since: '2025-03-01', hasCode: true, minUpvotes: 10 },
        // Too few of a head's papers pass: ranked as before.
        { since: '2025-04-01', until: '2025-04-03', hasCode: true, minUpvotes: 40 },
      ];
      let fromHead = 0;
      let ranked = 0;
      for (const word of ['diffusion', 'reasoning', 'video', 'agents', 'benchmark', 'training', 'model']) {
        for (const f of filters) {
          for (const offset of [0, 5, 15]) {
            // A ranker of its own each time, recording what it prepares: bm25 only when it ranks.
            const { db: recording, prepared } = recordingPrepares(db);
            // A few matches counted: no cut, so only the head can spare the ranking.
            const got = createRanker(recording, DEFAULT_WEIGHTS, 'fts', 1e12, () => heads).rank(`"${word}"`, f, 5, offset, { matched: 1 });
            expect(got, `${word} ${JSON.stringify(f)} ${offset}`).toEqual(every.rank(`"${word}"`, f, 5, offset));
            if (prepared.some((sql) => sql.includes('bm25'))) ranked++;
            else fromHead++;
          }
        }
      }
      expect(fromHead).toBeGreaterThan(filters.length * 7 * 3 * 0.5);
      expect(ranked).toBeGreaterThan(0);
    } finally {
      db.close();
    }
  });

  it('reads the phrases of a match expression as the planner quoted them', () => {
    expect(phrasesOf('("model" OR "models") AND "say ""hi"""')).toEqual(['model', 'models', 'say "hi"']);
    expect(phrasesOf('{title} : ("a" AND "b") NOT "c"')).toEqual(['a', 'b', 'c']);
  });
});

