import { STOP_WORDS } from '../search/stop-words.js';
import { stem, tokenize } from '../search/text.js';

/** A paper as the recommender reads it: what a reader sees of it, never its arXiv categories. */
export interface RecommendText {
  title: string;
  abstract: string;
  authors: string[];
}

/** One token: the stem the model counts and the word as written (shown in "because: …"). */
export interface Token {
  stem: string;
  surface: string;
}

// Tokens the recommender skips: stop words, lone letters and bare numbers (years, table values)
// carry no topic and only spread a paper's weight thin.
const keep = (w: string) => w.length >= 2 && !STOP_WORDS.has(w) && !/^\d+$/.test(w);

/**
 * Title, abstract and authors as stemmed tokens, the way arxiv-sanity-lite feeds its tf-idf
 * (title | abstract | authors), stop words dropped before word pairs are formed.
 */
export function paperTokens(p: RecommendText): Token[] {
  const out: Token[] = [];
  for (const part of [p.title, p.abstract, p.authors.join(' ')]) {
    for (const w of tokenize(part)) if (keep(w)) out.push({ stem: stem(w), surface: w });
    // A break between parts: no word pair spans the end of the title and the start of the abstract.
    out.push({ stem: '', surface: '' });
  }
  return out;
}

/** A reader's pin ("world models", "Yann LeCun") as the stems it must match. */
export function pinStems(pin: string): string[] {
  return tokenize(pin).filter(keep).map(stem);
}
