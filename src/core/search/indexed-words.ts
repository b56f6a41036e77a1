import type { StoredPaper } from '../paper.js';
import { spellOutGreek } from './text.js';

/** What the index reads of a paper's text. */
export type IndexedText = Pick<StoredPaper, 'title' | 'abstract' | 'authors' | 'keywords'>;

/**
 * The text of a paper the index holds, field by field (FTS5 columns in this order), Greek letters
 * spelled out as queries' are (FTS5's tokenizer keeps "β" a letter of its own).
 */
export function indexedFields(p: IndexedText): [string, string, string, string] {
  return [spellOutGreek(p.title), spellOutGreek(p.abstract), p.authors.join(', '), p.keywords.join(', ')];
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
