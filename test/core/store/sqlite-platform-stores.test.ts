import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../src/core/store/sqlite/open.js';
import { createSqlitePlatformStores } from '../../../src/core/store/sqlite/platform-stores.js';
import { platformStoresContract } from './platform-stores.contract.js';

platformStoresContract('SQLite', {
  async open() {
    const dir = mkdtempSync(join(tmpdir(), 'papers-platform-'));
    const file = join(dir, 'papers.db');
    const dbs: Db[] = [openDatabase(file)];
    return {
      stores: createSqlitePlatformStores(dbs[0]),
      // A second connection to the same file, as a second bot process sharing DATA_DIR would have.
      async another() {
        const db = openDatabase(file);
        dbs.push(db);
        return createSqlitePlatformStores(db);
      },
      async close() {
        for (const db of dbs) db.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
});

describe('SQLite migration 009', () => {
  it('creates the installation and seen-event tables', () => {
    const dir = mkdtempSync(join(tmpdir(), 'papers-platform-'));
    try {
      const db = openDatabase(join(dir, 'papers.db'));
      expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(9);
      const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('installations', 'installation_channels', 'seen_events') ORDER BY name`).all();
      expect(tables).toEqual([{ name: 'installation_channels' }, { name: 'installations' }, { name: 'seen_events' }]);
      db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
