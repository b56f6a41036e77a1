import type { StoredPaper } from '../paper.js';
import { STOP_WORDS } from './stop-words.js';
import { stem, tokenize } from './text.js';

/** Enough terms to describe a paper; more only add query time. */
const MAX_TERMS = 16;
const TITLE_WEIGHT = 3;

/**
 * "More like this": the paper's most distinctive words (tf·idf over title and abstract, the title
 * counted thrice) as one OR query, ranked by bm25 like any search.
 */
export function similarQuery(
  paper: StoredPaper,
  /** Papers holding a word (the in-memory vocabulary's counts: fts5vocab would read whole posting lists). */
  dfOf: (word: string) => number,
  docs: number,
): { match: string; hitStems: Set<string> } | undefined {
  const tf = new Map<string, { word: string; n: number }>();
  const add = (text: string, weight: number) => {
    for (const w of tokenize(text)) {
      if (STOP_WORDS.has(w) || w.length < 3 || /^\d+$/.test(w)) continue;
      const s = stem(w);
      const e = tf.get(s);
      if (e) e.n += weight;
      else tf.set(s, { word: w, n: weight });
    }
  };
  add(paper.title, TITLE_WEIGHT);
  add(paper.abstract, 1);
  add(paper.keywords.join(' '), 2);
  if (!tf.size) return undefined;

  const scored: Array<{ s: string; word: string; w: number }> = [];
  for (const [s, { word, n }] of tf) {
    const df = dfOf(word);
    if (df <= 1) continue; // only this paper has it: matches nothing else
    scored.push({ s, word, w: n * Math.log(1 + Math.max(docs, df) / df) });
  }
  scored.sort((a, b) => b.w - a.w);
  const top = scored.slice(0, MAX_TERMS);
  if (!top.length) return undefined;
  return {
    match: top.map((t) => `"${t.word}"`).join(' OR '),
    hitStems: new Set(top.map((t) => t.s)),
  };
}
