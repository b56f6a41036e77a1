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

/**
 * Prefixes papers write both joined and hyphenated: "proinflammatory" and "pro-inflammatory",
 * "pretrained" and "pre-trained". Only these: splitting any word at any known word ("an other",
 * "with out") would add nonsense phrases.
 */
const BOUND_PREFIXES = ['anti', 'auto', 'co', 'counter', 'cross', 'de', 'extra', 'hyper', 'hypo', 'inter', 'intra', 'macro', 'micro', 'multi', 'non', 'post', 'pre', 'pro', 'pseudo', 're', 'self', 'semi', 'sub', 'super', 'trans', 'ultra'];

/** "proinflammatory" → the phrase "pro inflammatory", when the index has both words; undefined otherwise. */
function hyphenatedForm(word: string, vocab: Vocabulary): string | undefined {
  // "il6", "gpt4": letters then a number, also written IL-6, GPT-4 (numbers are not in the vocabulary).
  const code = /^([a-z]{2,})(\d{1,3})$/.exec(word);
  if (code && vocab.df(code[1]!) > 0) return `${code[1]} ${code[2]}`;
  for (const p of BOUND_PREFIXES) {
    const rest = word.slice(p.length);
    if (word.startsWith(p) && rest.length >= 4 && vocab.df(p) > 0 && vocab.df(rest) > 0) return `${p} ${rest}`;
  }
  return undefined;
}

/**
 * `splitPrefixed`: also match a prefixed word's hyphenated form as a phrase. Costly on common
 * words (the phrase reads both words' postings), so only descriptions ask for it.
 */
export function planQuery(q: ParsedQuery, vocab: Vocabulary, expansion = true, splitPrefixed = false): QueryPlan {
  const hitStems = new Set<string>();
  const unknownWords: string[] = [];
  const groups = q.words.map((word, i) => {
    const alts = expansion ? vocab.expand(word, q.lastIsPrefix && i === q.words.length - 1) : vocab.df(word) ? [word] : [];
    const split = splitPrefixed ? hyphenatedForm(word, vocab) : undefined;
    if (!alts.length && !split) unknownWords.push(word);
    const g = alts.length ? alts : [word];
    for (const w of g) hitStems.add(stem(w));
    if (split) g.push(split);
    return g;
  });
  // A hyphenated word also matches its joined spelling, where the index has it: "non-homologous"
  // finds the papers that wrote nonhomologous (the joined word counts for each of its parts).
  for (const c of q.compounds ?? []) {
    // FTS5 matches by stem: "cocultured" is worth adding when the index has "coculture".
    if (!vocab.df(c.joined) && !vocab.postings(c.joined, 1)) continue;
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
