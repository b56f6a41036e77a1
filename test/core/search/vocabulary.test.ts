import { describe, expect, it } from 'vitest';
import { Vocabulary } from '../../../src/core/search/vocabulary.js';

function vocab(words: Record<string, number>): Vocabulary {
  const v = new Vocabulary();
  for (const [w, df] of Object.entries(words)) v.add(w, df);
  return v;
}

describe('Vocabulary.expand: typos', () => {
  it('drops an equally close but far rarer spelling: "difusion" is diffusion, not dbfusion', () => {
    const v = vocab({ diffusion: 900, dbfusion: 1, fusion: 40 });
    expect(v.expand('difusion', false)).toEqual(['diffusion']);
  });

  it('counts a swap of neighbouring letters as one edit: "retreival" is retrieval', () => {
    const v = vocab({ retrieval: 780, retrival: 1, retrieve: 90 });
    expect(v.expand('retreival', false)).toEqual(['retrieval']);
  });

  it('keeps neighbours of similar frequency, and the known word itself', () => {
    const v = vocab({ merging: 50, merino: 1, emerging: 40 });
    expect(v.expand('mergng', false)).toEqual(['merging']);
    expect(v.expand('merging', false)).toEqual(['merging']);
  });
});

describe('Vocabulary.expand: the last word as typed', () => {
  it('completes a fragment whose completions are far more frequent: "exp" → experts…', () => {
    const v = vocab({ exp: 4, experts: 300, expert: 250, experiments: 900 });
    const out = v.expand('exp', true);
    expect(out[0]).toBe('exp');
    expect(out).toEqual(expect.arrayContaining(['experts', 'experiments']));
  });

  it('leaves a word typed in full alone: "model" is not widened to every model… word', () => {
    const v = vocab({ model: 1000, models: 900, modeling: 300 });
    expect(v.expand('model', true)).toEqual(['model']);
  });

  it('completes an unknown fragment, and not when it is not the last word', () => {
    const v = vocab({ transformer: 500, transformers: 300, transfer: 200 });
    expect(v.expand('transf', true)).toEqual(expect.arrayContaining(['transformer', 'transfer']));
    expect(v.expand('transf', false)).not.toContain('transfer');
  });
});

describe('Vocabulary.expand: spellings', () => {
  it('searches the other spelling of a word too, whichever one is typed', () => {
    const v = vocab({ tumor: 900, tumour: 60, ischemia: 300, ischaemia: 40 });
    expect(v.expand('tumour', false)).toEqual(['tumour', 'tumor']);
    expect(v.expand('tumor', false)).toEqual(['tumor', 'tumour']);
    expect(v.expand('ischaemia', false)).toEqual(['ischaemia', 'ischemia']);
  });

  it('finds the American spelling of a British word the index lacks, instead of guessing a typo', () => {
    const v = vocab({ modeling: 500, modelings: 30, tumor: 900 });
    expect(v.expand('modelling', false)).toEqual(['modeling']);
  });

  it('leaves out another spelling far rarer than the word typed (a stray typo, not a dialect)', () => {
    const v = vocab({ tumor: 5000, tumour: 3 });
    expect(v.expand('tumor', false)).toEqual(['tumor']);
  });
});
