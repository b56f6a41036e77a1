import type pg from 'pg';
import { pgMigrations, type PgMigration } from './migrations/index.js';
import { LOCK_KEYS, withTransaction } from './tx.js';

/**
 * Brings the schema up to date. Several instances starting at once queue on an advisory lock, so
 * each step runs once. A database from a newer bot is refused rather than guessed at. `list` is every
 * migration unless a test builds a database as an older bot left it.
 */
export async function migratePostgres(pool: pg.Pool, list: PgMigration[] = pgMigrations): Promise<void> {
  await withTransaction(pool, async (c) => {
    await c.query('SELECT pg_advisory_xact_lock($1)', [LOCK_KEYS.migrate]);
    await c.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    const current = (await c.query<{ v: number | null }>('SELECT MAX(version) AS v FROM schema_migrations')).rows[0]?.v ?? 0;
    const latest = list[list.length - 1]?.version ?? 0;
    if (current > latest) throw new Error(`database schema version ${current} is newer than this bot knows (${latest}); upgrade the bot`);
    for (const m of list) {
      if (m.version <= current) continue;
      await c.query(m.sql);
      await c.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [m.version, m.name, new Date().toISOString()]);
    }
  });
}
