import { bestLink, type StoredPaper } from '../paper.js';
import type { Annotations } from './citation-fields.js';

const COLUMNS = ['id', 'arxiv_id', 'title', 'authors', 'url', 'digest_dates', 'upvotes', 'categories', 'links', 'tags', 'read', 'note'] as const;

/**
 * One CSV cell (RFC 4180): quoted when it holds a comma, quote or line break, quotes doubled.
 * A cell starting with = + - @ gets a leading apostrophe so a spreadsheet never runs it as a formula.
 */
export function csvCell(value: string | number | undefined): string {
  let s = value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The papers as CSV with a header row, CRLF line ends; tags `; `-separated, read as the date it was marked. */
export function toCsv(papers: StoredPaper[], notes: Annotations = new Map()): string {
  const rows = papers.map((p) => {
    const a = notes.get(p.id);
    return [p.id, p.arxivId, p.title, p.authors.join('; '), bestLink(p), p.digestDates.join(' '), p.upvotes, p.categories.join(' '), p.links.join(' '), a?.tags.join('; '), a?.readAt?.slice(0, 10), a?.note]
      .map(csvCell)
      .join(',');
  });
  return [COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}
