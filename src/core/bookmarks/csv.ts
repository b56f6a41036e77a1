import { bestLink, type StoredPaper } from '../paper.js';

const COLUMNS = ['id', 'arxiv_id', 'title', 'authors', 'url', 'digest_dates', 'upvotes', 'categories', 'links'] as const;

/**
 * One CSV cell (RFC 4180): quoted when it holds a comma, quote or line break, quotes doubled.
 * A cell starting with = + - @ gets a leading apostrophe so a spreadsheet never runs it as a formula.
 */
export function csvCell(value: string | number | undefined): string {
  let s = value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The papers as CSV with a header row, CRLF line ends. */
export function toCsv(papers: StoredPaper[]): string {
  const rows = papers.map((p) =>
    [p.id, p.arxivId, p.title, p.authors.join('; '), bestLink(p), p.digestDates.join(' '), p.upvotes, p.categories.join(' '), p.links.join(' ')]
      .map(csvCell)
      .join(','),
  );
  return [COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}
