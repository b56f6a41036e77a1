import { bestLink, type StoredPaper } from '../paper.js';
import { uniqueKeys } from './bibtex.js';
import type { Annotation } from '../reading/ports.js';
import { arxivDoi, dateParts, oneLine, splitName, type Annotations } from './citation-fields.js';

/**
 * RIS (the Research Information Systems tag format Zotero, EndNote and Mendeley import). Preprints
 * are UNPB (unpublished work); each value sits on its one `XX  - ` line, so a title holding
 * "ER  - " or a line break cannot end the record early. Notes go in N1, tags in KW (one each).
 */
export function toRis(papers: StoredPaper[], notes: Annotations = new Map()): string {
  const keys = uniqueKeys(papers);
  return papers.map((p, i) => risRecord(p, keys[i]!, notes.get(p.id))).join('');
}

function risRecord(p: StoredPaper, key: string, a: Annotation | undefined): string {
  const lines: Array<[string, string | undefined]> = [['TY', 'UNPB'], ['ID', key], ['TI', p.title]];
  for (const name of p.authors) {
    const n = splitName(name);
    lines.push(['AU', 'literal' in n ? n.literal : `${n.family}, ${n.given}`]);
  }
  const date = dateParts(p);
  if (date) {
    lines.push(['PY', String(date[0])]);
    if (date.length === 3) lines.push(['DA', `${date[0]}/${String(date[1]).padStart(2, '0')}/${String(date[2]).padStart(2, '0')}/`]);
  }
  if (p.arxivId) lines.push(['PB', 'arXiv'], ['M1', `arXiv:${p.arxivId}`], ['DO', arxivDoi(p.arxivId)]);
  lines.push(['UR', bestLink(p)], ['AB', p.abstract || undefined]);
  for (const tag of a?.tags ?? []) lines.push(['KW', tag]);
  if (a?.note) lines.push(['N1', a.note]);
  const body = lines.flatMap(([tag, v]) => {
    const value = v === undefined ? '' : oneLine(v);
    return value ? [`${tag}  - ${value}`] : [];
  });
  return `${body.join('\r\n')}\r\nER  - \r\n\r\n`;
}
