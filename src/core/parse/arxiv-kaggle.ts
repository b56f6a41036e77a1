import { paperId, parseArxivId } from '../paper-id.js';
import { cleanText } from './clean-text.js';
import { validIsoDay, toIsoTimestamp } from './dates.js';
import { forEachJsonLine } from './json-lines.js';
import { extractLinks } from './links.js';
import { splitAuthors } from './split-authors.js';
import type { ParseOptions, ParseResult } from './ports.js';
import { createPaperCollector, NO_TITLE } from './validate-papers.js';

/**
 * The Kaggle arXiv metadata snapshot (JSON lines with `versions[]`, `authors_parsed`, `update_date`).
 * It is a catalogue, not a digest: papers get no digest day unless opts.date gives one.
 */
export function parseArxivKaggle(text: string, opts: ParseOptions): ParseResult {
  const warnings: string[] = [];
  const digestDate = validIsoDay(opts.date);
  const collect = createPaperCollector(warnings);
  forEachJsonLine(text, warnings, (line, o) => {
    const arxivId = parseArxivId(typeof o.id === 'string' ? o.id : undefined);
    const title = cleanText(o.title);
    if (!title) return collect.add({ where: `line ${line}`, problem: NO_TITLE });
    const abstract = cleanText(o.abstract);
    const versions = Array.isArray(o.versions) ? o.versions : [];
    const v1 = versions[0] as { created?: unknown } | undefined;
    collect.add({
      where: `line ${line}`,
      paper: {
        id: paperId(arxivId, title),
        arxivId,
        title,
        abstract,
        authors: parsedAuthors(o.authors_parsed) ?? splitAuthors(cleanText(o.authors)),
        links: extractLinks(`${abstract} ${cleanText(o.comments)}`),
        keywords: [],
        categories: cleanText(o.categories).split(' ').filter(Boolean),
        // First version's date is the publication; update_date only says when metadata last changed.
        publishedAt: toIsoTimestamp(v1?.created) ?? toIsoTimestamp(o.update_date),
        digestDate,
        source: 'arxiv-kaggle',
        flags: abstract ? [] : ['no-abstract'],
      },
    });
  });
  return { format: 'arxiv-kaggle', digestDate, papers: collect.finish(), warnings };
}

/** `[["Berger","E. L.",""], …]` → ["E. L. Berger", …]; undefined when absent or malformed. */
function parsedAuthors(value: unknown): string[] | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  const out: string[] = [];
  for (const a of value) {
    if (!Array.isArray(a)) return undefined;
    const [last, first, suffix] = a.map((x) => cleanText(x));
    const name = [first, last, suffix].filter(Boolean).join(' ');
    if (name) out.push(name);
  }
  return out;
}
