import { join } from 'node:path';
import { createSqliteBookmarkStore } from '../../../src/core/bookmarks/sqlite-bookmark-store.js';
import { createFakeClock } from '../../../src/core/clock.js';
import { paperId } from '../../../src/core/paper-id.js';
import { openDatabase } from '../../../src/core/store/sqlite/open.js';
import { createSqlitePaperStore } from '../../../src/core/store/sqlite/paper-store.js';
import { createSqliteReadingStore } from '../../../src/core/store/sqlite/reading-store.js';
import { useTempDirs } from '../../helpers/temp-dir.js';
import { readingStoreContract } from '../reading/reading-store-contract.js';

const tempDir = useTempDirs();

readingStoreContract('SQLite', async () => {
  const db = openDatabase(join(tempDir(), 'papers.db'));
  const papers = createSqlitePaperStore(db);
  await papers.ingest({
    source: 'hf-api',
    papers: ['p1', 'p2', 'p3', 'p4', 'p5'].map((id) => ({ ...blank(id), id })),
  });
  const clock = createFakeClock('2026-05-01T10:00:00.000Z');
  return {
    reading: createSqliteReadingStore(db, () => clock.now()),
    bookmarks: createSqliteBookmarkStore(db, clock),
    clock,
    close: () => papers.close(),
  };
});

function blank(title: string) {
  return { id: paperId(undefined, title), title, abstract: 'A.', authors: [], links: [], keywords: [], categories: [], source: 'hf-api' as const, flags: [] };
}
