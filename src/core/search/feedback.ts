import type { StoredPaper } from '../paper.js';
import { STOP_WORDS } from './stop-words.js';
import { stem, tokenize } from './text.js';

/** Pseudo-relevance feedback settings (RM3-like), chosen on the SciFact train split. */
export interface FeedbackOptions {
  /** Top papers of the first pass read for expansion words. */
  docs: number;
  /** Expansion words added. */
  terms: number;
  /** How many times the person's own words count against one expansion word (FTS5 has no term weights: repeats). */
  originalWeight: number;
}

export const DEFAULT_FEEDBACK: FeedbackOptions = { docs: 8, terms: 8, originalWeight: 2 };

/**
 * Words that the best first-pass papers share, weighted by how much of each paper they make up and
 * how rare they are in the index. They are what a long description is "about" without saying it.
 */
export function feedbackWords(
  papers: StoredPaper[],
  queryStems: Set<string>,
  dfOf: (stem: string) => number,
  docCount: number,
  n: number,
): string[] {
  const weight = new Map<string, { word: string; w: number }>();
  papers.forEach((p, rank) => {
    const words = tokenize(`${p.title} ${p.title} ${p.abstract}`);
    if (!words.length) return;
    const docWeight = 1 / (1 + rank * 0.2); // the first-pass order, softly
    for (const word of words) {
      if (word.length < 3 || STOP_WORDS.has(word) || /^\d/.test(word)) continue;
      const s = stem(word);
      if (queryStems.has(s)) continue;
      const e = weight.get(s);
      if (e) e.w += docWeight / words.length;
      else weight.set(s, { word, w: docWeight / words.length });
    }
  });
  const candidates = [...weight.entries()].sort((a, b) => b[1].w - a[1].w).slice(0, n * 6);
  return candidates
    .map(([s, { word, w }]) => {
      const df = dfOf(s);
      // A word in one paper only, or in most of them, says nothing about the topic.
      const idf = df <= 1 || df > docCount * 0.3 ? 0 : Math.log(docCount / df);
      return { word, score: w * idf };
    })
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score)
    .slice(0, n)
    .map((x) => x.word);
}
