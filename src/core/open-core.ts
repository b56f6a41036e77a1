import { createIngestService } from './ingest.js';
import type { IngestService } from './ingest-ports.js';
import { silentLogger, type Logger } from './logger.js';
import type { ParseOptions } from './parse/ports.js';
import { createPaperSearch } from './search/create-paper-search.js';
import type { PaperSearch } from './search/ports.js';
import type { Clock } from './clock.js';
import { openStorage } from './store/open-storage.js';
import type { PaperStore } from './store/ports.js';
import type { Storage } from './store/storage.js';
import type { TrendsReader } from './trends/ports.js';
import type { ReadingStore } from './reading/ports.js';

export interface CoreOptions {
  /** The search index's local file (and SQLite's papers.db when no databaseUrl is given). */
  dataDir: string;
  /** postgres://… : the store is shared by every instance; the search index stays local. */
  databaseUrl?: string;
  clock?: Clock;
  logger?: Logger;
  /** Inputs above this size are refused (default 50 MB). */
  maxFileBytes?: number;
  now?: () => Date;
  /** The `papers` CLI's one-shot commands: see PaperSearchOptions.oneShot. */
  oneShot?: boolean;
}

/** The data half of the bot: the storage, its search index and the ingest path. */
export interface Core {
  storage: Storage;
  /** storage.papers, by its old name. */
  store: PaperStore;
  /** Notes, tags and read state on bookmarks (migration 008); the bot and `papers export` share it. */
  reading: ReadingStore;
  search: PaperSearch;
  ingest: IngestService;
  logger: Logger;
  /** The store reads behind the trends picture. */
  trends: TrendsReader;
  close(): Promise<void>;
}

export { DATABASE_FILE } from './store/open-storage.js';

export async function openCore(opts: CoreOptions): Promise<Core> {
  const logger = opts.logger ?? silentLogger;
  const storage = await openStorage({ dataDir: opts.dataDir, databaseUrl: opts.databaseUrl, clock: opts.clock });
  const store = storage.papers;
  const search = await createPaperSearch({
    dataDir: opts.dataDir,
    store,
    logger: logger.child({ module: 'search' }),
    oneShot: opts.oneShot,
  });
  const ingest = createIngestService({
    store,
    parse: parseLazily,
    search,
    maxBytes: opts.maxFileBytes ?? 50 * 1024 * 1024,
    logger: logger.child({ module: 'ingest' }),
    now: opts.now,
  });
  return {
    storage,
    store,
    reading: storage.reading,
    search,
    ingest,
    logger,
    trends: storage.trends,
    async close() {
      await search.close();
      await storage.close();
    },
  };
}

/**
 * The parsers, loaded when the first input is parsed (ingest, `papers parse`): `papers search`,
 * `show` or `stats` never parse, and loading them (the XML parser and every format's module) was ~65 ms of such a
 * command's start.
 */
export async function parseLazily(content: Buffer, opts?: ParseOptions) {
  const { parseDigest } = await import('./parse/parse-digest.js');
  return parseDigest(content, opts);
}
