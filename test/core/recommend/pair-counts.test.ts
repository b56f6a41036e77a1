import { describe, expect, it } from 'vitest';
import { PairCounts } from '../../../src/core/recommend/pair-counts.js';
import { paperTokens } from '../../../src/core/recommend/terms.js';
import { TfidfCounter, type TfidfOptions } from '../../../src/core/recommend/tfidf.js';
import { seededRandom } from '../../../src/core/seeded-random.js';
import { topicPapers } from './topic-papers.js';

describe('PairCounts (word-pair document frequencies in typed arrays)', () => {
  it('counts as a Map does, through growth and forgetting', () => {
    const rand = seededRandom(11);
    const c = new PairCounts(16);
    const ref = new Map<number, number>();
    for (let i = 0; i < 20_000; i++) {
      const k = 1 + Math.floor(rand() ** 2 * 5000) * 2 ** 21 + Math.floor(rand() * 7);
      c.increment(k);
      ref.set(k, (ref.get(k) ?? 0) + 1);
    }
    expect(c.size).toBe(ref.size);
    for (const [k, n] of ref) expect(c.get(k)).toBe(n);
    c.prune(3);
    for (const [k, n] of ref) if (n < 3) ref.delete(k);
    expect(new Map(c.entries())).toEqual(ref);
    expect(c.get(12345)).toBe(0);
  });

  it('the counter chooses the vocabulary a plain Map count with the same forgetting chooses', () => {
    const opts: TfidfOptions = { minDf: 2, maxDf: 0.5, maxFeatures: 100_000, bigrams: true };
    const docs = topicPapers(60).map(paperTokens);
    // Forget pairs seen once whenever more than 300 are held: most documents trigger it.
    const counter = new TfidfCounter(opts, 300);
    const seqs = docs.map((d) => counter.add(d));
    const pairs = new Map<number, number>();
    for (const seq of seqs) {
      const seen = new Set<number>();
      for (let j = 0; j + 1 < seq.length; j++) {
        if (seq[j]! < 0 || seq[j + 1]! < 0) continue;
        const k = (seq[j]! + 1) * 2 ** 21 + seq[j + 1]!;
        if (!seen.has(k)) pairs.set(k, (pairs.get(k) ?? 0) + 1);
        seen.add(k);
      }
      if (pairs.size > 300) for (const [k, n] of pairs) if (n === 1) pairs.delete(k);
    }
    const vocab = counter.vocabulary();
    const chosenPairs = [...vocab.features.keys()].filter((k) => k >= 2 ** 21).sort((a, b) => a - b);
    const expected = [...pairs].filter(([, n]) => n >= opts.minDf && n <= opts.maxDf * docs.length).map(([k]) => k);
    expect(chosenPairs.length).toBeGreaterThan(10);
    // No feature ceiling here: every pair within the document-frequency bounds is chosen.
    expect(chosenPairs).toEqual(expected.sort((a, b) => a - b));
  });
});
