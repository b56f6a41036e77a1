import type { StoredPaper } from '../paper.js';
import type { ReplyFile } from '../reply.js';
import { toBibtex } from './bibtex.js';
import { toCsv } from './csv.js';
import { toMarkdown } from './markdown.js';
import type { Annotations } from './citation-fields.js';
import { toCslJson } from './csl-json.js';
import { toRis } from './ris.js';

export const EXPORT_FORMATS = ['bibtex', 'markdown', 'csv', 'ris', 'csl-json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const KINDS: Record<ExportFormat, { ext: string; mime: string; render: (p: StoredPaper[], notes: Annotations) => string }> = {
  bibtex: { ext: 'bib', mime: 'application/x-bibtex', render: toBibtex },
  markdown: { ext: 'md', mime: 'text/markdown', render: (p, n) => toMarkdown(p, undefined, n) },
  csv: { ext: 'csv', mime: 'text/csv', render: toCsv },
  ris: { ext: 'ris', mime: 'application/x-research-info-systems', render: toRis },
  'csl-json': { ext: 'json', mime: 'application/vnd.citationstyles.csl+json', render: toCslJson },
};

/** The papers as a file to attach; `stamp` (YYYY-MM-DD) goes in the name; `notes` carries the owner's notes and tags. */
export function exportFile(papers: StoredPaper[], format: ExportFormat, stamp: string, notes: Annotations = new Map()): ReplyFile {
  const k = KINDS[format];
  return { name: `bookmarks-${stamp}.${k.ext}`, mime: k.mime, content: k.render(papers, notes) };
}
