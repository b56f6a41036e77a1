import pg from 'pg';
import type { Storage, StorageConfig } from '../storage.js';
import { createPostgresBookmarkStore, rekeyBookmarksPg } from './bookmark-store.js';
import { createPostgresDigestStore, rekeyPostsPg } from './digest-store.js';
import { createPostgresDmNoticeStore } from './dm-notice-store.js';
import { createPostgresInstallationStore } from './installation-store.js';
import { createPostgresLockStore } from './lock-store.js';
import { createPostgresMessageRetention } from './message-retention.js';
import { migratePostgres } from './migrate.js';
import { createPostgresPaperStore } from './paper-store.js';
import { createPostgresReaderFeedbackStore, rekeyDismissalsPg } from './reader-feedback-store.js';
import { createPostgresReadingStore, rekeyReadingPg } from './reading-store.js';
import { createPostgresSeenEventStore } from './seen-event-store.js';
import { createPostgresTrendsReader } from './trends-reader.js';
import { fillPostgresTrendTerms } from './trend-terms.js';

/**
 * The PostgreSQL backend: one pool per process, the schema brought up to date at open. Nothing here
 * depends on a session outliving a transaction (locks are transaction-level or lease rows), so a
 * transaction pooler (PgBouncer) in front is fine.
 */
export async function openPostgresStorage(url: string, config: Pick<StorageConfig, 'clock'> = {}): Promise<Storage> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection dropped by the server is reported here instead of crashing the process.
  pool.on('error', () => undefined);
  try {
    await migratePostgres(pool);
    // Once per rule version: a database from before migration 5, or from a bot with other term rules.
    await fillPostgresTrendTerms(pool);
  } catch (err) {
    await pool.end();
    throw err;
  }
  return {
    backend: 'postgres',
    // Each store that points at papers moves its own rows when a paper is re-keyed: one line each.
    papers: createPostgresPaperStore(pool, [rekeyBookmarksPg, rekeyPostsPg, rekeyDismissalsPg, rekeyReadingPg]),
    digests: createPostgresDigestStore(pool),
    bookmarks: createPostgresBookmarkStore(pool, config.clock),
    locks: createPostgresLockStore(pool),
    retention: createPostgresMessageRetention(pool),
    reading: createPostgresReadingStore(pool, config.clock ? () => config.clock!.now() : undefined),
    trends: createPostgresTrendsReader(pool),
    feedback: createPostgresReaderFeedbackStore(pool, config.clock),
    dmNotices: createPostgresDmNoticeStore(pool),
    installations: createPostgresInstallationStore(pool),
    seenEvents: createPostgresSeenEventStore(pool),
    close: async () => {
      if (!pool.ended) await pool.end();
    },
  };
}
