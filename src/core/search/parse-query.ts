import { STOP_WORDS } from './stop-words.js';
import { tokenize } from './text.js';

/** What a person's search text asks for, before it meets the index. */
export interface ParsedQuery {
  /** Content words outside quotes, stop words dropped, in order, no repeats. */
  words: string[];
  /** Quoted phrases, each as its words (stop words kept: a phrase is matched as written). */
  phrases: string[][];
  /** The last word was still being typed (no space or quote after it): match it as a prefix too. */
  lastIsPrefix: boolean;
  /**
   * Words as the person typed them, outside quotes, stop words not counted: `post-training` is one
   * typed word though it is two index words. What tells a chat topic from a pasted description.
   */
  typedWords: number;
  /**
   * Hyphenated words as one word: "non-homologous" → nonhomologous, which papers also write.
   * Each with the index words it was split into.
   */
  compounds?: Array<{ joined: string; parts: string[] }>;
  /** Set when nothing searchable is left; says why. */
  notice?: string;
}

/** Longer input is cut here: a pasted abstract is a fine query, a pasted book is not. */
export const MAX_QUERY_CHARS = 1000;
/** More content words than this add time, not relevance (SciFact claims have ~10). */
export const MAX_QUERY_WORDS = 32;

// Letters and digits joined by hyphens: "non-homologous", "co-cultured", "pro-inflammatory".
const HYPHENATED = /[\p{L}\p{N}]+(?:[-‐‑][\p{L}\p{N}]+)+/gu;

export function parseQuery(raw: string): ParsedQuery {
  const text = (raw ?? '').slice(0, MAX_QUERY_CHARS);
  if (!text.trim()) return { words: [], phrases: [], lastIsPrefix: false, typedWords: 0, notice: 'Type a topic to search for, e.g. "model merging".' };

  const phrases: string[][] = [];
  const words: string[] = [];
  // Quotes of any kind (straight or curly) delimit phrases; an unclosed quote runs to the end.
  const parts = text.split(/["“”„«»]/);
  let sawAnyToken = false;
  let typedWords = 0;
  const compounds: Array<{ joined: string; parts: string[] }> = [];
  parts.forEach((part, i) => {
    const tokens = tokenize(part);
    if (tokens.length) sawAnyToken = true;
    if (i % 2 === 1) {
      if (tokens.length > 1) phrases.push(tokens);
      else if (tokens.length === 1) words.push(tokens[0]!);
    } else {
      for (const t of tokens) if (!STOP_WORDS.has(t)) words.push(t);
      for (const chunk of part.split(/\s+/)) if (tokenize(chunk).some((t) => !STOP_WORDS.has(t))) typedWords++;
      for (const m of part.matchAll(HYPHENATED)) {
        const pieces = tokenize(m[0]);
        if (pieces.length >= 2 && pieces.length <= 3) compounds.push({ joined: pieces.join(''), parts: pieces.filter((t) => !STOP_WORDS.has(t)) });
      }
    }
  });
  const unique = [...new Set(words)].slice(0, MAX_QUERY_WORDS);
  const endsInWord = /[\p{L}\p{N}]$/u.test(text) && parts.length % 2 === 1;
  const lastToken = tokenize(parts[parts.length - 1] ?? '').pop();
  const lastIsPrefix = endsInWord && !!lastToken && unique[unique.length - 1] === lastToken;

  if (!unique.length && !phrases.length) {
    const notice = sawAnyToken
      ? 'Those are all very common words; say more about the topic (e.g. "model merging").'
      : 'No words to search for in that; try a topic such as "model merging".';
    return { words: [], phrases: [], lastIsPrefix: false, typedWords: 0, notice };
  }
  return { words: unique, phrases, lastIsPrefix, typedWords, ...(compounds.length ? { compounds } : {}) };
}
