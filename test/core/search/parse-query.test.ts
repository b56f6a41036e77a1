import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../../src/core/search/parse-query.js';
import { makeSnippet } from '../../../src/core/search/snippet.js';

describe('parseQuery', () => {
  it('drops stop words, keeps order, marks the last word as a prefix while typed', () => {
    expect(parseQuery('the merging of Models')).toEqual({ words: ['merging', 'models'], phrases: [], lastIsPrefix: true, typedWords: 2 });
    expect(parseQuery('model merg ').lastIsPrefix).toBe(false);
    expect(parseQuery('model merging.').lastIsPrefix).toBe(false);
  });

  it('reads quoted phrases (straight or curly, unclosed runs to the end)', () => {
    expect(parseQuery('"task arithmetic" merging')).toMatchObject({ words: ['merging'], phrases: [['task', 'arithmetic']] });
    expect(parseQuery('“mixture of experts”')).toMatchObject({ words: [], phrases: [['mixture', 'of', 'experts']] });
    expect(parseQuery('x "open ended').phrases).toEqual([['open', 'ended']]);
  });

  it('folds accents and case, splits on anything not a letter or digit', () => {
    expect(parseQuery('Café-Net: GPT-4o!').words).toEqual(['cafe', 'net', 'gpt', '4o']);
  });

  it('counts typed words, so a hyphenated compound is one word of a chat topic', () => {
    const q = parseQuery('diffusion adversarial post-training one-step');
    expect(q.words).toEqual(['diffusion', 'adversarial', 'post', 'training', 'one', 'step']);
    expect(q.typedWords).toBe(4);
    expect(parseQuery('the state of the art in real-time "object detection"').typedWords).toBe(3);
    expect(parseQuery('we show that 0-dimensional biomaterials have inductive properties in vivo').typedWords).toBe(6);
  });

  it('says why when nothing is left', () => {
    expect(parseQuery('').notice).toMatch(/type a topic/i);
    expect(parseQuery('of the and').notice).toMatch(/common words/i);
    expect(parseQuery('!!! ***').notice).toMatch(/no words/i);
  });
});

describe('makeSnippet', () => {
  const text =
    'We study many things at length here. ' + 'Filler words go on and on. '.repeat(10) + 'Model merging combines merged models cheaply. The end.';

  it('centres on the matched words and marks them by stem', () => {
    const parts = makeSnippet(text, new Set(['merg', 'model']));
    expect(parts[0]!.text.startsWith('…')).toBe(true);
    expect(parts.filter((p) => p.hit).map((p) => p.text)).toEqual(['Model', 'merging', 'merged', 'models']);
    expect(parts.map((p) => p.text).join('')).toContain('Model merging combines merged models cheaply.');
  });

  it('shows the beginning when nothing matches, and nothing for no text', () => {
    const parts = makeSnippet(text, new Set(['zebra']));
    expect(parts.every((p) => !p.hit)).toBe(true);
    expect(parts[0]!.text.startsWith('We study')).toBe(true);
    expect(makeSnippet('', new Set(['x']))).toEqual([]);
  });
});

describe('parseQuery: hyphenated words', () => {
  it('keeps each hyphenated word with its joined spelling and its parts', () => {
    const q = parseQuery('non-homologous end joining in co-cultured cells');
    expect(q.compounds).toEqual([
      { joined: 'nonhomologous', parts: ['non', 'homologous'] },
      { joined: 'cocultured', parts: ['co', 'cultured'] },
    ]);
    expect(q.typedWords).toBe(5);
  });

  it('has none for a query without hyphens, or inside quotes', () => {
    expect(parseQuery('model merging').compounds).toBeUndefined();
    expect(parseQuery('"post-training quantization"').compounds).toBeUndefined();
  });
});

describe('planQuery: hyphenated forms of joined words', () => {
  it('adds "pro inflammatory" and "il 6" as phrases when asked and the index has the words', async () => {
    const { planQuery } = await import('../../../src/core/search/query-plan.js');
    const { Vocabulary } = await import('../../../src/core/search/vocabulary.js');
    const v = new Vocabulary();
    for (const [w, df] of Object.entries({ pro: 30, inflammatory: 200, il: 90, proinflammatory: 20, proline: 4 })) v.add(w, df);
    const q = parseQuery('proinflammatory il6 proline');
    expect(planQuery(q, v, true, true).groups).toEqual([['proinflammatory', 'pro inflammatory'], ['il6', 'il 6'], ['proline']]);
    expect(planQuery(q, v, true, false).groups).toEqual([['proinflammatory'], ['il6'], ['proline']]);
  });
});
