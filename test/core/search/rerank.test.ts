import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFieldStats } from '../../../src/core/search/index-reads.js';
import { DEFAULT_RERANK, rerank, type RerankTerm } from '../../../src/core/search/rerank.js';
import { createSearchDb } from '../../../src/core/search/search-db.js';
import { stem } from '../../../src/core/search/text.js';

const term = (words: string[], df: number): RerankTerm => ({ stems: new Set(words.map(stem)), df });
const stats = { docs: 1000, avgTitle: 8, avgAbstract: 100 };
const filler = (n: number) => Array.from({ length: n }, (_, i) => `filler${i % 7}`).join(' ');
/** BM25F alone: the tests of its parameters must not move with the passage, proximity or variant terms. */
const PLAIN = { ...DEFAULT_RERANK, passage: 0, proximity: 0, variantWeight: 0 };

describe('BM25F re-ranker', () => {
  it('counts a word written in two ("pro-inflammatory", "IL-6") for a query word typed joined', () => {
    const docs = [
      { rowid: 1, title: 'Cytokines', abstract: `pro-inflammatory signals and IL-6 ${filler(40)}` },
      { rowid: 2, title: 'Cytokines', abstract: `pro signals, inflammatory ones, IL and 6 ${filler(40)}` },
    ];
    const joined = { stems: new Set(['proinflammatori', 'pro inflammatory']), df: 5 };
    const code = { stems: new Set(['il6', 'il 6']), df: 5 };
    const out = rerank(docs, [joined, code], stats, PLAIN);
    expect(out.map((r) => r.rowid)).toEqual([1, 2]);
    // The two words apart are not the word: the second paper has neither.
    expect(out[1]!.score).toBe(0);
  });

  it('puts the paper with the rare words (in any inflection) first, ahead of the one with only common ones', () => {
    const docs = [
      { rowid: 1, title: 'A study of cells', abstract: `cells cells ${filler(60)}` },
      { rowid: 2, title: 'Telomerase in stem cells', abstract: `Telomeres shorten; telomerase ${filler(60)}` },
      { rowid: 3, title: 'Unrelated', abstract: filler(60) },
    ];
    const terms = [term(['telomerase'], 5), term(['cell'], 400)];
    const out = rerank(docs, terms, stats, PLAIN);
    expect(out.map((r) => r.rowid)).toEqual([2, 1, 3]);
    expect(out[2]!.score).toBe(0);
  });

  it('uses its title weight: a title match beats the same match in the abstract only when weighted', () => {
    const docs = [
      { rowid: 1, title: 'Other things', abstract: `apoptosis apoptosis ${filler(40)}` },
      { rowid: 2, title: 'Apoptosis', abstract: filler(42) },
    ];
    const terms = [term(['apoptosis'], 10)];
    expect(rerank(docs, terms, stats, { ...PLAIN, titleWeight: 1 })[0]!.rowid).toBe(1);
    expect(rerank(docs, terms, stats, { ...PLAIN, titleWeight: 5 })[0]!.rowid).toBe(2);
  });

  it('uses its b: with full length normalisation a short abstract beats a long one with more matches', () => {
    const docs = [
      { rowid: 1, title: 'x', abstract: `insulin insulin ${filler(400)}` },
      { rowid: 2, title: 'y', abstract: `insulin ${filler(20)}` },
    ];
    const terms = [term(['insulin'], 10)];
    expect(rerank(docs, terms, stats, { ...PLAIN, bAbstract: 0 })[0]!.rowid).toBe(1);
    expect(rerank(docs, terms, stats, { ...PLAIN, bAbstract: 1 })[0]!.rowid).toBe(2);
  });

  it('uses its k1: a small k1 saturates repeats, so two distinct words beat one word repeated', () => {
    const docs = [
      { rowid: 1, title: 'x', abstract: `gene gene gene gene gene gene ${filler(50)}` },
      { rowid: 2, title: 'y', abstract: `gene mutation ${filler(54)}` },
    ];
    const terms = [term(['gene'], 10), term(['mutation'], 60)];
    expect(rerank(docs, terms, stats, { ...PLAIN, k1: 0.2 })[0]!.rowid).toBe(2);
    expect(rerank(docs, terms, stats, { ...PLAIN, k1: 50 })[0]!.rowid).toBe(1);
  });

  it('keeps the given order on ties', () => {
    const docs = [3, 1, 2].map((rowid) => ({ rowid, title: 'same', abstract: 'same words' }));
    expect(rerank(docs, [term(['words'], 3)], stats, DEFAULT_RERANK).map((r) => r.rowid)).toEqual([3, 1, 2]);
  });

  it('ranks first the paper whose query words sit in one passage, when the passage weight is set', () => {
    // Same words, same counts, same length: only where the words are differs.
    const together = `${filler(40)} insulin resistance hepatic ${filler(80)}`;
    const apart = `insulin ${filler(40)} resistance ${filler(40)} hepatic ${filler(40)}`;
    const docs = [
      { rowid: 1, title: 'x', abstract: apart },
      { rowid: 2, title: 'x', abstract: together },
    ];
    const terms = [term(['insulin'], 30), term(['resistance'], 80), term(['hepatic'], 40)];
    const plain = rerank(docs, terms, stats, PLAIN);
    expect(plain[0]!.score).toBeCloseTo(plain[1]!.score, 9);
    expect(plain[0]!.rowid).toBe(1); // a tie keeps the given order
    const withPassage = rerank(docs, terms, stats, { ...PLAIN, passage: 0.5, passageWords: 15 });
    expect(withPassage[0]!.rowid).toBe(2);
    expect(withPassage[0]!.score).toBeGreaterThan(plain[1]!.score);
  });

  it('ranks first the paper whose query words are near each other, when the proximity weight is set', () => {
    // The two words 4 tokens apart vs 31 apart; counts and lengths equal (passage is off: proximity alone).
    const near = `${filler(20)} telomerase ${filler(3)} senescence ${filler(56)}`;
    const far = `${filler(20)} telomerase ${filler(30)} senescence ${filler(29)}`;
    const docs = [
      { rowid: 1, title: 'x', abstract: far },
      { rowid: 2, title: 'x', abstract: near },
    ];
    const terms = [term(['telomerase'], 5), term(['senescence'], 20)];
    expect(rerank(docs, terms, stats, PLAIN)[0]!.rowid).toBe(1);
    const o = { ...PLAIN, proximity: 0.1, proximityWindow: 8 };
    expect(rerank(docs, terms, stats, o)[0]!.rowid).toBe(2);
    // Outside the window the pair adds nothing.
    expect(rerank([docs[0]!], terms, stats, o)[0]!.score).toBeCloseTo(rerank([docs[0]!], terms, stats, PLAIN)[0]!.score, 9);
  });

  it('does not pair a title word with the first abstract words for proximity', () => {
    const docs = [{ rowid: 1, title: `${filler(5)} telomerase`, abstract: `senescence ${filler(60)}` }];
    const terms = [term(['telomerase'], 5), term(['senescence'], 20)];
    const plain = rerank(docs, terms, stats, PLAIN)[0]!.score;
    expect(rerank(docs, terms, stats, { ...PLAIN, proximity: 1, proximityWindow: 8 })[0]!.score).toBeCloseTo(plain, 9);
  });

  it('counts a word sharing a long prefix of a query stem as part of an occurrence, never a number-like code', () => {
    // "metastatic" stems to "metastat", the query's "metastases" to "metastas": Porter keeps them apart.
    const docs = [
      { rowid: 1, title: 'x', abstract: `metastatic ${filler(60)}` },
      { rowid: 2, title: 'y', abstract: filler(61) },
    ];
    const terms = [term(['metastases'], 30)];
    expect(rerank(docs, terms, stats, PLAIN)[0]!.score).toBe(0);
    const full = rerank([{ rowid: 3, title: 'x', abstract: `metastases ${filler(60)}` }], terms, stats, PLAIN)[0]!.score;
    const out = rerank(docs, terms, stats, { ...PLAIN, variantPrefix: 7, variantWeight: 0.5 });
    expect(out[0]!.rowid).toBe(1);
    expect(out[0]!.score).toBeGreaterThan(0);
    expect(out[0]!.score).toBeLessThan(full);
    // A shorter prefix shared ("metast" of 6 letters) is not enough at 7.
    const other = rerank([{ rowid: 4, title: 'x', abstract: `metastable ${filler(60)}` }], terms, stats, { ...PLAIN, variantPrefix: 7, variantWeight: 0.5 });
    expect(other[0]!.score).toBe(0);
    // Codes keep exact matching: the query's "cd40lig" does not make "cd40ligand" a variant.
    const code = [term(['cd40lig'], 3)];
    const codeDocs = [{ rowid: 5, title: 'x', abstract: `cd40ligand ${filler(60)}` }];
    expect(rerank(codeDocs, code, stats, { ...PLAIN, variantPrefix: 5, variantWeight: 0.5 })[0]!.score).toBe(0);
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
