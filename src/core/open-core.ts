import { join } from 'node:path';
import { createIngestService } from './ingest.js';
import type { IngestService } from './ingest-ports.js';
import { silentLogger, type Logger } from './logger.js';
import { parseDigest } from './parse/parse-digest.js';
import { createPaperSearch } from './search/create-paper-search.js';
import type { PaperSearch } from './search/ports.js';
import { openDatabase, type Db } from './store/sqlite/open.js';
import { createSqlitePaperStore } from './store/sqlite/paper-store.js';
import type { PaperStore } from './store/ports.js';
import type { ReadingStore } from './reading/ports.js';
import { createSqliteReadingStore } from './store/sqlite/reading-store.js';

export interface CoreOptions {
  dataDir: string;
  logger?: Logger;
  /** Inputs above this size are refused (default 50 MB). */
  maxFileBytes?: number;
  now?: () => Date;
}

/** The data half of the bot: the store, its search index and the ingest path, all in DATA_DIR. */
export interface Core {
  db: Db;
  store: PaperStore;
  /** Notes, tags and read state on bookmarks (migration 008); the bot and `papers export` share it. */
  reading: ReadingStore;
  search: PaperSearch;
  ingest: IngestService;
  logger: Logger;
  close(): Promise<void>;
}

export const DATABASE_FILE = 'papers.db';

export async function openCore(opts: CoreOptions): Promise<Core> {
  const logger = opts.logger ?? silentLogger;
  const db = openDatabase(join(opts.dataDir, DATABASE_FILE));
  const store = createSqlitePaperStore(db);
  const reading = createSqliteReadingStore(db, opts.now);
  const search = await createPaperSearch({ dataDir: opts.dataDir, store, logger: logger.child({ module: 'search' }) });
  const ingest = createIngestService({
    store,
    parse: parseDigest,
    search,
    maxBytes: opts.maxFileBytes ?? 50 * 1024 * 1024,
    logger: logger.child({ module: 'ingest' }),
    now: opts.now,
  });
  return {
    db,
    store,
    reading,
    search,
    ingest,
    logger,
    async close() {
      await search.close();
      await store.close();
    },
  };
}
