import { STOP_WORDS } from '../search/stop-words.js';
// The search's Porter stem (memoised there, bounded): a TL;DR and a search agree on what a word is.
import { stem } from '../search/text.js';
import { splitSentences, trimAtWord } from './sentences.js';

/** Longest extracted TL;DR: about a line on a phone. */
export const TLDR_MAX_CHARS = 200;

// Words every abstract uses: they say nothing about what this paper does.
const GENERIC = new Set(['paper', 'work', 'approach', 'method', 'model', 'models', 'result', 'results', 'show', 'new', 'novel', 'propos', 'present', 'introduc', 'task', 'data']);


// Most abstracts are ASCII: a plain regex is several times faster than the Unicode-aware one.
// eslint-disable-next-line no-control-regex -- the whole ASCII range, NUL included, is the point
const ASCII = /^[\x00-\x7f]*$/;
const ASCII_WORD = /[a-z0-9]+(?:-[a-z0-9]+)*/g;
const WORD = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu;

/** Informative word stems of a text: lower-cased, stop words and generic words out, stemmed. */
export function contentStems(text: string): Set<string> {
  const out = new Set<string>();
  const lower = text.toLowerCase();
  for (const w of lower.match(ASCII.test(lower) ? ASCII_WORD : WORD) ?? []) {
    if (w.length < 2 || STOP_WORDS.has(w) || /^\d+$/.test(w)) continue;
    const s = stem(w);
    if (!GENERIC.has(s)) out.add(s);
  }
  return out;
}

// "we propose / introduce / present …", "this paper presents", "in this work we": the sentence that
// states the contribution. On the 1,217 Hugging Face papers with an ai_summary (npm run bench:tldr)
// these weights pick the sentence closest to HF's summary 45.7% of the time, the first sentence 16.9%;
// other weights tried (0.5 or 2 for a contribution, 2× title words) moved it by under 1 point.
const CONTRIBUTION = /\b(?:we|this (?:paper|work|study|article)|in this (?:paper|work)|here,? we)\b[^.]{0,40}?\b(?:propose|introduce|present|develop|design|build|describe|release|construct|create|offer|formulate|devise|unveil)[sd]?\b/i;
const NAMES_IT = /\b(?:called|named|dubbed|termed)\b|,\s*(?:a|an)\s+(?:novel|new|simple|unified|general)\b/i;
// Background and motivation sentences: rarely the TL;DR.
const BACKGROUND = /^(?:recent|recently|however|despite|although|while|existing|current|traditional|large language models|in recent years|with the)\b/i;
const RESULTS = /^(?:experiments?|extensive|our experiments|empirical|evaluations?|results)\b/i;

/**
 * The first two letters a word must start with for its Porter stem to be one of `stems`. Every
 * Porter rule keeps a non-empty prefix of the word and rewrites only what follows it; the one
 * rewrite that can reach the second letter is y → i after a one-letter stem ("ays" → "ai"). A
 * one-letter stem needs only its letter. Keys are char codes: c0 * 65536 + c1, or c0 alone.
 * (test/core/tldr/stem-prefix.test.ts checks the rule against the stemmer.)
 */
export function stemPrefixes(stems: Iterable<string>): Set<number> {
  const out = new Set<number>();
  for (const t of stems) {
    const c0 = t.charCodeAt(0);
    if (t.length < 2) {
      out.add(c0);
      continue;
    }
    out.add(c0 * 65536 + t.charCodeAt(1));
    if (t[1] === 'i') out.add(c0 * 65536 + 121); // 'y'
  }
  return out;
}

/** True when `word` (two letters or more) may stem to one of the stems `prefixes` was made from. */
export function mayStemTo(word: string, prefixes: ReadonlySet<number>): boolean {
  const c0 = word.charCodeAt(0);
  return prefixes.has(c0 * 65536 + word.charCodeAt(1)) || prefixes.has(c0);
}

/**
 * How many of `titleWords` (content stems) are the stem of some word of `text`: the size of
 * contentStems(text) ∩ titleWords, computed without stemming most words (it runs on every sentence
 * of an abstract: when the TL;DR was picked at ingest, stemming each word was most of the store's
 * time). The generic-word check is moot: titleWords holds none.
 */
function sharedStemCount(text: string, titleWords: ReadonlySet<string>, prefixes: ReadonlySet<number>): number {
  const lower = text.toLowerCase();
  let shared: Set<string> | undefined;
  for (const w of lower.match(ASCII.test(lower) ? ASCII_WORD : WORD) ?? []) {
    if (w.length < 2 || !mayStemTo(w, prefixes) || STOP_WORDS.has(w) || /^\d+$/.test(w)) continue;
    const s = stem(w);
    if (titleWords.has(s)) (shared ??= new Set()).add(s);
  }
  return shared?.size ?? 0;
}

/** Scores for each sentence; the highest is the TL;DR. Exported for the bench. */
export function scoreSentences(title: string, sentences: string[]): number[] {
  const titleWords = contentStems(title);
  const prefixes = stemPrefixes(titleWords);
  return sentences.map((s, i) => {
    let score = titleWords.size ? sharedStemCount(s, titleWords, prefixes) / titleWords.size : 0;
    if (CONTRIBUTION.test(s)) score += 1;
    if (NAMES_IT.test(s)) score += 0.3;
    if (BACKGROUND.test(s)) score -= 0.5;
    if (RESULTS.test(s)) score -= 0.2;
    // A very short sentence ("Code is available.") or a very long one makes a poor line.
    if (s.length < 40) score -= 1;
    if (i === 0) score += 0.05;
    return score;
  });
}

/** Index of the sentence that best states the contribution; -1 for no sentences. */
export function pickSentence(title: string, sentences: string[]): number {
  const scores = scoreSentences(title, sentences);
  let best = -1;
  scores.forEach((s, i) => {
    if (best < 0 || s > scores[best]!) best = i;
  });
  return best;
}

/**
 * An extractive one-line TL;DR: the abstract sentence that best states the contribution, trimmed
 * at a word boundary to TLDR_MAX_CHARS. No model, no network: extracted when a card shows a paper
 * without a Hugging Face summary (cards.ts). Undefined when there is no abstract.
 */
export function extractTldr(title: string, abstract: string): string | undefined {
  const sentences = splitSentences(abstract);
  const i = pickSentence(title, sentences);
  return i < 0 ? undefined : trimAtWord(sentences[i]!, TLDR_MAX_CHARS);
}
