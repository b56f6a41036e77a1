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
