import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { seedPapers } from './seed-papers.js';
import { searchEnv } from './search-env.js';

let env: Awaited<ReturnType<typeof searchEnv>>;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'papers-'));
  env = await searchEnv(dir, seedPapers(), '2023-04-22');
});
afterAll(async () => {
  await env.close();
  rmSync(dir, { recursive: true, force: true });
});

const LONG = 'model merging of task vectors '.repeat(200).slice(0, 5000);

describe('bad input gets an answer, never an exception', () => {
  const cases: Array<[string, string, 'notice' | 'hits' | 'either']> = [
    ['empty', '', 'notice'],
    ['blank', '   \n\t ', 'notice'],
    ['only stop words', 'the of and with', 'notice'],
    ['only punctuation', '?!?.,;--', 'notice'],
    ['5,000 characters', LONG, 'hits'],
    ['FTS syntax', '" * ( ) : ^ NEAR AND OR', 'either'],
    ['FTS operators around words', 'merging AND NOT (model OR) NEAR/3 ^title: *', 'hits'],
    ['regex characters', '.*[a-z]+(?=x)\\d{2,}|$^', 'either'],
    ['an unclosed quote', '"model merging', 'hits'],
    ['emoji', '🔥🔥 🤖', 'notice'],
    ['emoji around a word', '🔥merging🔥', 'hits'],
    ['Chinese', '模型合并', 'notice'],
    ['Cyrillic and Arabic', 'слияние моделей دمج النماذج', 'notice'],
    ['SQL', "'; DROP TABLE docs; --", 'either'],
    ['column filter syntax', 'title:merging', 'hits'],
    ['a lone star', '*', 'notice'],
  ];
  for (const [name, text, expected] of cases) {
    it(name, async () => {
      const r = await env.search.search({ text });
      expect(Array.isArray(r.hits)).toBe(true);
      if (expected === 'notice') {
        expect(r.hits).toEqual([]);
        expect(r.notice).toMatch(/\w/);
      } else if (expected === 'hits') {
        expect(r.hits.length).toBeGreaterThan(0);
      } else {
        expect(r.hits.length > 0 || !!r.notice).toBe(true);
      }
    });
  }

  it('odd filters and ids do not throw', async () => {
    const r = await env.search.search({ text: 'merging', since: "2024'; --", until: '', minUpvotes: -5, limit: 0, page: 1e9 });
    expect(r.hits).toEqual([]);
    const s = await env.search.similar('"; DROP TABLE docs');
    expect(s.notice).toBeTruthy();
    // Still working afterwards.
    expect((await env.search.search({ text: 'merging' })).hits.length).toBeGreaterThan(0);
  });

  it('any string at all', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 60, unit: 'binary' }), async (text) => {
        const r = await env.search.search({ text });
        expect(r.hits.length > 0 || typeof r.notice === 'string').toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
