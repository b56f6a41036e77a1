// Abbreviations whose period does not end a sentence ("e.g. the", "et al. show", "Fig. 3").
const ABBREVIATIONS = /(?:\b(?:e\.g|i\.e|et al|etc|cf|vs|viz|approx|resp|Fig|Figs|Eq|Eqs|Sec|Tab|No|Dr|Mr|Ms|Prof|St|Inc|Ltd|al)|\b\p{Lu})\.$/u;

/**
 * The sentences of an abstract, in order. A sentence ends at . ! or ? followed by white space and
 * a capital, a digit or an opening bracket/quote; abbreviations (e.g., et al., Fig.) and single
 * initials (J. Smith) do not end one. Decimals (3.5) never match, having no space after the point.
 */
export function splitSentences(text: string): string[] {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (!flat) return [];
  const out: string[] = [];
  let start = 0;
  // The ASCII form of the same pattern is several times faster, and most abstracts are ASCII.
  // eslint-disable-next-line no-control-regex -- the whole ASCII range, NUL included, is the point
  const ends = /^[\x00-\x7f]*$/.test(flat) ? /[.!?]["')\]]* (?=["'([]?[A-Z0-9])/g : /[.!?]["')\]]* (?=["'([]?[\p{Lu}\p{N}])/gu;
  for (const m of flat.matchAll(ends)) {
    const end = m.index + m[0].length - 1;
    const candidate = flat.slice(start, end);
    if (m[0][0] === '.' && ABBREVIATIONS.test(flat.slice(Math.max(start, m.index - 8), m.index + 1))) continue;
    out.push(candidate.trim());
    start = end + 1;
  }
  const last = flat.slice(start).trim();
  if (last) out.push(last);
  return out.filter(Boolean);
}

/** `text` cut at a word boundary to at most `max` characters, with … when cut. */
export function trimAtWord(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  const head = space > max * 0.6 ? cut.slice(0, space) : cut;
  return `${head.replace(/[\s,;:–—-]+$/u, '')}…`;
}
