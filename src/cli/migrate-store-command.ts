import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DATABASE_FILE } from '../core/store/open-storage.js';
import { counted } from '../core/thousands.js';
import { UsageError } from './ingest-command.js';
import type { CliIo } from './io.js';

/**
 * `papers migrate-store --to postgres://…`: copies DATA_DIR's SQLite store into an empty
 * PostgreSQL database (all or nothing), after which DATABASE_URL points the bot there.
 */
export async function migrateStoreCommand(argv: string[], io: CliIo, dataDir: string): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { to: { type: 'string' } } });
  if (positionals.length || !values.to) throw new UsageError('papers migrate-store: give the target as --to postgres://user:password@host/db');
  if (!/^postgres(ql)?:\/\//.test(values.to)) throw new UsageError(`papers migrate-store: --to must be a postgres:// URL`);
  // Loaded here: the pg driver is only needed by this command and the PostgreSQL backend.
  const { migrateSqliteToPostgres } = await import('../core/store/migrate-store.js');
  const from = join(dataDir, DATABASE_FILE);
  io.stderr.write(`copying ${from} into PostgreSQL (one transaction)…\n`);
  const copied = await migrateSqliteToPostgres({ sqliteFile: from, databaseUrl: values.to, onTable: (t, n) => io.stderr.write(`  ${t}: ${n} rows\n`) });
  io.stdout.write(`migrated ${counted(copied.papers ?? 0, 'paper')}, ${counted(copied.bookmarks ?? 0, 'bookmark')}, ${counted(copied.subscriptions ?? 0, 'subscription')}. Now set DATABASE_URL to that database.\n`);
  return 0;
}
