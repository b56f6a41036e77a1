import { join } from 'node:path';
import { createSqliteReaderFeedbackStore } from '../../../src/core/store/sqlite/reader-feedback-store.js';
import { openDatabase } from '../../../src/core/store/sqlite/open.js';
import { createSqlitePaperStore } from '../../../src/core/store/sqlite/paper-store.js';
import { useTempDirs } from '../../helpers/temp-dir.js';
import { readerFeedbackContract } from './reader-feedback-contract.js';

const tempDir = useTempDirs();

readerFeedbackContract('sqlite', async () => {
  const db = openDatabase(join(tempDir(), 'papers.db'));
  const papers = createSqlitePaperStore(db);
  await papers.ingest({
    source: 'arxiv-jsonl',
    papers: [1, 2, 3].map((n) => ({ id: `2401.0000${n}`, title: `Paper ${n}`, abstract: '', authors: [], links: [], keywords: [], categories: [], source: 'arxiv-jsonl' as const, flags: [] })),
  });
  let ms = Date.UTC(2025, 0, 1);
  return {
    store: createSqliteReaderFeedbackStore(db, { now: () => new Date(ms), sleep: async () => undefined }),
    tick: () => (ms += 1000),
    close: () => papers.close(),
  };
});
