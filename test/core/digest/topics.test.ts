import { describe, expect, it } from 'vitest';
import { mentions, textWords } from '../../../src/core/digest/topics.js';
import { stem, tokenize } from '../../../src/core/search/text.js';

describe('digest topics read words as the search does', () => {
  it('a topic word matches the forms the search matches it with (Porter stems)', () => {
    expect(mentions('We survey model merging methods', 'surveys')).toBe(true);
    expect(mentions('An olympiad of mathematics problems', 'mathematical')).toBe(true);
    expect(mentions('Merged checkpoints', 'merging')).toBe(true);
    expect(mentions('Model merging', 'agents')).toBe(false);
  });

  it('accents and Greek letters are folded as the search index folds them', () => {
    expect(mentions('Aβ plaques in mice', 'abeta')).toBe(true);
    expect(mentions('Régression de Cox', 'regression')).toBe(true);
  });

  it('a text holds exactly the stems the search makes of its words', () => {
    const text = 'Self-Supervised Pre-training of Vision Transformers, revisited (TGF-β)';
    expect(textWords(text)).toEqual(new Set(tokenize(text).map(stem)));
    expect(textWords(text).has(stem('transformers'))).toBe(true);
  });
});
