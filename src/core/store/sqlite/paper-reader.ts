import Database from 'better-sqlite3';
import { rowToPaper, type PaperRow } from '../paper-row.js';
import type { PaperReader } from '../paper-reader.js';
import type { Db } from './open.js';

/**
 * The store's reads an index follows it by: papers above a seq, ascending (PaperStore.papersSince),
 * the top seq and the count; the store and the read-only reader below share them.
 */
export function sqlitePaperReads(db: Db): Omit<PaperReader, 'close'> {
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
  return { ...sqlitePaperReads(db), close: () => db.close() };
}
