import { describe, expect, it } from 'vitest';
import { classifyParagraph, sentenceBreaks } from '../../../src/core/parse/classify-paragraph.js';
import { seedPairs } from './data-paths.js';

describe('classifyParagraph', () => {
  const pairs = seedPairs();

  it('calls every title of the seed digest a title and every abstract an abstract, without context', () => {
    expect(pairs.filter((p) => classifyParagraph(p.title) !== 'title').map((p) => p.title)).toEqual([]);
    expect(pairs.filter((p) => classifyParagraph(p.abstract) !== 'abstract').map((p) => p.title)).toEqual([]);
  });

  it.each([
    'Orca',
    'Hogwild! Inference: Parallel LLM Generation via Concurrent Attention',
    'Can Language Models Follow Multiple Turns of Entangled Instructions?',
    'What, How, Where, and How Well? A Survey on Test-Time Scaling in Large Language Models',
    'Doing More with Less -- Implementing Routing Strategies in Large Language Model-Based Systems',
    'GPT-4 vs. Humans: Who Wins at Chess',
    'Emergent mechanisms for long timescales depend on training curriculum and affect performance in memory tasks',
  ])('title: %s', (t) => expect(classifyParagraph(t)).toBe('title'));

  it.each([
    'We propose a method. It works well.',
    'Can models reason? We show they can.',
    `We study things at length ${'and more things '.repeat(20)}without ending`,
    Array.from({ length: 50 }, (_, i) => `w${i}`).join(' '),
  ])('abstract: %s', (t) => expect(classifyParagraph(t)).toBe('abstract'));

  it.each([
    'We propose a method.', // one sentence with a period: could be either
    'Code and data are at https://example.github.io', // a URL is never in a title
    'Results are promising. More results follow',
    `${'Extraordinarily long title words '.repeat(8)}end`, // too long for a title, too short to be sure
  ])('unsure: %s', (t) => expect(classifyParagraph(t)).toBe('unsure'));

  it('does not count abbreviations as sentence breaks', () => {
    expect(sentenceBreaks('Models, e.g. GPT-4 and others, vs. Humans').dots).toBe(0);
    expect(sentenceBreaks('One. Two! Three? Four.')).toEqual({ all: 3, dots: 1 });
  });
});
