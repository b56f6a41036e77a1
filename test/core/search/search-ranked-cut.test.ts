import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/core/logger.js';
import type { Paper } from '../../../src/core/paper.js';
import { createPaperSearch, type PaperSearchOptions } from '../../../src/core/search/create-paper-search.js';
import type { PaperSearch } from '../../../src/core/search/ports.js';
import { openDatabase } from '../../../src/core/store/sqlite/open.js';
import { createSqlitePaperStore } from '../../../src/core/store/sqlite/paper-store.js';
import { useTempDirs } from '../../helpers/temp-dir.js';
import { paper } from './search-env.js';

const tempDir = useTempDirs();
const open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const x of open.splice(0).reverse()) await x.close();
});

/**
 * 30 papers about wombats, oldest first, after 30 older ones about koalas (a word in every paper
 * weighs nothing in bm25, so wombats must not be everywhere). Paper 0, the oldest wombat paper, is
 * the most about wombats (bm25's best) and the only one about wombat burrows.
 */
function koalas(): Paper[] {
  return Array.from({ length: 30 }, (_, n) =>
    paper({ id: `2501.${String(n).padStart(5, '0')}`, title: `Koala census ${n}`, abstract: `Koalas counted at site ${n} in eucalyptus forests.` }),
  );
}

function wombats(): Paper[] {
  return Array.from({ length: 30 }, (_, n) => {
    const id = `2502.${String(n).padStart(5, '0')}`;
    return paper({
      id,
      arxivId: id,
      title: n === 0 ? 'Wombat wombat wombat: the wombat burrows' : `Field note ${n} on marsupials`,
      abstract: `We observed one wombat at site ${n} during a survey of grassland habitats and weather.`,
    });
  });
}

async function env(opts: Partial<PaperSearchOptions>) {
  const dir = tempDir();
  const store = createSqlitePaperStore(openDatabase(join(dir, 'papers.db')));
  open.push(store);
  // One ingest per paper: index row order is paper order, so "newest" means the highest numbers.
  for (const p of [...koalas(), ...wombats()]) await store.ingest({ source: 'hf-api', digestDate: '2025-02-01', papers: [p] });
  // No shard of the newest papers here, and a cut page is not ranked again over every match
  // (unless a test asks): only the ranking cut is under test.
  const search = await createPaperSearch({ dataDir: dir, store, logger: silentLogger, broadPostings: 1_000_000, exactShare: 0, ...opts });
  open.push(search);
  return search;
}
const ids = async (s: PaperSearch, text: string) => (await s.search({ text, limit: 25 })).hits.map((h) => h.paper.id);
const numberOf = (id: string) => {
  expect(id.startsWith('2502.')).toBe(true);
  return Number(id.slice(5));
};

describe('a chat topic ranks only its newest matches past the chat cut', () => {
  it('with the default cut, 30 matches are all ranked: the oldest paper, the best match, is first', async () => {
    const s = await env({});
    const found = await ids(s, 'wombat');
    expect(found).toHaveLength(25);
    expect(numberOf(found[0]!)).toBe(0);
  });

  it('with a cut of 10, only the newest 10 are ranked, but the total still counts all 30', async () => {
    const s = await env({ chatRanked: 10 });
    const r = await s.search({ text: 'wombat', limit: 25 });
    expect(r.total).toBe(30);
    expect(r.hits.map((h) => numberOf(h.paper.id)).sort((a, b) => a - b)).toEqual(Array.from({ length: 10 }, (_, i) => 20 + i));
  });

  it('papers with every word of the topic are listed first even when older than the cut', async () => {
    const s = await env({ chatRanked: 10, minAllWordsHits: 5 });
    const found = await ids(s, 'wombat burrows');
    expect(numberOf(found[0]!)).toBe(0);
    expect(found.slice(1).map(numberOf).every((n) => n >= 20)).toBe(true);
  });

  it('a description (more than five words) is not held to the chat cut', async () => {
    const s = await env({ chatRanked: 10 });
    const found = await ids(s, 'how many wombat papers describe wombat behaviour in wombat habitats');
    expect(numberOf(found[0]!)).toBe(0);
  });
});

describe('a cut page is ranked again over every match when its words hold few postings (exactShare)', () => {
  // "wombat" is in 30 of the 60 papers: 30 postings, half a posting per paper. No term heads, except
  // where a test says: with them, a page of words in this few papers is proved from them anyway.
  it('at or under the limit: the page and count of ranking every match, and no cut named', async () => {
    const s = await env({ chatRanked: 10, exactShare: 0.5, termHeads: false });
    const r = await s.search({ text: 'wombat', limit: 5 });
    const every = await s.search({ text: 'wombat', limit: 5, everyMatch: true });
    expect(r.newestRanked).toBeUndefined();
    expect(r.newestOnly).toBeUndefined();
    expect(r.total).toBe(30);
    // Paper 0, the oldest and the best match, is outside the newest 10 the cut ranks.
    expect(numberOf(r.hits[0]!.paper.id)).toBe(0);
    expect(r.hits.map((h) => h.paper.id)).toEqual(every.hits.map((h) => h.paper.id));
  });

  it('over the limit: the cut page, which names the cut', async () => {
    const s = await env({ chatRanked: 10, exactShare: 0.48, termHeads: false });
    const r = await s.search({ text: 'wombat', limit: 5 });
    expect(r.newestRanked).toBe(10);
    expect(r.hits.map((h) => numberOf(h.paper.id)).every((n) => n >= 20)).toBe(true);
  });

  it('not while the term heads are not computed for the index as it is: the cut answers, as before them', async () => {
    // A one-shot command uses the heads a bot stored in the index file for its state: none here.
    const waiting = await env({ chatRanked: 10, exactShare: 1_000, oneShot: true });
    expect((await waiting.search({ text: 'wombat', limit: 5 })).newestRanked).toBe(10);
    // With heads off there is nothing to wait for: ranked again at once.
    const noHeads = await env({ chatRanked: 10, exactShare: 1_000, termHeads: false });
    const exact = await noHeads.search({ text: 'wombat', limit: 5 });
    expect(exact.newestRanked).toBeUndefined();
    expect(numberOf(exact.hits[0]!.paper.id)).toBe(0);
  });

  it('a burst of such searches: each page is every match ranked or names its cut, and none fails', async () => {
    const s = await env({ chatRanked: 10, exactShare: 1_000, termHeads: false });
    const every = (await s.search({ text: 'wombat', limit: 5, everyMatch: true })).hits.map((h) => h.paper.id);
    // More at once than the every-match thread takes (MAX_EVERY_MATCH): those refused keep their cut page.
    const results = await Promise.all(Array.from({ length: 12 }, () => s.search({ text: 'wombat', limit: 5 })));
    for (const r of results) {
      if (r.newestRanked === undefined) expect(r.hits.map((h) => h.paper.id)).toEqual(every);
      else expect(r.newestRanked).toBe(10);
      expect(r.total).toBe(30);
    }
  });
});
