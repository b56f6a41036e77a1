import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createSearchDb, readVocabulary, wordTable } from '../../../src/core/search/search-db.js';
import { Vocabulary } from '../../../src/core/search/vocabulary.js';
import { useTempDirs } from '../../helpers/temp-dir.js';
import { byCodePoint } from './code-point-order.js';

const tempDir = useTempDirs();
// Short words over a small alphabet share many prefixes; an accent and astral letters test the order.
const word = fc.array(fc.constantFrom('a', 'b', 'ab', 'é', 'z', '\u{1d6fc}', '\u{1f600}', '\uffee'), { minLength: 1, maxLength: 5 }).map((p) => p.join(''));

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

describe('Vocabulary.matchPostings: what a match of several words reads', () => {
  // Stems: model (model, models, modeling), mode (mode, modes), modern, modul (module), robot.
  const v = vocab({ mode: 10, modes: 5, model: 300, models: 200, modeling: 50, modern: 40, module: 7, robot: 30 });

  it('counts a stem spelled from another of the words once, inside the shorter one', () => {
    // The completions of "mod": every word from "mode" on (605), then "modul…" (7).
    expect(v.matchPostings(['mode', 'model', 'models', 'modeling', 'modern', 'module'])).toBe(612);
    // Each word alone, as postings() counts it, would add up to far more.
    expect(['mode', 'model', 'models', 'modeling', 'modern', 'module'].reduce((n, w) => n + v.postings(w), 0)).toBeGreaterThan(612);
  });

  it('adds unrelated words, and counts one stem once however many spellings', () => {
    expect(v.matchPostings(['model', 'models', 'robot'])).toBe(550 + 30);
    expect(v.matchPostings([])).toBe(0);
  });

  it('stops once past the cap', () => {
    const n = v.matchPostings(['mode', 'robot'], 100);
    expect(n).toBeGreaterThan(100);
    expect(n).toBeLessThanOrEqual(v.matchPostings(['mode', 'robot']));
  });
});

describe('Vocabulary.fromSorted: the one-pass load of a stored vocabulary', () => {
  it('holds the same words, counts, completions and typo neighbours as inserting one by one', () => {
    fc.assert(
      fc.property(fc.uniqueArray(word, { maxLength: 60 }), fc.array(word, { maxLength: 8 }), (list, probes) => {
        const sorted = [...list].sort(byCodePoint);
        const dfs = sorted.map((_, i) => i + 1);
        const fast = Vocabulary.fromSorted(sorted, dfs);
        const slow = new Vocabulary();
        sorted.forEach((w, i) => slow.add(w, dfs[i]));
        expect(fast.size).toBe(slow.size);
        for (const w of [...sorted, ...probes]) {
          expect(fast.df(w)).toBe(slow.df(w));
          expect(fast.postings(w)).toBe(slow.postings(w));
          expect(fast.expand(w, true)).toEqual(slow.expand(w, true));
          expect(fast.expand(w, false)).toEqual(slow.expand(w, false));
        }
        // The loaded words take later counts and new words like any other, after a typo search
        // has built the loaded words' tree (the expand calls above) as before it.
        for (const w of probes) {
          fast.add(w, 2);
          slow.add(w, 2);
          expect(fast.df(w)).toBe(slow.df(w));
        }
        expect(fast.size).toBe(slow.size);
        for (const w of [...sorted, ...probes]) {
          expect(fast.postings(w)).toBe(slow.postings(w));
          // Completions of equal counts may list a word added later in another place: same words.
          expect(new Set(fast.expand(w, true))).toEqual(new Set(slow.expand(w, true)));
          expect(fast.expand(w, false)).toEqual(slow.expand(w, false));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('falls back on inserting one by one when the list is out of order or repeats a word', () => {
    const v = Vocabulary.fromSorted(['model', 'diffusion', 'model'], [3, 5, 4]);
    expect(v.df('model')).toBe(7);
    expect(v.df('diffusion')).toBe(5);
    expect(v.size).toBe(2);
  });

  it('loads an empty list', () => {
    expect(Vocabulary.fromSorted([], []).size).toBe(0);
  });
});

describe('Vocabulary.onDemand: the index file\'s words table asked a word or a prefix at a time', () => {
  it('counts, completes and corrects as the words read whole, and follows the writes to the table', () => {
    const file = join(tempDir(), 'search.db');
    // Longer words too: a typo search needs four letters, two edits eight.
    const long = fc.array(fc.constantFrom('mod', 'el', 'ing', 'e', 'l', 's', 'merg', 'a'), { minLength: 1, maxLength: 5 }).map((p) => p.join(''));
    const anyWord = fc.oneof(word, long);
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(anyWord, fc.integer({ min: 1, max: 400 })), { selector: ([w]) => w, maxLength: 60 }), fc.array(anyWord, { maxLength: 8 }), (rows, probes) => {
        const db = createSearchDb(file);
        try {
          const upsert = db.prepare('INSERT INTO words (word, df) VALUES (?, ?) ON CONFLICT(word) DO UPDATE SET df = df + excluded.df');
          for (const [w, df] of rows) upsert.run(w, df);
          const whole = readVocabulary(db);
          const lazy = Vocabulary.onDemand(wordTable(db));
          const asked = [...rows.map(([w]) => w), ...probes, ...probes.map((w) => w.slice(0, 2))];
          // Counts and completions first, read from the table (no typo search has read it whole);
          // then typo searches, which read it whole. In the same order as the words read whole.
          for (const w of asked) {
            expect(lazy.df(w)).toBe(whole.df(w));
            expect(lazy.postings(w)).toBe(whole.postings(w));
            expect(lazy.postings(w, 50)).toBe(whole.postings(w, 50));
            expect(lazy.spellings(w)).toEqual(whole.spellings(w));
          }
          for (const w of asked) {
            expect(lazy.expand(w, true)).toEqual(whole.expand(w, true));
            expect(lazy.expand(w, false)).toEqual(whole.expand(w, false));
          }
          // A write as the index writer does it: the table in its transaction, then the vocabulary.
          const untouched = Vocabulary.onDemand(wordTable(db));
          const write = (df: number) => {
            for (const w of probes) {
              upsert.run(w, df);
              whole.add(w, df);
              untouched.add(w, df);
            }
          };
          // Words written since `whole` was read sit in a tree of their own there, so completions
          // and neighbours of equal counts may come in another order: the same words.
          const sameAnswers = () => {
            for (const w of asked) {
              expect(untouched.df(w)).toBe(whole.df(w));
              expect(untouched.postings(w)).toBe(whole.postings(w));
              expect(new Set(untouched.expand(w, true))).toEqual(new Set(whole.expand(w, true)));
              expect(new Set(untouched.expand(w, false))).toEqual(new Set(whole.expand(w, false)));
            }
          };
          write(2);
          sameAnswers();
          expect(untouched.size).toBe(whole.size);
          // Read whole by now (a typo search or the size), later writes count in memory as in `whole`.
          write(3);
          sameAnswers();
        } finally {
          db.close();
        }
      }),
      { numRuns: 150 },
    );
  });
});
