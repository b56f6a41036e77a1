import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_RERANK, readFieldStats, rerank, type RerankTerm } from '../../../src/core/search/rerank.js';
import { createSearchDb } from '../../../src/core/search/search-db.js';
import { stem } from '../../../src/core/search/text.js';

const term = (words: string[], df: number): RerankTerm => ({ stems: new Set(words.map(stem)), df });
const stats = { docs: 1000, avgTitle: 8, avgAbstract: 100 };
const filler = (n: number) => Array.from({ length: n }, (_, i) => `filler${i % 7}`).join(' ');

describe('BM25F re-ranker', () => {
  it('puts the paper with the rare words (in any inflection) first, ahead of the one with only common ones', () => {
    const docs = [
      { rowid: 1, title: 'A study of cells', abstract: `cells cells ${filler(60)}` },
      { rowid: 2, title: 'Telomerase in stem cells', abstract: `Telomeres shorten; telomerase ${filler(60)}` },
      { rowid: 3, title: 'Unrelated', abstract: filler(60) },
    ];
    const terms = [term(['telomerase'], 5), term(['cell'], 400)];
    const out = rerank(docs, terms, stats, DEFAULT_RERANK);
    expect(out.map((r) => r.rowid)).toEqual([2, 1, 3]);
    expect(out[2]!.score).toBe(0);
  });

  it('uses its title weight: a title match beats the same match in the abstract only when weighted', () => {
    const docs = [
      { rowid: 1, title: 'Other things', abstract: `apoptosis apoptosis ${filler(40)}` },
      { rowid: 2, title: 'Apoptosis', abstract: filler(42) },
    ];
    const terms = [term(['apoptosis'], 10)];
    expect(rerank(docs, terms, stats, { ...DEFAULT_RERANK, titleWeight: 1 })[0]!.rowid).toBe(1);
    expect(rerank(docs, terms, stats, { ...DEFAULT_RERANK, titleWeight: 5 })[0]!.rowid).toBe(2);
  });

  it('uses its b: with full length normalisation a short abstract beats a long one with more matches', () => {
    const docs = [
      { rowid: 1, title: 'x', abstract: `insulin insulin ${filler(400)}` },
      { rowid: 2, title: 'y', abstract: `insulin ${filler(20)}` },
    ];
    const terms = [term(['insulin'], 10)];
    expect(rerank(docs, terms, stats, { ...DEFAULT_RERANK, bAbstract: 0 })[0]!.rowid).toBe(1);
    expect(rerank(docs, terms, stats, { ...DEFAULT_RERANK, bAbstract: 1 })[0]!.rowid).toBe(2);
  });

  it('uses its k1: a small k1 saturates repeats, so two distinct words beat one word repeated', () => {
    const docs = [
      { rowid: 1, title: 'x', abstract: `gene gene gene gene gene gene ${filler(50)}` },
      { rowid: 2, title: 'y', abstract: `gene mutation ${filler(54)}` },
    ];
    const terms = [term(['gene'], 10), term(['mutation'], 60)];
    expect(rerank(docs, terms, stats, { ...DEFAULT_RERANK, k1: 0.2 })[0]!.rowid).toBe(2);
    expect(rerank(docs, terms, stats, { ...DEFAULT_RERANK, k1: 50 })[0]!.rowid).toBe(1);
  });

  it('keeps the given order on ties', () => {
    const docs = [3, 1, 2].map((rowid) => ({ rowid, title: 'same', abstract: 'same words' }));
    expect(rerank(docs, [term(['words'], 3)], stats, DEFAULT_RERANK).map((r) => r.rowid)).toEqual([3, 1, 2]);
  });

  it("reads FTS5's row count and column token totals from its averages record", () => {
    const dir = mkdtempSync(join(tmpdir(), 'papers-'));
    try {
      const db = createSearchDb(join(dir, 'search.db'));
      const ins = db.prepare('INSERT INTO fts (rowid, title, abstract, authors, keywords) VALUES (?, ?, ?, ?, ?)');
      ins.run(1, 'two words', 'one two three four', '', '');
      ins.run(2, 'three more words', `${filler(200)}`, 'A B', '');
      expect(readFieldStats(db)).toEqual({ docs: 2, avgTitle: 2.5, avgAbstract: 102 });
      db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
