// A topic and a search agree on what a word is: the search's tokenizer (unicode61's rules, accents
// folded, Greek letters spelled out) and its Porter stemmer ("surveys", "survey" → survei).
import { stem, tokenize } from '../search/text.js';

/** Topics as typed in `--topics "merging, agents, -survey"`: include terms and excluded (negative) ones. */
export interface Topics {
  include: string[];
  exclude: string[];
}

export function parseTopics(text: string | string[] | undefined): Topics {
  const parts = Array.isArray(text) ? text : (text ?? '').split(/[,;\n]/);
  const include: string[] = [];
  const exclude: string[] = [];
  for (const raw of parts) {
    const t = raw.trim().replace(/\s+/g, ' ');
    if (!t) continue;
    if (t.startsWith('-') || t.startsWith('!')) {
      const term = t.slice(1).trim().toLowerCase();
      if (term && !exclude.includes(term)) exclude.push(term);
    } else if (!include.includes(t.toLowerCase())) include.push(t.toLowerCase());
  }
  return { include, exclude };
}

export function formatTopics(t: Topics): string {
  return [...t.include, ...t.exclude.map((x) => `-${x}`)].join(', ');
}

/** The stemmed words of a text, computed once per paper when many channels test it. */
export function textWords(text: string): Set<string> {
  return new Set(tokenize(text).map(stem));
}

/**
 * Whether a term occurs in a text: every word of the term, as a whole word (after stemming), in
 * order-insensitive fashion. Used for negative keywords, which must be predictable rather than ranked.
 */
export function mentions(text: string | Set<string>, term: string): boolean {
  const have = typeof text === 'string' ? textWords(text) : text;
  const want = tokenize(term).map(stem);
  return want.length > 0 && want.every((w) => have.has(w));
}
