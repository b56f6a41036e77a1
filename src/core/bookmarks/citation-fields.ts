import type { StoredPaper } from '../paper.js';
import type { Annotation } from '../reading/ports.js';
import { paperYear } from './bibtex.js';

/** Annotations by paper id, passed to every export so notes and tags travel with the papers. */
export type Annotations = ReadonlyMap<string, Annotation>;

/** arXiv registers a DataCite DOI for every paper: Zotero resolves it to the full record. */
export function arxivDoi(arxivId: string | undefined): string | undefined {
  return arxivId ? `10.48550/arXiv.${arxivId}` : undefined;
}

/** [year, month, day] of the arXiv publication when known, else the year alone (see paperYear). */
export function dateParts(p: StoredPaper): number[] | undefined {
  const m = p.publishedAt && /^(\d{4})-(\d{2})-(\d{2})/.exec(p.publishedAt);
  if (m) return [Number(m[1]), Number(m[2]), Number(m[3])];
  const year = paperYear(p);
  return year ? [Number(year)] : undefined;
}

/**
 * A name as family and given parts: the last word is the family name ("Jane Q. Doe" → Doe, Jane Q.).
 * A one-word name, or one in a script written without spaces (王小明), stays whole as a literal.
 */
export function splitName(name: string): { family: string; given?: string } | { literal: string } {
  const words = name.replace(/\s+/g, ' ').trim().split(' ').filter(Boolean);
  if (words.length < 2) return { literal: words[0] ?? '' };
  return { family: words.at(-1)!, given: words.slice(0, -1).join(' ') };
}

/** One line: exports put each value on a line of its own. */
export const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();
