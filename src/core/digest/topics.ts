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

function words(text: string): string[] {
  return text.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

// Plural and common suffixes folded so "-survey" also drops "surveys"; good enough for keywords.
function stem(w: string): string {
  if (w.length <= 4) return w;
  const base = w.replace(/(ies|es|s|ing|ed)$/, '');
  // merge / merges / merged / merging → merg
  return base.length > 4 ? base.replace(/e$/, '') : base;
}

/** The stemmed words of a text, computed once per paper when many channels test it. */
export function textWords(text: string): Set<string> {
  return new Set(words(text).map(stem));
}

/**
 * Whether a term occurs in a text: every word of the term, as a whole word (after stemming), in
 * order-insensitive fashion. Used for negative keywords, which must be predictable rather than ranked.
 */
export function mentions(text: string | Set<string>, term: string): boolean {
  const have = typeof text === 'string' ? textWords(text) : text;
  const want = words(term).map(stem);
  return want.length > 0 && want.every((w) => have.has(w));
}
