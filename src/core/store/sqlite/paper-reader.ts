import Database from 'better-sqlite3';
import type { StoredPaper } from '../../paper.js';
import { INDEXED_COLUMNS, rowToIndexed, rowToPaper, type PaperRow } from '../paper-row.js';
import type { PaperReader } from '../paper-reader.js';
import type { Db } from './open.js';

/**
 * The store's reads an index follows it by: papers above a seq, ascending (PaperStore.papersSince),
 * the top seq and the count; the store and the read-only reader below share them.
 */
export function sqlitePaperReads(db: Db): { papersSince(after: number, limit: number): StoredPaper[] } & Omit<PaperReader, 'close' | 'papersSince'> {
  const since = db.prepare<[number, number], PaperRow>('SELECT * FROM papers WHERE seq > ? ORDER BY seq LIMIT ?');
  const maxSeq = db.prepare<[], { s: number | null }>('SELECT MAX(seq) AS s FROM papers');
  const count = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM papers');
  return {
    papersSince: (after, limit) => since.all(after, limit).map(rowToPaper),
    maxSeq: () => maxSeq.get()?.s ?? 0,
    count: () => count.get()?.n ?? 0,
  };
}

/**
 * The store's file opened read-only for those reads, in a thread of its own (follow-store-worker.ts).
 * No migration: the store that named the file has migrated it. WAL lets it read while the bot or
 * `papers ingest` writes.
 */
export function openSqlitePaperReader(file: string): PaperReader {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  // Only the columns the index reads: every column read and parsed into a StoredPaper was ~2.3 s of
  // the index thread's ~18 s in a 100k ingest (this way ~1.4 s), and that thread is the ingest's
  // longest.
  const since = db.prepare<[number, number], Parameters<typeof rowToIndexed>[0]>(`SELECT ${INDEXED_COLUMNS} FROM papers WHERE seq > ? ORDER BY seq LIMIT ?`);
  return { ...sqlitePaperReads(db), papersSince: (after, limit) => since.all(after, limit).map(rowToIndexed), close: () => db.close() };
}
