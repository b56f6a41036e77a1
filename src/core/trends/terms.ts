import { STOP_WORDS } from '../search/stop-words.js';

/**
 * Generic title words: alone they rise and fall with the number of papers, not with a topic, so
 * they count only inside a pair ("language models", "reinforcement learning").
 */
const TITLE_FILLER: ReadonlySet<string> = new Set(
  `new novel approach approaches method methods framework frameworks study studies analysis paper
  toward large scale scaling efficient effective improving improved improve better simple beyond
  benchmark benchmarks dataset datasets evaluation evaluating model models learning`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * The version of the rule paperTerms applies. Each paper's terms are stored at ingest (the trends
 * then aggregate them in SQL); a store whose terms were computed under another version is refilled
 * once when it opens. Bump it whenever paperTerms, normalizeTerm or the word lists change.
 */
export const TERMS_RULE_VERSION = 1;

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;
// Most titles are ASCII: a plain character class is several times faster than Unicode properties.
const ASCII_WORD = /[a-z0-9][a-z0-9'-]*/g;
// eslint-disable-next-line no-control-regex -- the whole ASCII range, NUL included, is the point
const ASCII = /^[\x00-\x7f]*$/;
const MAX_TERM_CHARS = 60;

// Keywords repeat across papers ("large language models"): each distinct one is normalized once.
// Bounded: cleared when full, so memory stays flat however many keywords pass through.
const normalized = new Map<string, string>();
const MAX_CACHED = 50_000;

/** A keyword as counted: lower case, single spaces, no trailing punctuation. */
export function normalizeTerm(s: string): string {
  let t = normalized.get(s);
  if (t === undefined) {
    if (normalized.size >= MAX_CACHED) normalized.clear();
    normalized.set(s, (t = normalizeUncached(s)));
  }
  return t;
}

function normalizeUncached(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFKC')
    .replace(/\s+/g, ' ')
    .replace(/^[\s"'“”‘’(]+|[\s"'“”‘’.,;:)]+$/g, '')
    .trim();
}

const kept = (w: string) => w.length >= 2 && !STOP_WORDS.has(w) && !/^\d+$/.test(w);
const informative = (w: string) => w.length >= 3 && !TITLE_FILLER.has(w);

/**
 * The terms one paper counts once toward: its Hugging Face `ai_keywords` when it has any (they
 * name the topic better than any title word), else its informative title words and the pairs of
 * adjacent non-stop words with at least one informative ("model merging"), so arXiv-only papers still show in the trends.
 */
export function paperTerms(title: string, keywords: readonly string[]): string[] {
  const out = new Set<string>();
  if (keywords.length) {
    for (const k of keywords) {
      const t = normalizeTerm(k);
      if (t.length >= 2 && t.length <= MAX_TERM_CHARS && !STOP_WORDS.has(t)) out.add(t);
    }
    return [...out];
  }
  // A title's subtitle after ':' is still its topic; punctuation breaks pairs, so pairs never straddle it.
  const lower = title.toLowerCase();
  const word = ASCII.test(lower) ? ASCII_WORD : WORD;
  for (const part of lower.split(/[:;,.!?()[\]{}–—]+/)) {
    const words = part.match(word) ?? [];
    let prev: string | undefined;
    for (const raw of words) {
      const w = raw.includes("'") || raw.includes('’') || raw.endsWith('-') ? raw.replace(/['’]s$/, '').replace(/^-+|-+$/g, '') : raw;
      if (!kept(w)) {
        prev = undefined;
        continue;
      }
      // "learning" alone says nothing, "reinforcement learning" does: filler only joins pairs.
      if (informative(w)) out.add(w);
      if (prev && (informative(prev) || informative(w))) out.add(`${prev} ${w}`);
      prev = w;
    }
  }
  return [...out];
}

/** True when every word of `inner` appears, in order and adjacent, inside `outer`. */
export function containsTerm(outer: string, inner: string): boolean {
  return outer !== inner && ` ${outer} `.includes(` ${inner} `);
}
