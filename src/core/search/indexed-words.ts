import type { StoredPaper } from '../paper.js';
import { isVocabularyWord, spellOutGreek, tokenize } from './text.js';

/** What the index reads of a paper's text. */
export type IndexedText = Pick<StoredPaper, 'title' | 'abstract' | 'authors' | 'keywords'>;

/**
 * The text of a paper the index holds, field by field (FTS5 columns in this order), Greek letters
 * spelled out as queries' are (FTS5's tokenizer keeps "β" a letter of its own).
 */
export function indexedFields(p: IndexedText): [string, string, string, string] {
  return [spellOutGreek(p.title), spellOutGreek(p.abstract), p.authors.join(', '), p.keywords.join(', ')];
}

// A word's count is kept as count * PAPER + (the last paper counted, 1-based, < PAPER): one map
// look-up a token instead of a Set per paper and a map per word.
const PAPER = 2 ** 26;

/**
 * The typo/prefix vocabulary's words of these papers (each paper's fields joined, as
 * `indexedFields(p).join(' ')`), each with the number of papers holding it.
 */
export function countWords(texts: Iterable<string>): Map<string, number> {
  const seen = new Map<string, number>();
  let k = 0;
  for (const text of texts) {
    k++;
    for (const w of tokenize(text)) {
      const c = seen.get(w);
      if (c === undefined) {
        if (isVocabularyWord(w)) seen.set(w, PAPER + k);
      } else if (c % PAPER !== k) {
        seen.set(w, c - (c % PAPER) + PAPER + k);
      }
    }
  }
  for (const [w, c] of seen) seen.set(w, Math.floor(c / PAPER));
  return seen;
}

/**
 * Counted words as one JSON object, in key order, for the writer's single upsert statement
 * (index-writer.ts): one statement a batch instead of one a word, which at a 100k build was
 * ~300k statements. Built by hand: an object literal would put number-like words ("2d") first
 * and cost a dictionary-mode object per batch.
 */
export function wordsJson(counts: ReadonlyMap<string, number>): string {
  let out = '{';
  for (const w of [...counts.keys()].sort()) out += `${out.length > 1 ? ',' : ''}${JSON.stringify(w)}:${counts.get(w)!}`;
  return `${out}}`;
}
