import { describe, expect, it } from 'vitest';
import { startWordCounter } from '../../../src/core/search/count-words-in-worker.js';
import { countWords } from '../../../src/core/search/count-words.js';
import { indexedFields, wordsJson } from '../../../src/core/search/indexed-words.js';
import { seedPapers } from './seed-papers.js';

describe('the word-count worker of a bulk index load', () => {
  it('answers each batch, in the order sent, with the counts counted in this thread', async () => {
    const papers = seedPapers().map((p, i) => (i % 5 ? p : { ...p, abstract: `${p.abstract} The β-VAE (ß) baseline.`, keywords: ['multi-task'] }));
    const batches = [papers.slice(0, 10), papers.slice(10, 11), [], papers.slice(11)];
    const counter = startWordCounter();
    try {
      const got = await Promise.all(batches.map((b) => counter.count(b)));
      for (const [i, b] of batches.entries()) {
        const here = countWords(b.map((p) => indexedFields(p).join(' ')));
        expect(got[i]).toBe(wordsJson(here));
      }
      expect(JSON.parse(got[0]!).beta).toBeGreaterThan(0);
      expect(Object.keys(JSON.parse(got[3]!)).length).toBeGreaterThan(50);
    } finally {
      await counter.close();
    }
  });

  it('counts each word once per paper, leaves numbers and one-letter words out', () => {
    const counts = countWords(['Merging merging models, 2024 a b', 'models ab', 'x']);
    expect(Object.fromEntries(counts)).toEqual({ merging: 1, models: 2, ab: 1 });
  });

  it('writes counts as one JSON object in key order, whatever the words look like', () => {
    const words = ['über', '2d', '__proto__', 'constructor', 'say"hi', 'back\\slash', 'zeta', 'a'];
    const counts = new Map(words.map((w, i) => [w, i + 1]));
    const json = wordsJson(counts);
    const parsed = JSON.parse(json) as Record<string, number>;
    // Own keys, each count kept, and the text's order is the sorted one (what json_each walks).
    expect(new Map(Object.entries(parsed))).toEqual(counts);
    expect([...json.matchAll(/"((?:[^"\\]|\\.)*)":/g)].map((m) => JSON.parse(`"${m[1]}"`))).toEqual([...words].sort());
    expect(wordsJson(new Map())).toBe('{}');
  });

  it('tells once that the worker failed, and answers undefined from then on', async () => {
    const failures: Error[] = [];
    const counter = startWordCounter((err) => failures.push(err));
    try {
      // A paper without its title makes the worker throw: what a failing worker looks like here.
      const broken = { abstract: 'An abstract', authors: [], keywords: [] } as unknown as Parameters<typeof counter.count>[0][number];
      expect(await counter.count([broken])).toBeUndefined();
      expect(await counter.count(seedPapers())).toBeUndefined();
      expect(failures).toHaveLength(1);
      expect(failures[0]!.message).toMatch(/undefined/);
    } finally {
      await counter.close();
    }
    expect(failures).toHaveLength(1);
  });

  it('answers undefined once stopped, so the writer counts the batch itself', async () => {
    const counter = startWordCounter();
    const pending = counter.count(seedPapers());
    await counter.close();
    // Answered before the stop, or not at all: never a wrong count, never a rejection.
    const answer = await pending;
    if (answer) expect(answer).toBe(wordsJson(countWords(seedPapers().map((p) => indexedFields(p).join(' ')))));
    expect(await counter.count(seedPapers())).toBeUndefined();
  });
});
