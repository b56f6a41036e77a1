/**
 * Paper identity: the arXiv id without version when known, else a key built from the normalized
 * title. The same paper from any source, day or arXiv version gets the same id.
 */

// New-style ids (0704.0001 … 2401.12345) and old-style (hep-th/9901001, math.GT/0309136).
// Compiled once: parseArxivId runs for every paper of every input.
const NEW_ID = /^(\d{4}\.\d{4,5})(v\d+)?$/;
const OLD_ID = /^([a-z-]+(?:\.[A-Z]{2})?\/\d{7})(v\d+)?$/;

/** Extracts a versionless arXiv id from an id, `arXiv:` string or arxiv.org URL; undefined if none. */
export function parseArxivId(text: string | undefined | null): string | undefined {
  if (!text) return undefined;
  const t = text.trim().replace(/^arxiv:/i, '');
  const urlMatch = /arxiv\.org\/(?:abs|pdf|html)\/([^\s?#]+?)(?:\.pdf)?(?:[?#].*)?$/i.exec(t);
  const candidate = urlMatch ? urlMatch[1]! : t;
  const n = NEW_ID.exec(candidate);
  if (n) return n[1];
  const o = OLD_ID.exec(candidate);
  if (o) return o[1];
  return undefined;
}

/** Lower-case, accents folded, punctuation dropped, spaces collapsed: two spellings of one title match. */
export function normalizeTitle(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The store id of a paper. */
export function paperId(arxivId: string | undefined, title: string): string {
  const a = parseArxivId(arxivId);
  if (a) return a;
  return `title:${normalizeTitle(title).replace(/ /g, '-')}`;
}
