import { stemmer } from 'stemmer';

/**
 * Tokenizing the way SQLite's unicode61 tokenizer (remove_diacritics 2) does: runs of letters and
 * digits, accents folded, lower-cased. Query words, snippets and the typo vocabulary all use this, so
 * what a person types lines up with what the index holds.
 */
const TOKEN = /[\p{L}\p{N}]+/gu;

/** Accents folded and lower-cased, length kept where possible. */
export function fold(text: string): string {
  // Most abstracts are plain ASCII: skip the (slow) Unicode normalization for them.
  if (/^[\x00-\x7f]*$/.test(text)) return text.toLowerCase();
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

export function tokenize(text: string): string[] {
  return fold(text).match(TOKEN) ?? [];
}

/** Tokens with their offsets in the original text (for marking snippets). */
export interface Span {
  word: string;
  start: number;
  end: number;
}

export function tokenSpans(text: string): Span[] {
  const out: Span[] = [];
  // Fold per match so offsets stay those of the original string.
  for (const m of text.matchAll(TOKEN)) {
    out.push({ word: fold(m[0]), start: m.index, end: m.index + m[0].length });
  }
  return out;
}

// Stemming is ~10 µs a word and snippets stem every word of every abstract shown: remember them.
const stems = new Map<string, string>();
const MAX_REMEMBERED = 200_000;

/** Porter stem, as SQLite's porter tokenizer does (the same algorithm). */
export function stem(word: string): string {
  let s = stems.get(word);
  if (s === undefined) {
    s = /^[a-z]+$/.test(word) ? stemmer(word) : word;
    if (stems.size >= MAX_REMEMBERED) stems.clear();
    stems.set(word, s);
  }
  return s;
}

/** Words worth keeping in the typo/prefix vocabulary: not numbers, not absurdly long. */
export function isVocabularyWord(word: string): boolean {
  return word.length >= 2 && word.length <= 40 && !/^\d+$/.test(word);
}
