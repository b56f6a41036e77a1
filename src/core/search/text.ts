import { stemmer } from 'stemmer';

/**
 * Tokenizing the way SQLite's unicode61 tokenizer (remove_diacritics 2) does: runs of letters and
 * digits, accents folded, lower-cased. Query words, snippets and the typo vocabulary all use this, so
 * what a person types lines up with what the index holds.
 */
const TOKEN = /[\p{L}\p{N}]+/gu;

const GREEK: Record<string, string> = {
  α: 'alpha', β: 'beta', γ: 'gamma', δ: 'delta', ε: 'epsilon', ζ: 'zeta', η: 'eta', θ: 'theta',
  ι: 'iota', κ: 'kappa', λ: 'lambda', μ: 'mu', ν: 'nu', ξ: 'xi', ο: 'omicron', π: 'pi', ρ: 'rho',
  σ: 'sigma', ς: 'sigma', τ: 'tau', υ: 'upsilon', φ: 'phi', χ: 'chi', ψ: 'psi', ω: 'omega',
};
// Greek letters, with or without accents, and the micro sign (NFKD makes it μ).
const HAS_GREEK = /[\u0370-\u03ff\u1f00-\u1fff\u00b5]/;
const GREEK_LETTER = new RegExp(HAS_GREEK.source, 'g');

/**
 * Greek letters spelled out: "IL-1β", "NF-κB", "Aβ" become "IL-1beta", "NF-kappaB", "Abeta", as
 * many papers (and most people at a keyboard) write them; otherwise a search for "TGF-beta" misses
 * every paper that wrote "TGF-β". Applied to what is indexed and to what is searched (via fold).
 */
export function spellOutGreek(text: string): string {
  if (!HAS_GREEK.test(text)) return text;
  return text.replace(GREEK_LETTER, (ch) => GREEK[ch.normalize('NFKD')[0]!.toLowerCase()] ?? ch);
}

// Most abstracts are plain ASCII: they skip the (slow) Unicode normalization.
// eslint-disable-next-line no-control-regex -- the ASCII range starts at NUL on purpose
const ASCII = /^[\x00-\x7f]*$/;

/** Plain ASCII: folding is lower-casing, and tokens are the runs of [a-z0-9] (count-words.ts). */
export function isAscii(text: string): boolean {
  return ASCII.test(text);
}

/** Accents folded and lower-cased, as SQLite's unicode61 tokenizer (remove_diacritics 2) does. */
export function foldAccents(text: string): string {
  return isAscii(text) ? text.toLowerCase() : text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** Accents folded, Greek letters spelled out, lower-cased. */
export function fold(text: string): string {
  return isAscii(text) ? text.toLowerCase() : spellOutGreek(foldAccents(text));
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
