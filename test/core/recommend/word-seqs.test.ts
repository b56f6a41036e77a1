import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../src/core/seeded-random.js';
import { WordSeqs } from '../../../src/core/recommend/word-seqs.js';

describe('WordSeqs (word-id sequences kept as variable-length bytes)', () => {
  it('gives back every sequence as pushed: breaks, small and large ids, empty ones', () => {
    const rand = seededRandom(7);
    const seqs = Array.from({ length: 3000 }, (_, i) =>
      Int32Array.from({ length: i % 50 === 0 ? 0 : 1 + Math.floor(rand() * 200) }, () => (rand() < 0.1 ? -1 : Math.floor(rand() ** 3 * 2 ** (rand() < 0.01 ? 30 : 20)))),
    );
    seqs[1]![0] = 2 ** 31 - 2;
    const s = new WordSeqs();
    for (const q of seqs) s.push(q);
    expect(s.size).toBe(seqs.length);
    for (let i = seqs.length - 1; i >= 0; i--) expect(Array.from(s.get(i))).toEqual(Array.from(seqs[i]!));
    // The view ends at the sequence's end, as an exact array does (vectorizing reads one past the last).
    expect(s.get(2)[s.get(2).length]).toBeUndefined();
  });
});
