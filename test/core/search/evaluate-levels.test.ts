import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/core/logger.js';
import { evaluateLevels } from '../../../src/core/search/evaluate.js';
import type { Filters } from '../../../src/core/search/filters.js';
import { groupMatch } from '../../../src/core/search/query-plan.js';
import { createRanker, type Ranker } from '../../../src/core/search/ranker.js';
import { openSearchDb, type SearchDb } from '../../../src/core/search/search-db.js';
import { createPaperSearch } from '../../../src/core/search/create-paper-search.js';
import { openDatabase } from '../../../src/core/store/sqlite/open.js';
import { createSqlitePaperStore } from '../../../src/core/store/sqlite/paper-store.js';
import { useTempDirs } from '../../helpers/temp-dir.js';
import { randomWordPapers } from './search-env.js';

const tempDir = useTempDirs();
const closing: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of closing.splice(0).reverse()) await c();
});

// Words of falling frequency, so that many three-word topics have a handful of all-word papers.
const WORDS = ['lattice', 'photon', 'sparse', 'kernel', 'gauge', 'quasar', 'enzyme', 'tensor', 'glacier', 'vortex'];
const ENOUGH = 20; // the all-words level alone answers from this many papers (MIN_ALL_WORDS_HITS)

/** 300 papers of random words (a fixed seed), each word taken with its own chance, some twice. */
const corpus = () => randomWordPapers({ seed: 7, n: 300, words: WORDS, chance: (i) => 0.5 - i * 0.035, fillerMax: 12, codeEvery: 3 });

async function indexOf(): Promise<SearchDb> {
  const dir = tempDir();
  const store = createSqlitePaperStore(openDatabase(join(dir, 'papers.db')));
  closing.push(() => store.close());
  await store.ingest({ source: 'hf-api', digestDate: '2025-03-01', papers: corpus() });
  const search = await createPaperSearch({ dataDir: dir, store, logger: silentLogger });
  await search.close();
  const opened = openSearchDb(join(dir, 'search.db'));
  if (!('db' in opened)) throw new Error(opened.problem);
  closing.push(() => opened.db.close());
  return opened.db;
}

/** What evaluateLevels answers by ranking each level as written: the all-word papers first, then the rest. */
function byLevels(ranker: Ranker, all: string, any: string, f: Filters, limit: number, offset: number) {
  const allTotal = ranker.count(all, f);
  if (allTotal >= ENOUGH) return { ranked: ranker.rank(all, f, limit, offset, { matched: allTotal }), total: allTotal };
  const total = Math.max(allTotal, ranker.count(any, f));
  return { ranked: ranker.rank(any, f, limit, offset, { matched: total, first: allTotal ? all : undefined }), total };
}

const triples = WORDS.flatMap((a, i) => WORDS.slice(i + 1).flatMap((b, j) => WORDS.slice(i + j + 2).map((c) => [a, b, c])));

describe('a chat topic whose all-word papers fill the page', () => {
  it('gets the page and count of ranking its loosest level with all-word papers first', async () => {
    const ranker = createRanker(await indexOf());
    let filled = 0;
    let partly = 0;
    for (const words of triples) {
      const all = words.map((w) => groupMatch([w])).join(' AND ');
      // As matchLevels writes them: every word; any word; any word but the last (a word too
      // common to make a match alone is left out of the loosest level, and out of its bm25).
      const loosest = [`(${words.map((w) => groupMatch([w])).join(' OR ')})`, `(${words.slice(0, 2).map((w) => groupMatch([w])).join(' OR ')})`];
      for (const any of loosest) {
        for (const f of [{}, { hasCode: true }] as Filters[]) {
          for (const [limit, offset] of [[5, 0], [5, 5], [3, 9]] as const) {
            const allTotal = ranker.count(all, f);
            const expected = byLevels(ranker, all, any, f, limit, offset);
            expect(evaluateLevels(ranker, [all, any], f, limit, offset, ENOUGH), `${all} / ${any} ${JSON.stringify(f)} ${limit}+${offset}`).toEqual(expected);
            if (allTotal < ENOUGH && allTotal >= limit + offset) filled++;
            else if (allTotal < ENOUGH && allTotal > 0) partly++;
          }
        }
      }
    }
    // Both cases are met many times: pages the all-word papers fill, and pages they only begin.
    expect(filled).toBeGreaterThan(50);
    expect(partly).toBeGreaterThan(50);
  });
});
