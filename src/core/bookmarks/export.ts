import type { StoredPaper } from '../paper.js';
import type { ReplyFile } from '../reply.js';
import { toBibtex } from './bibtex.js';
import { toCsv } from './csv.js';
import { toMarkdown } from './markdown.js';

export const EXPORT_FORMATS = ['bibtex', 'markdown', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const KINDS: Record<ExportFormat, { ext: string; mime: string; render: (p: StoredPaper[]) => string }> = {
  bibtex: { ext: 'bib', mime: 'application/x-bibtex', render: toBibtex },
  markdown: { ext: 'md', mime: 'text/markdown', render: toMarkdown },
  csv: { ext: 'csv', mime: 'text/csv', render: toCsv },
};

/** The papers as a file to attach; `stamp` (YYYY-MM-DD) goes in the name. */
export function exportFile(papers: StoredPaper[], format: ExportFormat, stamp: string): ReplyFile {
  const k = KINDS[format];
  return { name: `bookmarks-${stamp}.${k.ext}`, mime: k.mime, content: k.render(papers) };
}
