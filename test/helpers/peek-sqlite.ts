import Database from 'better-sqlite3';
import { join } from 'node:path';

const opened = new Map<string, Database.Database>();

/**
 * A second connection to a data dir's SQLite store, for tests that check or poke rows directly:
 * the bot itself holds no database handle outside src/core/store/. One per dir, reused.
 */
export function peekSqlite(dataDir: string): Database.Database {
  const file = join(dataDir, 'papers.db');
  let db = opened.get(file);
  if (!db?.open) {
    db = new Database(file);
    db.pragma('busy_timeout = 5000');
    opened.set(file, db);
  }
  return db;
}
