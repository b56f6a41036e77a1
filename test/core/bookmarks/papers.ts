import type { StoredPaper } from '../../../src/core/paper.js';

/** A StoredPaper with defaults, for export tests. */
export function paper(over: Partial<StoredPaper> & { id: string; title: string }): StoredPaper {
  return { abstract: '', authors: [], links: [], keywords: [], categories: [], digestDates: [], sources: ['hf-api'], flags: [], seq: 1, ...over };
}
