import type { Paper, Source, StoredPaper } from '../paper.js';

/** One parsed input (a file, an HTTP response) to store in one transaction. */
export interface IngestBatch {
  source: Source;
  /** The digest day; when set, a digest (source, date) is recorded with the papers in this order. */
  digestDate?: string;
  papers: Paper[];
  /** File name or URL, for logs and the digest record. */
  origin?: string;
}

export interface IngestCounts {
  /** Papers the store did not have. */
  new: number;
  /** Papers it had, whose record changed (a new digest date, more upvotes, a new link…). */
  merged: number;
  /** Papers it had exactly as given. */
  unchanged: number;
  /** Ids of the papers that are new or changed, for the search index and the digest engine. */
  changedIds: string[];
}

export interface DigestInfo {
  id: number;
  source: Source;
  date: string;
  paperCount: number;
  /** ISO time of the first ingest of this digest. */
  ingestedAt: string;
}

/** A paper's place in a digest. `entryId` only grows: "entries since N" is what arrived after N. */
export interface DigestEntry {
  entryId: number;
  digestId: number;
  source: Source;
  date: string;
  position: number;
  paperId: string;
}

/** Where another thread can open a store to read its papers (see PaperStore.location). */
export interface StoreLocation {
  kind: 'sqlite';
  file: string;
}

/**
 * The paper store. SQLite implements it today (sqlite/paper-store.ts); every method is async so a
 * PostgreSQL backend can implement the same port for several bot instances without touching callers.
 */
export interface PaperStore {
  /**
   * Where a worker thread can open this store and read its papers itself (openPaperReader): the
   * search index follows a store being filled there (`papers ingest`), off the thread that fills
   * it. Undefined where no other thread can (an in-memory database; PostgreSQL, for now).
   */
  readonly location?: StoreLocation;
  /** Merge the batch into the store atomically: all of it or nothing. Re-ingesting changes nothing. */
  ingest(batch: IngestBatch): Promise<IngestCounts>;
  /** By paper id; a versioned arXiv id (2401.12345v2) or an arXiv URL finds the paper too. */
  getPaper(id: string): Promise<StoredPaper | undefined>;
  /** In the order asked, unknown ids skipped. */
  getPapers(ids: string[]): Promise<StoredPaper[]>;
  /** Papers whose seq is above `seq`, ascending, at most `limit`: an index catches up with this. */
  papersSince(seq: number, limit: number): Promise<StoredPaper[]>;
  /** The highest seq in the store (0 when empty). */
  maxSeq(): Promise<number>;
  stats(): Promise<{ papers: number; digests: number }>;
  /** Most recent digest first. */
  listDigests(opts?: { limit?: number; source?: Source }): Promise<DigestInfo[]>;
  /** Digest entries with entryId above `afterEntryId`, ascending. */
  digestEntriesSince(afterEntryId: number, opts?: { limit?: number }): Promise<DigestEntry[]>;
  /** Entries of one digest in digest order. */
  digestEntries(digestId: number): Promise<DigestEntry[]>;
  /** Papers whose title contains every given word (case-insensitive), best (shortest) title first. */
  findByTitle(words: string, limit: number): Promise<StoredPaper[]>;
  /** The most upvoted papers whose digest dates include one on or after `sinceDate`. */
  topPapers(opts: { sinceDate?: string; limit: number; offset?: number }): Promise<StoredPaper[]>;
  close(): Promise<void>;
}
