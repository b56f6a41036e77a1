import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stem } from '../../../src/core/search/text.js';
import { mayStemTo, stemPrefixes } from '../../../src/core/tldr/extract-tldr.js';

/** True when the rule extract-tldr relies on lets `word` through for its own stem. */
const passes = (word: string) => mayStemTo(word, stemPrefixes([stem(word)]));

describe('the stem prefix rule of the TL;DR scorer', () => {
  it('lets every word through for its own stem: all words of up to four letters', () => {
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    const failing: string[] = [];
    const walk = (prefix: string) => {
      if (prefix.length >= 2 && !passes(prefix)) failing.push(prefix);
      if (prefix.length < 4) for (const c of letters) walk(prefix + c);
    };
    walk('');
    expect(failing).toEqual([]);
  });

  it('lets every word through for its own stem: longer words, hyphenated words, other scripts', () => {
    fc.assert(fc.property(fc.stringMatching(/^[a-z]{5,14}$/), passes), { numRuns: 20_000 });
    fc.assert(fc.property(fc.stringMatching(/^[aeiouy][a-z]{2,5}(?:ing|ed|ies|ys|ational|ly)$/), passes), { numRuns: 20_000 });
    for (const w of ['ays', 'aying', 'yield', 'self-attention', 'größe', 'ai', 'cnns']) expect(passes(w), w).toBe(true);
  });

  it('keeps out a word whose first letters no stem starts with', () => {
    const prefixes = stemPrefixes(['transform', 'languag', 'ai']);
    expect(['transformers', 'languages', 'ays', 'aims'].map((w) => mayStemTo(w, prefixes))).toEqual([true, true, true, true]);
    expect(['models', 'learned', 'tables', 'lingual'].map((w) => mayStemTo(w, prefixes))).toEqual([false, false, false, false]);
  });
});
