import type { MessageRetentionStore } from '../bookmarks/message-retention.js';
import type { BookmarkStore } from '../bookmarks/ports.js';
import type { Clock } from '../clock.js';
import type { DigestStore } from '../digest/digest-store.js';
import type { DmNoticeStore } from '../digest/dm-notice-store.js';
import type { InstallationStore } from './installations.js';
import type { LockStore } from './lock-store.js';
import type { PaperStore } from './ports.js';
import type { ReaderFeedbackStore } from '../recommend/ports.js';
import type { ReadingStore } from '../reading/ports.js';
import type { TrendsReader } from '../trends/ports.js';
import type { SeenEventStore } from './seen-events.js';

/** Which database holds the bot's data: one SQLite file (the default) or a shared PostgreSQL. */
export type StorageBackend = 'sqlite' | 'postgres';

/**
 * Everything the bot stores, behind one port. Each store owns its tables; a paper re-keyed to its
 * arXiv id moves every store's references in the ingest's own transaction (see each backend's
 * open-*-storage.ts). Nothing outside src/core/store/ holds a database handle.
 */
export interface Storage {
  backend: StorageBackend;
  papers: PaperStore;
  digests: DigestStore;
  bookmarks: BookmarkStore;
  locks: LockStore;
  /** Forgets old chat cards' message rows (digest posts are kept). */
  retention: MessageRetentionStore;
  /** Each person's notes, tags and read state on their bookmarks. */
  reading: ReadingStore;
  /** The reads behind the trends picture (digest appearances, a workspace's bookmarks). */
  trends: TrendsReader;
  /** Readers' "not interested" papers and pins, for recommendations. */
  feedback: ReaderFeedbackStore;
  /** One-time notices for readers whose personal digest (by DM) could not be delivered. */
  dmNotices: DmNoticeStore;
  /** Platform app installations (Slack OAuth), shared by every instance. */
  installations: InstallationStore;
  /** Platform deliveries already handled (Slack retries), shared by every instance. */
  seenEvents: SeenEventStore;
  close(): Promise<void>;
}

export interface StorageConfig {
  /** SQLite's papers.db lives here when no databaseUrl is given. */
  dataDir: string;
  /** postgres://… selects the PostgreSQL backend. */
  databaseUrl?: string;
  clock?: Clock;
}
