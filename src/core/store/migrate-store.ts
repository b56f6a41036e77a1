import { existsSync } from 'node:fs';
import pg from 'pg';
import { UserError } from '../errors.js';
import { openPostgresStorage } from './postgres/open-postgres-storage.js';
import { withTransaction } from './postgres/tx.js';
import { openDatabase } from './sqlite/open.js';
import { fillSqliteTrendTerms } from './sqlite/trend-terms.js';

/** Tables in the order their foreign keys need; `order` keeps SQLite's insertion order where it matters. */
const TABLES: Array<{ name: string; order: string }> = [
  { name: 'papers', order: 'seq' },
  { name: 'digests', order: 'id' },
  { name: 'digest_papers', order: 'entry_id' },
  { name: 'bookmarks', order: 'rowid' },
  { name: 'messages', order: 'rowid' },
  { name: 'subscriptions', order: 'rowid' },
  { name: 'digest_runs', order: 'id' },
  { name: 'posts', order: 'rowid' },
  { name: 'dismissals', order: 'rowid' },
  { name: 'pins', order: 'rowid' },
  { name: 'reading_notes', order: 'rowid' },
  { name: 'reading_tags', order: 'rowid' },
  { name: 'installations', order: 'rowid' },
  { name: 'installation_channels', order: 'rowid' },
  // paper_terms and term_day_counts have no rowid (WITHOUT ROWID): their keys order them. The
  // counts' triggers stay off until trend_terms_fill arrives last (DERIVED empties it first).
  { name: 'trend_terms', order: 'id' },
  { name: 'paper_terms', order: 'paper_id, term_id' },
  { name: 'term_day_counts', order: 'term_id, day' },
  { name: 'trend_terms_fill', order: 'id' },
  { name: 'dm_digest_notices', order: 'rowid' },
];

/** Tables the target's own open fills (the trend terms of its zero papers): emptied, then copied. */
const DERIVED = ['trend_terms_fill', 'term_day_counts', 'paper_terms', 'trend_terms'];

/** Identity columns whose next value must follow the copied ids. */
const IDENTITIES = [
  ['digests', 'id'],
  ['digest_papers', 'entry_id'],
  ['digest_runs', 'id'],
  ['bookmarks', 'id'],
  ['trend_terms', 'id'],
] as const;

const CHUNK = 2000;

/**
 * Copies a SQLite store (papers.db) into an empty PostgreSQL database, in one transaction: all of
 * it or nothing. Ids, seq numbers and cursors are kept, so search indexes, digest cursors and
 * "posted already" records stay valid. Returns the rows copied per table.
 */
export async function migrateSqliteToPostgres(opts: { sqliteFile: string; databaseUrl: string; onTable?: (table: string, rows: number) => void }): Promise<Record<string, number>> {
  if (!existsSync(opts.sqliteFile)) throw new UserError(`no SQLite store at ${opts.sqliteFile} (set DATA_DIR to the directory holding papers.db)`);
  const db = openDatabase(opts.sqliteFile);
  // A store last opened by a bot from before the trend terms has them computed now, so they copy.
  fillSqliteTrendTerms(db);
  // Opening the target runs its migrations, so the schema is there before the copy.
  await (await openPostgresStorage(opts.databaseUrl)).close();
  const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 1 });
  try {
    return await withTransaction(pool, async (c) => {
      const have = (await c.query<{ n: number }>('SELECT COUNT(*)::int AS n FROM papers')).rows[0]!.n;
      if (have > 0) throw new UserError(`the target database already holds ${have} papers; migrate-store copies into an empty database only`);
      for (const t of DERIVED) await c.query(`DELETE FROM ${t}`);
      const copied: Record<string, number> = {};
      for (const t of TABLES) {
        const target = new Set((await c.query<{ column_name: string }>('SELECT column_name FROM information_schema.columns WHERE table_name = $1 AND table_schema = current_schema()', [t.name])).rows.map((r) => r.column_name));
        const cols = (db.prepare(`PRAGMA table_info(${t.name})`).all() as Array<{ name: string }>).map((r) => r.name).filter((n) => target.has(n));
        const list = cols.join(', ');
        let n = 0;
        let batch: unknown[] = [];
        const flush = async () => {
          if (!batch.length) return;
          // json_populate_recordset maps each row object onto the table's column types.
          await c.query(`INSERT INTO ${t.name} (${list}) SELECT ${list} FROM json_populate_recordset(NULL::${t.name}, $1)`, [JSON.stringify(batch)]);
          n += batch.length;
          batch = [];
        };
        for (const row of db.prepare(`SELECT ${list} FROM ${t.name} ORDER BY ${t.order}`).iterate()) {
          batch.push(row);
          if (batch.length >= CHUNK) await flush();
        }
        await flush();
        copied[t.name] = n;
        opts.onTable?.(t.name, n);
      }
      for (const [table, col] of IDENTITIES) {
        await c.query(`SELECT setval(pg_get_serial_sequence('${table}', '${col}'), COALESCE((SELECT MAX(${col}) FROM ${table}), 0) + 1, false)`);
      }
      return copied;
    });
  } finally {
    db.close();
    await pool.end();
  }
}
