import { bestLink, type StoredPaper } from '../paper.js';
import { uniqueKeys } from './bibtex.js';
import { arxivDoi, dateParts, oneLine, splitName, type Annotations } from './citation-fields.js';

/** One CSL-JSON item (the subset we fill; https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html). */
export interface CslItem {
  id: string;
  type: 'article';
  title: string;
  author?: Array<{ family: string; given?: string } | { literal: string }>;
  issued?: { 'date-parts': number[][] };
  abstract?: string;
  URL?: string;
  DOI?: string;
  number?: string;
  publisher?: string;
  note?: string;
  /** CSL keeps keywords in one string, comma separated. */
  keyword?: string;
}

/**
 * CSL-JSON, the citation data Zotero, Pandoc and citeproc read. arXiv papers are `article` (CSL's
 * type for preprints) with arXiv as publisher, the id as number and arXiv's DOI. Tags become
 * `keyword` (commas inside a tag turn into spaces, since CSL splits on them), the note `note`.
 */
export function toCslItems(papers: StoredPaper[], notes: Annotations = new Map()): CslItem[] {
  const keys = uniqueKeys(papers);
  return papers.map((p, i) => {
    const item: CslItem = { id: keys[i]!, type: 'article', title: oneLine(p.title) };
    if (p.authors.length) item.author = p.authors.map(splitName);
    const date = dateParts(p);
    if (date) item.issued = { 'date-parts': [date] };
    if (p.abstract) item.abstract = p.abstract;
    const url = bestLink(p);
    if (url) item.URL = url;
    if (p.arxivId) Object.assign(item, { DOI: arxivDoi(p.arxivId), number: p.arxivId, publisher: 'arXiv' });
    const a = notes.get(p.id);
    if (a?.note) item.note = a.note;
    if (a?.tags.length) item.keyword = a.tags.map((t) => oneLine(t.replace(/,/g, ' '))).join(', ');
    return item;
  });
}

export function toCslJson(papers: StoredPaper[], notes?: Annotations): string {
  return `${JSON.stringify(toCslItems(papers, notes), null, 2)}\n`;
}
