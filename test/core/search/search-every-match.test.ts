import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/core/logger.js';
import type { Paper } from '../../../src/core/paper.js';
import { createPaperSearch, type PaperSearchOptions } from '../../../src/core/search/create-paper-search.js';
import type { SearchQuery, SearchResult } from '../../../src/core/search/ports.js';
import { openDatabase } from '../../../src/core/store/sqlite/open.js';
import { createSqlitePaperStore } from '../../../src/core/store/sqlite/paper-store.js';
import type { PaperStore } from '../../../src/core/store/ports.js';
import { useTempDirs } from '../../helpers/temp-dir.js';
import { randomWordPapers } from './search-env.js';

const tempDir = useTempDirs();
const open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const x of open.splice(0).reverse()) await x.close();
});

// Words of falling frequency: the first ones are in most papers (broad topics), the last in a few.
const WORDS = ['model', 'learning', 'reasoning', 'vision', 'agent', 'planning', 'memory', 'reward', 'graph', 'kernel', 'quasar', 'glacier'];

/** 240 papers of random words (a fixed seed), in 12 digests, oldest first; some words said twice. */
function corpus(): Paper[][] {
  const papers = randomWordPapers({ seed: 11, n: 240, words: WORDS, chance: (i) => 0.85 - i * 0.07, fillerMax: 10, codeEvery: 4 });
  return Array.from({ length: 12 }, (_, d) => papers.slice(d * 20, d * 20 + 20));
}

/**
 * Small cuts, so that 240 papers behave like an archive: a shard of the newest 40, topics over 60
 * postings are broad, at most 15 matches ranked, heads of 8 papers for words in over 30.
 */
const CUT: Partial<PaperSearchOptions> = { recentDocs: 40, broadPostings: 60, minAllWordsHits: 5, chatRanked: 15, maxRanked: 15, termHeads: { minDf: 30, size: 8 }, exactShare: 0 };
/** No cut anywhere: every match ranked by bm25 over the whole index (what bench:search compares with). */
const UNCUT: Partial<PaperSearchOptions> = { minAllWordsHits: 5, chatRanked: 1e12, maxRanked: 1e12, broadPostings: 1e15, termHeads: false };

async function env() {
  const dir = tempDir();
  const store: PaperStore = createSqlitePaperStore(openDatabase(join(dir, 'papers.db')));
  open.push(store);
  for (const [d, papers] of corpus().entries()) {
    await store.ingest({ source: 'hf-api', digestDate: `2025-01-${String(d + 1).padStart(2, '0')}`, papers });
  }
  const make = async (name: string, opts: Partial<PaperSearchOptions>) => {
    const s = await createPaperSearch({ dataDir: dir, fileName: `${name}.db`, store, logger: silentLogger, ...opts });
    open.push(s);
    await s.settled?.();
    return s;
  };
  return { cut: await make('cut', CUT), uncut: await make('uncut', UNCUT) };
}

const page = (r: SearchResult) => ({ ids: r.hits.map((h) => h.paper.id), total: r.total });

/** Chat topics of one to three words, half-typed words, a typo, and descriptions (re-scored). */
const QUERIES = [
  ...WORDS,
  ...WORDS.flatMap((a, i) => WORDS.slice(i + 1, i + 4).map((b) => `${a} ${b}`)),
  ...WORDS.slice(0, 8).map((a, i) => `${a} ${WORDS[i + 1]} ${WORDS[i + 3]}`),
  'model lea',
  'reasoning vis',
  'modle learning',
  'model learning reasoning vision agent planning',
  'reasoning vision agent planning memory reward graph',
  'model learning memory reward graph kernel quasar glacier',
];
const QUERY_FORMS: Array<Omit<SearchQuery, 'text'>> = [{ limit: 5 }, { limit: 5, page: 2 }, { limit: 3, page: 3 }, { limit: 5, hasCode: true }];

describe('every match ranked on request (SearchQuery.everyMatch)', () => {
  it('answers what ranking every match over the whole index answers, page for page, and never says it cut', async () => {
    const { cut, uncut } = await env();
    for (const text of QUERIES) {
      for (const form of QUERY_FORMS) {
        const q = { text, ...form };
        const every = await cut.search({ ...q, everyMatch: true });
        const want = await uncut.search(q);
        expect(page(every), `${text} ${JSON.stringify(form)}`).toEqual(page(want));
        expect(every.newestOnly, text).toBeUndefined();
        expect(every.newestRanked, text).toBeUndefined();
      }
    }
  });

  it('a search that ranks fewer than every match says so: a page unlike the full ranking is always flagged', async () => {
    const { cut, uncut } = await env();
    let differing = 0;
    let shard = 0;
    let newest = 0;
    for (const text of QUERIES) {
      for (const form of QUERY_FORMS) {
        const q = { text, ...form };
        const got = await cut.search(q);
        const want = await uncut.search(q);
        if (got.newestOnly) shard++;
        if (got.newestRanked) newest++;
        // Each cut is named with its size: the shard's papers, the chat ranking's matches.
        expect(got.newestOnly ?? 40, text).toBe(40);
        expect(got.newestRanked ?? 15, text).toBe(15);
        if (JSON.stringify(page(got)) === JSON.stringify(page(want))) continue;
        differing++;
        expect(got.newestOnly ?? got.newestRanked, `${text} ${JSON.stringify(form)}`).toBeGreaterThan(0);
      }
    }
    // The cuts did cut here: both kinds are met, and some pages differ from the full ranking.
    expect(differing).toBeGreaterThan(0);
    expect(shard).toBeGreaterThan(0);
    expect(newest).toBeGreaterThan(0);
  });

  it('similar: the same, ranking every paper sharing its words on request, and flagging a cut page', async () => {
    const { cut, uncut } = await env();
    let flagged = 0;
    for (let n = 0; n < 240; n += 17) {
      const id = `2501.${String(n).padStart(5, '0')}`;
      for (const o of [{ limit: 5 }, { limit: 5, page: 2 }, { limit: 3, page: 4 }]) {
        const want = await uncut.similar(id, o);
        const every = await cut.similar(id, { ...o, everyMatch: true });
        expect(page(every), `${id} ${JSON.stringify(o)}`).toEqual(page(want));
        expect(every.newestRanked).toBeUndefined();
        const got = await cut.similar(id, o);
        if (got.newestRanked) flagged++;
        expect(got.newestRanked ?? 15).toBe(15);
        if (JSON.stringify(page(got)) !== JSON.stringify(page(want))) expect(got.newestRanked, `${id} ${JSON.stringify(o)}`).toBe(15);
      }
    }
    expect(flagged).toBeGreaterThan(0);
  });
});
