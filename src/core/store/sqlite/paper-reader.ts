import Database from 'better-sqlite3';
import type { StoredPaper } from '../../paper.js';
import { rowToPaper, type PaperRow } from '../paper-row.js';
import type { PaperReader } from '../paper-reader.js';
import type { Db } from './open.js';

/** Papers above a seq, ascending: what an index catches up with (PaperStore.papersSince). */
export function papersSinceStatement(db: Db): (after: number, limit: number) => StoredPaper[] {
  const stmt = db.prepare<[number, number], PaperRow>('SELECT * FROM papers WHERE seq > ? ORDER BY seq LIMIT ?');
  return (after, limit) => stmt.all(after, limit).map(rowToPaper);
}

/**
 * The store's file opened read-only for papersSince, in a thread of its own (follow-store-worker.ts).
 * No migration: the store that named the file has migrated it. WAL lets it read while the bot or
 * `papers ingest` writes.
 */
export function openSqlitePaperReader(file: string): PaperReader {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  const since = papersSinceStatement(db);
  const maxSeq = db.prepare<[], { s: number | null }>('SELECT MAX(seq) AS s FROM papers');
  const count = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM papers');
  return {
    papersSince: since,
    maxSeq: () => maxSeq.get()?.s ?? 0,
    count: () => count.get()?.n ?? 0,
    close: () => db.close(),
  };
}
