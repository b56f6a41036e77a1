import { paperId, parseArxivId } from '../paper-id.js';
import { cleanText, stringList } from './clean-text.js';
import { dateFromFileName, validIsoDay } from './dates.js';
import { forEachJsonLine } from './json-lines.js';
import { extractLinks } from './links.js';
import { splitAuthors } from './split-authors.js';
import type { ParseOptions, ParseResult } from './ports.js';
import { createPaperCollector, NO_TITLE } from './validate-papers.js';

/**
 * arXiv "new" listings as JSON lines (`{id, categories[], pdf, abs, authors[], title, comment, summary}`),
 * as kept by daily-arXiv-ai-enhanced. The day is only in the file name (or opts.date).
 */
export function parseArxivJsonl(text: string, opts: ParseOptions): ParseResult {
  const warnings: string[] = [];
  const digestDate = validIsoDay(opts.date) ?? dateFromFileName(opts.fileName);
  const collect = createPaperCollector(warnings);
  forEachJsonLine(text, warnings, (line, o) => {
    const arxivId = parseArxivId(str(o.id)) ?? parseArxivId(str(o.abs)) ?? parseArxivId(str(o.pdf));
    const title = cleanText(o.title);
    if (!title) return collect.add({ where: `line ${line}`, problem: NO_TITLE });
    const abstract = cleanText(o.summary ?? o.abstract);
    const categories = Array.isArray(o.categories) ? stringList(o.categories) : cleanText(o.categories).split(' ').filter(Boolean);
    collect.add({
      where: `line ${line}`,
      paper: {
        id: paperId(arxivId, title),
        arxivId,
        title,
        abstract,
        authors: Array.isArray(o.authors) ? stringList(o.authors) : splitAuthors(cleanText(o.authors)),
        links: extractLinks(`${abstract} ${cleanText(o.comment)}`),
        keywords: [],
        categories,
        digestDate,
        source: 'arxiv-jsonl',
        flags: abstract ? [] : ['no-abstract'],
      },
    });
  });
  return { format: 'arxiv-jsonl', digestDate, papers: collect.finish(), warnings };
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}
