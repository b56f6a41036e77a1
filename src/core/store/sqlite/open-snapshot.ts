import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PaperStore } from '../ports.js';
import { openDatabase } from './open.js';
import { createSqlitePaperStore } from './paper-store.js';

/**
 * The paper store of a database that cannot be written (a read-only DATA_DIR or mount), for reads
 * such as `papers stats`. SQLite in WAL mode cannot open a database read-only in a folder it cannot
 * write (it needs the -shm file, and this build takes no `immutable` URI), so the database and its
 * WAL are copied to a temporary folder and read there; close() removes the copy. Costs one copy of
 * the file: fine for a read now and then, not a way to serve traffic.
 */
export function openPaperStoreSnapshot(file: string): PaperStore {
  if (!existsSync(file)) throw new Error(`${file}: no database to read`);
  const dir = mkdtempSync(join(tmpdir(), 'papers-snapshot-'));
  try {
    const copy = join(dir, 'papers.db');
    copyFileSync(file, copy);
    if (existsSync(`${file}-wal`)) copyFileSync(`${file}-wal`, `${copy}-wal`);
    const store = createSqlitePaperStore(openDatabase(copy));
    return {
      ...store,
      async close() {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}
