import type { Paper } from '../../../src/core/paper.js';
import { paperId } from '../../../src/core/paper-id.js';

/** A parsed paper with defaults; its id follows from the arXiv id or the title, as the parsers make it. */
export function paper(over: Partial<Paper> & { title: string }): Paper {
  return {
    id: paperId(over.arxivId, over.title),
    abstract: 'An abstract.',
    authors: [],
    links: [],
    keywords: [],
    categories: [],
    source: 'hf-api',
    flags: [],
    ...over,
  };
}
