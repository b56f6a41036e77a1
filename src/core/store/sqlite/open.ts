import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { useWal } from './journal-mode.js';
import { migrations, type Migration } from './migrations/index.js';

export type Db = Database.Database;

/**
 * Opens (creating if needed) the SQLite database at `file` in WAL mode and brings its schema up to
 * date. A database from a newer version of the bot is refused rather than guessed at.
 */
export function openDatabase(file: string): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  // First, so that every later step (the switch to WAL, the migrations) waits for a lock another
  // process holds instead of failing with "database is locked".
  db.pragma('busy_timeout = 5000');
  useWal(db);
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  migrate(db);
  return db;
}

/**
 * Brings the schema up to date. Each step runs in an IMMEDIATE transaction (the write lock taken at
 * BEGIN) and re-reads user_version inside it: two processes starting on one fresh DATA_DIR (two
 * `papers ingest`, or the bot and a CLI) then apply each migration once, the second one waiting and
 * finding it done, instead of both reading version 0 and one failing with "table already exists".
 * `list` is every migration unless a test builds a store as an older bot left it.
 */
export function migrate(db: Db, list: Migration[] = migrations): void {
  const version = () => db.pragma('user_version', { simple: true }) as number;
  const latest = list[list.length - 1]?.version ?? 0;
  const tooNew = (current: number) =>
    new Error(`database schema version ${current} is newer than this bot knows (${latest}); upgrade the bot`);
  // A read without the lock: an up-to-date database (every start but the first) never takes it.
  const seen = version();
  if (seen > latest) throw tooNew(seen);
  for (const m of list) {
    if (m.version <= seen) continue;
    db.transaction(() => {
      const current = version();
      if (current > latest) throw tooNew(current);
      if (m.version <= current) return; // another process applied it while we waited for the lock
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
}
