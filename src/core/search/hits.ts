import type { StoredPaper } from '../paper.js';
import type { PaperStore } from '../store/ports.js';
import type { IndexReads } from './index-reads.js';
import type { SearchHit } from './ports.js';
import type { Ranked } from './ranker.js';
import { makeSnippet } from './snippet.js';

/** Papers by index row, read from the store in one call. */
export type PapersByRow = Map<number, StoredPaper>;

/** Index rows → the store's papers: each paper a search needs is read once (see `known`). */
export function createHitReader(reads: () => IndexReads, store: PaperStore) {
  async function papersOf(rowids: number[], known?: PapersByRow): Promise<PapersByRow> {
    const out: PapersByRow = new Map();
    const missing = rowids.filter((r) => {
      const p = known?.get(r);
      if (p) out.set(r, p);
      return !p;
    });
    if (!missing.length) return out;
    const idOf = reads().idsOf(missing);
    const papers = await store.getPapers([...idOf.values()]);
    const byId = new Map(papers.map((p) => [p.id, p]));
    for (const [rowid, id] of idOf) {
      const p = byId.get(id);
      if (p) out.set(rowid, p); // gone from the store since the last catch-up: left out
    }
    return out;
  }

  return {
    papersOf,
    /** Ranked rows as hits, best first; `known`: papers already read for this search (re-scoring). */
    async toHits(ranked: Ranked[], hitStems: Set<string>, known?: PapersByRow): Promise<SearchHit[]> {
      const papers = await papersOf(ranked.map((r) => r.rowid), known);
      return ranked.flatMap((r) => {
        const paper = papers.get(r.rowid);
        if (!paper) return [];
        return [{ paper, score: Math.round(r.score * 1000) / 1000, snippet: makeSnippet(paper.abstract || paper.title, hitStems) }];
      });
    },
  };
}

export type HitReader = ReturnType<typeof createHitReader>;
