import type { ParsedQuery } from './parse-query.js';
import { stem } from './text.js';
import type { Vocabulary } from './vocabulary.js';

/** A parsed query turned into index words: one group of alternatives per word typed. */
export interface QueryPlan {
  /** Per typed word: itself and/or its completions and spelling neighbours; any one may match. */
  groups: string[][];
  phrases: string[][];
  /** Stems to mark in snippets. */
  hitStems: Set<string>;
  /** True when some typed word matched nothing at all in the index, even with typo tolerance. */
  unknownWords: string[];
}

// Words reach FTS5 only inside double quotes, so `AND`, `NEAR`, `*`, `:` or `^` typed by a person
// are words, never syntax. tokenize() already left only letters and digits.
export const quote = (w: string): string => `"${w.replace(/"/g, '""')}"`;

export function planQuery(q: ParsedQuery, vocab: Vocabulary, expansion = true): QueryPlan {
  const hitStems = new Set<string>();
  const unknownWords: string[] = [];
  const groups = q.words.map((word, i) => {
    const alts = expansion ? vocab.expand(word, q.lastIsPrefix && i === q.words.length - 1) : vocab.df(word) ? [word] : [];
    if (!alts.length) unknownWords.push(word);
    const g = alts.length ? alts : [word];
    for (const w of g) hitStems.add(stem(w));
    return g;
  });
  // A hyphenated word also matches its joined spelling, where the index has it: "non-homologous"
  // finds the papers that wrote nonhomologous (the joined word counts for each of its parts).
  for (const c of q.compounds ?? []) {
    if (!vocab.df(c.joined)) continue;
    for (const part of c.parts) {
      const g = groups[q.words.indexOf(part)];
      if (g && !g.includes(c.joined)) g.push(c.joined);
    }
    hitStems.add(stem(c.joined));
  }
  for (const p of q.phrases) for (const w of p) hitStems.add(stem(w));
  return { groups, phrases: q.phrases, hitStems, unknownWords };
}

/** One typed word as FTS5 syntax: its alternatives OR'd. */
export const groupMatch = (g: string[]): string => (g.length === 1 ? quote(g[0]!) : `(${g.map(quote).join(' OR ')})`);
/** A quoted phrase as FTS5 syntax. */
export const phraseMatch = (p: string[]): string => quote(p.join(' '));
