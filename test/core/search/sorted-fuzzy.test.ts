import fc from 'fast-check';
import SearchableMap from 'minisearch/SearchableMap';
import { describe, expect, it } from 'vitest';
import { fuzzyInSorted } from '../../../src/core/search/sorted-fuzzy.js';
import { byCodePoint } from './code-point-order.js';


function both(list: string[], query: string, maxEdits: number) {
  const sorted = [...new Set(list)].sort(byCodePoint);
  const tree = new SearchableMap<number>();
  sorted.forEach((w, i) => tree.set(w, i));
  const walked: Array<[string, number]> = [];
  fuzzyInSorted(sorted, query, maxEdits, (i, d) => walked.push([sorted[i]!, d]));
  const fromTree = [...tree.fuzzyGet(query, maxEdits)].map(([w, [, d]]) => [w, d] as [string, number]);
  return { walked, fromTree };
}

describe('fuzzyInSorted: minisearch\'s typo search, walked over a sorted list', () => {
  // Letters that share prefixes often, an accent, astral letters (two code units each) and the
  // last BMP letters, so runs are cut inside a surrogate pair too.
  const letter = fc.constantFrom('a', 'b', 'c', 'ab', 'é', '\u{1d6fc}', '\u{1d6fd}', '\u{1f600}', '\uffee', '\uffff');
  const word = fc.array(letter, { minLength: 1, maxLength: 7 }).map((p) => p.join(''));

  it('finds the same words at the same distances, in the same order, as SearchableMap.fuzzyGet', () => {
    fc.assert(
      fc.property(fc.array(word, { maxLength: 120 }), fc.oneof(word, fc.string({ maxLength: 9 })), fc.integer({ min: 0, max: 3 }), (list, query, maxEdits) => {
        const { walked, fromTree } = both(list, query, maxEdits);
        expect(walked).toEqual(fromTree);
      }),
      { numRuns: 1500 },
    );
  });

  it('on real-looking words: one edit, two, and a query near many of them', () => {
    const words = ['diffusion', 'difusion', 'dbfusion', 'fusion', 'diffusions', 'diffuse', 'transformer', 'transfer', 'transformers', 'retrieval', 'retrival', 'merging', 'emerging', 'merino'];
    for (const [q, k] of [['difusion', 1], ['transfomer', 1], ['transfomer', 2], ['retreival', 2], ['mergng', 1], ['xyz', 3]] as const) {
      const { walked, fromTree } = both(words, q, k);
      expect(walked, `${q} ${k}`).toEqual(fromTree);
    }
    expect(both(words, 'difusion', 1).walked.map(([w]) => w)).toEqual(['dbfusion', 'diffusion', 'difusion']);
  });
});
