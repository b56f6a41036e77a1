import { describe, expect, it } from 'vitest';
import { otherSpellings, spellingKey } from '../../../src/core/search/spelling-variants.js';
import { spellOutGreek, tokenize } from '../../../src/core/search/text.js';

describe('spellingKey: British and American spellings share one key', () => {
  it.each([
    ['tumour', 'tumor'],
    ['tumours', 'tumors'],
    ['behavioural', 'behavioral'],
    ['ischaemia', 'ischemia'],
    ['haematopoietic', 'hematopoietic'],
    ['oestrogen', 'estrogen'],
    ['centre', 'center'],
    ['litres', 'liters'],
    ['randomised', 'randomized'],
    ['characterisation', 'characterization'],
    ['analysed', 'analyzed'],
    ['homologue', 'homolog'],
    ['modelling', 'modeling'],
    ['signalled', 'signaled'],
  ])('%s → %s', (british, american) => {
    expect(spellingKey(british)).toBe(american);
    expect(spellingKey(american)).toBe(american);
  });

  it.each(['four', 'hours', 'does', 'rise', 'noise', 'filled', 'tilled', 'larvae', 'vertebrae', 'journal', 'source', 'genre'])(
    'leaves %s alone',
    (word) => expect(spellingKey(word)).toBe(word),
  );
});

describe('otherSpellings', () => {
  it('proposes the British forms of an American word and the American form of a British one', () => {
    expect(otherSpellings('tumor')).toContain('tumour');
    expect(otherSpellings('ischemia')).toContain('ischaemia');
    expect(otherSpellings('estrogen')).toContain('oestrogen');
    expect(otherSpellings('modeling')).toContain('modelling');
    expect(otherSpellings('randomized')).toContain('randomised');
    expect(otherSpellings('tumour')).toEqual(['tumor']);
  });

  it('proposes only words of the same key, never the word itself, nothing for codes or short words', () => {
    for (const w of ['tumor', 'center', 'behavioral', 'signaling']) {
      const others = otherSpellings(w);
      expect(others).not.toContain(w);
      for (const o of others) expect(spellingKey(o)).toBe(spellingKey(w));
    }
    expect(otherSpellings('four')).toEqual([]);
    expect(otherSpellings('b12')).toEqual([]);
  });
});

describe('Greek letters are spelled out', () => {
  it('turns β, κ, γ and accented or capital Greek into their names, inside words too', () => {
    expect(spellOutGreek('IL-1β and NF-κB, IFN-γ, Αβ, ά')).toBe('IL-1beta and NF-kappaB, IFN-gamma, alphabeta, alpha');
    expect(tokenize('TGF-β1 in Aβ plaques')).toEqual(['tgf', 'beta1', 'in', 'abeta', 'plaques']);
  });

  it('leaves text without Greek exactly as it was', () => {
    const text = 'Model merging (TIES) — naïve café';
    expect(spellOutGreek(text)).toBe(text);
  });
});
