import type { Storage, StorageConfig } from '../storage.js';
import { createSqliteBookmarkStore, rekeyBookmarks } from './bookmark-store.js';
import { createSqliteDigestStore, rekeyPosts } from './digest-store.js';
import { createSqliteDmNoticeStore } from './dm-notice-store.js';
import { createSqliteInstallationStore } from './installation-store.js';
import { createSqliteLockStore } from './lock-store.js';
import { createSqliteMessageRetention } from './message-retention.js';
import { openDatabase } from './open.js';
import { createSqlitePaperStore } from './paper-store.js';
import { createSqliteReaderFeedbackStore, rekeyDismissals } from './reader-feedback-store.js';
import { createSqliteReadingStore, rekeyReading } from './reading-store.js';
import { createSqliteSeenEventStore } from './seen-event-store.js';
import { createSqliteTrendsReader } from './trends-reader.js';
import { fillSqliteTrendTerms } from './trend-terms.js';

/** The SQLite backend: every store on one file, one connection (better-sqlite3 serialises writes). */
export function openSqliteStorage(file: string, config: Pick<StorageConfig, 'clock'> = {}): Storage {
  const db = openDatabase(file);
  // Once per rule version: a store from before migration 010, or from a bot with other term rules.
  try {
    fillSqliteTrendTerms(db);
  } catch (err) {
    db.close();
    throw err;
  }
  // Each store that points at papers moves its own rows when a paper is re-keyed: one line each.
  const papers = createSqlitePaperStore(db, [rekeyBookmarks, rekeyPosts, rekeyDismissals, rekeyReading]);
  return {
    backend: 'sqlite',
    papers,
    digests: createSqliteDigestStore(db),
    bookmarks: createSqliteBookmarkStore(db, config.clock),
    locks: createSqliteLockStore(db),
    retention: createSqliteMessageRetention(db),
    reading: createSqliteReadingStore(db, config.clock ? () => config.clock!.now() : undefined),
    trends: createSqliteTrendsReader(db),
    feedback: createSqliteReaderFeedbackStore(db, config.clock),
    dmNotices: createSqliteDmNoticeStore(db),
    installations: createSqliteInstallationStore(db),
    seenEvents: createSqliteSeenEventStore(db),
    close: () => papers.close(),
  };
}
