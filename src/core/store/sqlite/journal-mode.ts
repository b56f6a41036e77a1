import type Database from 'better-sqlite3';

const sleeper = new Int32Array(new SharedArrayBuffer(4));

/** The WAL file's size kept once it is reset after a checkpoint (PRAGMA journal_size_limit). */
export const WAL_FILE_LIMIT_BYTES = 32 * 1024 * 1024;

/**
 * A large write (the store's large batches, the index's bulk load) checkpoints the WAL into the
 * file when it passes this many pages (128 MiB), not SQLite's 1,000: each checkpoint syncs the disk
 * and copies back pages the next batch touches again. The store alone, 100k papers in 5,000-paper
 * batches: 8.4-9.2 s with the default, 7.5 s with this.
 */
export const LARGE_WRITE_WAL_PAGES = 32768;
/** SQLite's own wal_autocheckpoint. */
export const DEFAULT_WAL_PAGES = 1000;

/**
 * Switches a database to WAL, waiting up to `waitMs` for other processes. SQLite answers SQLITE_BUSY
 * at once (without calling the busy handler) when another connection holds the file while the
 * journal mode changes, which is what two processes opening one fresh DATA_DIR together both do:
 * one of them failed with "database is locked". WAL is kept in the file, so after the first switch
 * every later open finds it already set and never waits here.
 */
export function useWal(db: Database.Database, waitMs = 5000): void {
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      db.pragma('journal_mode = WAL');
      // A large write lets the WAL grow past 100 MB before a checkpoint (paper-store.ts, the
      // index's bulk load): the file is cut back to this once it is checkpointed and reused,
      // rather than kept at its largest beside the database.
      db.pragma(`journal_size_limit = ${WAL_FILE_LIMIT_BYTES}`);
      return;
    } catch (err) {
      if ((err as { code?: string }).code !== 'SQLITE_BUSY' || Date.now() > deadline) throw err;
      Atomics.wait(sleeper, 0, 0, 10); // a synchronous 10 ms pause: opening a database is synchronous
    }
  }
}
