import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countWords } from '../../../src/core/search/count-words.js';
import { isVocabularyWord, tokenize } from '../../../src/core/search/text.js';

/** The rule countWords implements, spelled out with tokenize and a Set per paper. */
function reference(texts: string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const text of texts) for (const w of new Set(tokenize(text).filter(isVocabularyWord))) out.set(w, (out.get(w) ?? 0) + 1);
  return out;
}

// Words from a small alphabet meet each other often (the same word again, in another case, in
// another paper), with digits, accents, Greek, CJK and separators among them.
const piece = fc.constantFrom('a', 'B', 'ab', 'AB', 'x1', '42', '7', 'Über', 'uber', 'é', 'β', 'ß', '中文', '-', ' ', ', ', '.', '\n', '_', "'", 'Δ');
const text = fc.array(piece, { maxLength: 40 }).map((p) => p.join(''));

describe('countWords', () => {
  it('counts what tokenize finds and isVocabularyWord keeps, once per paper, ASCII or not', () => {
    fc.assert(
      fc.property(fc.array(text, { maxLength: 12 }), (texts) => {
        expect(countWords(texts)).toEqual(reference(texts));
      }),
      { numRuns: 400 },
    );
  });

  it('counts a paper given as its fields as it counts the fields joined with spaces', () => {
    fc.assert(
      fc.property(fc.array(fc.array(text, { maxLength: 4 }), { maxLength: 8 }), (papers) => {
        expect(countWords(papers)).toEqual(reference(papers.map((fields) => fields.join(' '))));
      }),
      { numRuns: 400 },
    );
  });

  it('keeps every word and count as its table grows past many thousands of words', () => {
    // Enough distinct words to grow the table several times; each word in three papers, one of
    // them twice, one written in capitals, and the longest allowed word beside one too long.
    const words = Array.from({ length: 70_000 }, (_, i) => `w${i.toString(36)}`);
    const texts = [words.join(' '), `${words.join(' ')} ${words.slice(0, 10).join(' ')}`, words.join(' ').toUpperCase(), `${'q'.repeat(40)} ${'r'.repeat(41)}`];
    const counts = countWords(texts);
    expect(counts).toEqual(reference(texts));
    expect(counts.size).toBe(70_001);
    expect(counts.get('w0')).toBe(3);
    expect(counts.get('q'.repeat(40))).toBe(1);
    expect(counts.has('r'.repeat(41))).toBe(false);
  });
});
