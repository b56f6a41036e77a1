import { join } from 'node:path';
import type { Storage, StorageConfig } from './storage.js';

export const DATABASE_FILE = 'papers.db';

/** Opens the configured backend: PostgreSQL when a databaseUrl is given, else SQLite in dataDir. */
export async function openStorage(config: StorageConfig): Promise<Storage> {
  if (config.databaseUrl) {
    // Loaded only when asked for, so a SQLite install never loads the pg driver.
    const { openPostgresStorage } = await import('./postgres/open-postgres-storage.js');
    return openPostgresStorage(config.databaseUrl, config);
  }
  const { openSqliteStorage } = await import('./sqlite/open-sqlite-storage.js');
  return openSqliteStorage(join(config.dataDir, DATABASE_FILE), config);
}
