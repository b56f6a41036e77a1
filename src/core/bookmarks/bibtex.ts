import { bestLink, type StoredPaper } from '../paper.js';
import type { Annotation } from '../reading/ports.js';
import type { Annotations } from './citation-fields.js';

// BibTeX/LaTeX specials and what stands for each; `\` first so later escapes are not doubled.
// Braces become LaTeX's brace commands, never `\{`: BibTeX counts a brace whatever precedes it, so
// a title holding `} @misc(…` closed the field early and the rest was read as a forged entry. With
// no raw brace in the text, every field value is balanced, and LaTeX still prints `{` and `}`.
const SPECIALS: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '{': '\\textbraceleft{}',
  '}': '\\textbraceright{}',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};

/** Escapes what BibTeX/LaTeX treats specially. */
export function escapeBibtex(text: string): string {
  return text.replace(/[\\&%$#_{}~^]/g, (c) => SPECIALS[c]!);
}

/**
 * A title for BibTeX: specials escaped, and every word with a capital braced, because sentence-case
 * styles (IEEE, APA, ACM) lowercase whatever is bare and cannot tell "Gaussian" or "Transformer"
 * from an ordinary word. The first word is braced too: it may be a proper noun, and styles that
 * keep it capitalised lose nothing. Acronyms keep a plural outside ({LLM}s) so the suffix still
 * reads as English; other words are braced whole ({ChatGPT}, {Pref}-{GRPO}). Combining marks count
 * as part of their word, so a decomposed "Ünal" is braced in one piece.
 */
export function bibtexTitle(title: string): string {
  return title
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/([\\&%$#_{}~^])|([\p{L}\p{M}\p{N}]+)/gu, (_m, special?: string, word?: string) => {
      if (special) return SPECIALS[special]!;
      if (!/\p{Lu}/u.test(word!)) return word!;
      const acronym = /^(\p{Lu}\p{M}*(?:[\p{Lu}\p{N}]\p{M}*)+)(\p{Ll}{1,2})?$/u.exec(word!);
      return acronym ? `{${acronym[1]}}${acronym[2] ?? ''}` : `{${word}}`;
    });
}

const STOP_WORDS = new Set(['a', 'an', 'the', 'on', 'of', 'for', 'in', 'to', 'and', 'with', 'is', 'are', 'from', 'by', 'at', 'via', 'towards', 'toward']);

const ascii = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

/** The year to cite: arXiv publication, else the arXiv id's YYMM, else the first digest date. */
export function paperYear(p: StoredPaper): string | undefined {
  const fromDate = (d?: string) => (d && /^\d{4}/.test(d) ? d.slice(0, 4) : undefined);
  const fromId = p.arxivId && /^(\d{2})\d{2}\./.exec(p.arxivId);
  return fromDate(p.publishedAt) ?? (fromId ? `20${fromId[1]}` : undefined) ?? fromDate(p.digestDates[0]);
}

/** author-year-word, e.g. doe2024merging; the caller makes it unique. */
export function baseKey(p: StoredPaper): string {
  const first = p.authors[0]?.trim().split(/\s+/).pop() ?? '';
  const word = p.title.split(/\s+/).map(ascii).find((w) => w.length > 1 && !STOP_WORDS.has(w)) ?? 'paper';
  return `${ascii(first) || 'anon'}${paperYear(p) ?? ''}${word}`;
}

/** One key per paper; a clash gets a, b, c… after the first (doe2024merging, doe2024merginga). */
export function uniqueKeys(papers: StoredPaper[]): string[] {
  const used = new Set<string>();
  return papers.map((p) => {
    const base = baseKey(p);
    let key = base;
    for (let i = 0; used.has(key); i++) key = `${base}${suffix(i)}`;
    used.add(key);
    return key;
  });
}

// a…z, then aa, ab…: never runs out.
function suffix(i: number): string {
  return i < 26 ? String.fromCharCode(97 + i) : suffix(Math.floor(i / 26) - 1) + String.fromCharCode(97 + (i % 26));
}

/** One `@misc` entry; the owner's note and tags, when given, go in `note` and `keywords`. */
export function bibtexEntry(p: StoredPaper, key: string, a?: Annotation): string {
  const fields: Array<[string, string]> = [['title', bibtexTitle(p.title)]];
  if (p.authors.length) fields.push(['author', p.authors.map((a) => escapeBibtex(a.trim())).join(' and ')]);
  const year = paperYear(p);
  if (year) fields.push(['year', year]);
  if (p.arxivId) {
    fields.push(['eprint', p.arxivId], ['archivePrefix', 'arXiv']);
    if (p.categories[0]) fields.push(['primaryClass', escapeBibtex(p.categories[0])]);
  }
  const url = bestLink(p);
  // URLs keep % and # (the url package reads them verbatim); only braces would break the entry.
  if (url) fields.push(['url', url.replace(/[{}]/g, encodeURIComponent)]);
  if (a?.note) fields.push(['note', escapeBibtex(a.note.replace(/\s+/g, ' ').trim())]);
  if (a?.tags.length) fields.push(['keywords', a.tags.map((t) => escapeBibtex(t.replace(/,/g, ' '))).join(', ')]);
  return `@misc{${key},\n${fields.map(([k, v]) => `  ${k} = {${v}}`).join(',\n')}\n}\n`;
}

/** A .bib file of the papers, keys unique. */
export function toBibtex(papers: StoredPaper[], notes: Annotations = new Map()): string {
  const keys = uniqueKeys(papers);
  return papers.map((p, i) => bibtexEntry(p, keys[i]!, notes.get(p.id))).join('\n');
}
