import { join } from 'node:path';
import { createRecordingLogger, type LogRecord } from '../../../src/core/logger.js';
import type { Paper } from '../../../src/core/paper.js';
import { createPaperSearch } from '../../../src/core/search/create-paper-search.js';
import type { PaperSearch } from '../../../src/core/search/ports.js';
import { openDatabase } from '../../../src/core/store/sqlite/open.js';
import { createSqlitePaperStore } from '../../../src/core/store/sqlite/paper-store.js';
import type { PaperStore } from '../../../src/core/store/ports.js';

/** A real SQLite store in `dir` and a search over it, with the log records kept. */
export async function searchEnv(dir: string, seed: Paper[] = [], digestDate?: string) {
  const store: PaperStore = createSqlitePaperStore(openDatabase(join(dir, 'papers.db')));
  if (seed.length) await store.ingest({ source: seed[0]!.source, digestDate, papers: seed });
  const records: LogRecord[] = [];
  const logger = createRecordingLogger(records);
  const search: PaperSearch = await createPaperSearch({ dataDir: dir, store, logger });
  return {
    dir,
    store,
    search,
    records,
    rebuilds: () => records.filter((r) => r.msg === 'building the search index from the store'),
    reopen: () => createPaperSearch({ dataDir: dir, store, logger }),
    async close() {
      await search.close();
      await store.close();
    },
  };
}

/** A paper with only what a test cares about filled in. */
export function paper(over: Partial<Paper> & { id: string; title: string }): Paper {
  return { abstract: '', authors: [], links: [], keywords: [], categories: [], source: 'hf-api', flags: [], ...over };
}

/**
 * `n` papers of random words (a fixed seed): each of `words` taken with its own chance (`chance(i)`,
 * said twice three times in ten), the first two in the title, the rest with 1 to `fillerMax` filler
 * words in the abstract; every `codeEvery`-th paper (from the first) links code. Titles are
 * numbered: papers of one title would be one paper in the store.
 */
export function randomWordPapers(o: { seed: number; n: number; words: readonly string[]; chance: (i: number) => number; fillerMax: number; codeEvery: number }): Paper[] {
  let seed = o.seed;
  const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  return Array.from({ length: o.n }, (_, n) => {
    const words = o.words.flatMap((w, i) => (rand() < o.chance(i) ? (rand() < 0.3 ? [w, w] : [w]) : []));
    const filler = Array.from({ length: 1 + Math.floor(rand() * o.fillerMax) }, () => 'study');
    return paper({
      id: `2501.${String(n).padStart(5, '0')}`,
      title: `Note ${n}: ${words.slice(0, 2).join(' ')}`,
      abstract: [...words.slice(2), ...filler].join(' '),
      links: n % o.codeEvery ? [] : [`https://github.com/example/${n}`],
    });
  });
}
