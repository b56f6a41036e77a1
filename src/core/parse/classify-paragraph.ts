/**
 * Is a digest paragraph a paper title or an abstract? Titles are short, one sentence, with no final
 * period (a final `?` or `!` is fine: "Can Language Models …?", "Hogwild!"). Abstracts are long, or
 * several sentences ending with a period. What fits neither is 'unsure' and the caller decides by
 * position (right after a title it is that title's abstract).
 */
export type ParagraphKind = 'title' | 'abstract' | 'unsure';

/** Longer than this is never a title (the longest in the seed digest is 120 characters). */
export const MAX_TITLE_CHARS = 250;
export const MAX_TITLE_WORDS = 35;
/** At least this long is always an abstract. */
export const MIN_SURE_ABSTRACT_CHARS = 300;

// A sentence end followed by the start of another sentence. Linear: no nested quantifiers.
const SENTENCE_BREAK = /[.!?]["')\]]?\s+["'(]?[A-Z0-9]/g;
// "e.g. X", "vs. Y", "et al. Z", "Fig. 2", "No. 3" are not sentence ends.
const ABBREVIATION_BREAK = /\b(?:e\.g|i\.e|vs|etc|et al|Fig|Figs|Eq|Eqs|No|Sec|Dr|Mr|Ms|St|cf|approx)\.\s+["'(]?[A-Z0-9]/g;

export function classifyParagraph(text: string): ParagraphKind {
  const chars = text.length;
  const words = countWords(text);
  if (chars >= MIN_SURE_ABSTRACT_CHARS || words > 45) return 'abstract';
  const breaks = sentenceBreaks(text);
  const endsWithPeriod = /\.["')\]]*$/.test(text) && !/\.\.\.$|…$/.test(text);
  if (endsWithPeriod && breaks.all >= 1) return 'abstract';
  // A URL is the usual last sentence of an abstract ("Code: https://…") and never in a title.
  const hasUrl = text.includes('://');
  if (!endsWithPeriod && !hasUrl && breaks.dots === 0 && chars <= MAX_TITLE_CHARS && words <= MAX_TITLE_WORDS) return 'title';
  return 'unsure';
}

/**
 * Sentence breaks not after a common abbreviation: all of them, and those after a period only
 * (titles may hold `? X` or `! X`, as in "How Well? A Survey…", but rarely `. X`).
 */
export function sentenceBreaks(text: string): { all: number; dots: number } {
  let all = 0;
  let dots = 0;
  for (const m of text.matchAll(SENTENCE_BREAK)) {
    all++;
    if (m[0][0] === '.') dots++;
  }
  let abbreviations = 0;
  for (const _ of text.matchAll(ABBREVIATION_BREAK)) abbreviations++;
  return { all: Math.max(0, all - abbreviations), dots: Math.max(0, dots - abbreviations) };
}

function countWords(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = text.charCodeAt(i) <= 32;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}
