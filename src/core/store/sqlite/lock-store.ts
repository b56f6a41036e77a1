import type { LockStore } from '../lock-store.js';
import type { Db } from './open.js';

/** Named leases in the `locks` table (migration 005): several processes may share one SQLite file. */
export function createSqliteLockStore(db: Db): LockStore {
  const acquire = db.prepare(`
    INSERT INTO locks (name, holder, until) VALUES (@name, @holder, @until)
    ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, until = excluded.until
    WHERE locks.holder = excluded.holder OR locks.until < @now`);
  const release = db.prepare('DELETE FROM locks WHERE name = ? AND holder = ?');
  const holderOf = db.prepare<[string], { holder: string }>('SELECT holder FROM locks WHERE name = ?');
  return {
    async acquire(name, holder, now, until) {
      return acquire.run({ name, holder, now, until }).changes > 0;
    },
    async release(name, holder) {
      release.run(name, holder);
    },
    async holderOf(name) {
      return holderOf.get(name)?.holder;
    },
  };
}
