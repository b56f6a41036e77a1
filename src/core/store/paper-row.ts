import type { IndexedPaper, StoredPaper } from '../paper.js';
import { normalizeTitle } from '../paper-id.js';
import type { PaperFields } from './merge.js';

/** A papers row as both backends store it (list fields as JSON text). */
export interface PaperRow {
  id: string;
  arxiv_id: string | null;
  title: string;
  abstract: string;
  authors: string;
  links: string;
  keywords: string;
  categories: string;
  upvotes: number | null;
  published_at: string | null;
  digest_dates: string;
  sources: string;
  flags: string;
  ai_summary: string | null;
  tldr: string | null;
  seq: number;
}

// Key order matters: sameFields compares records as JSON, so this mirrors fieldsFromPaper.
export function rowToFields(r: PaperRow): PaperFields {
  return {
    arxivId: r.arxiv_id ?? undefined,
    title: r.title,
    abstract: r.abstract,
    authors: JSON.parse(r.authors),
    links: JSON.parse(r.links),
    keywords: JSON.parse(r.keywords),
    categories: JSON.parse(r.categories),
    upvotes: r.upvotes ?? undefined,
    publishedAt: r.published_at ?? undefined,
    digestDates: JSON.parse(r.digest_dates),
    sources: JSON.parse(r.sources),
    flags: JSON.parse(r.flags),
    aiSummary: r.ai_summary ?? undefined,
    tldr: r.tldr ?? undefined,
  };
}

export function rowToPaper(r: PaperRow): StoredPaper {
  return { id: r.id, ...rowToFields(r), seq: r.seq };
}

/** The columns of a papers row that the search index reads (rowToIndexed). */
export const INDEXED_COLUMNS = 'id, seq, title, abstract, authors, keywords, links, upvotes, sources, digest_dates';

/** Those columns as the index reads them; the same values rowToPaper gives. */
export function rowToIndexed(r: Pick<PaperRow, 'id' | 'seq' | 'title' | 'abstract' | 'authors' | 'keywords' | 'links' | 'upvotes' | 'sources' | 'digest_dates'>): IndexedPaper {
  return {
    id: r.id,
    seq: r.seq,
    title: r.title,
    abstract: r.abstract,
    authors: JSON.parse(r.authors),
    keywords: JSON.parse(r.keywords),
    links: JSON.parse(r.links),
    upvotes: r.upvotes ?? undefined,
    sources: JSON.parse(r.sources),
    digestDates: JSON.parse(r.digest_dates),
  };
}

export function fieldParams(f: PaperFields) {
  return {
    arxiv_id: f.arxivId ?? null,
    title: f.title,
    abstract: f.abstract,
    authors: JSON.stringify(f.authors),
    links: JSON.stringify(f.links),
    keywords: JSON.stringify(f.keywords),
    categories: JSON.stringify(f.categories),
    upvotes: f.upvotes ?? null,
    published_at: f.publishedAt ?? null,
    digest_dates: JSON.stringify(f.digestDates),
    sources: JSON.stringify(f.sources),
    flags: JSON.stringify(f.flags),
    ai_summary: f.aiSummary ?? null,
    tldr: f.tldr ?? null,
    title_key: normalizeTitle(f.title),
  };
}

